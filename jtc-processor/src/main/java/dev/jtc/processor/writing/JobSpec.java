package dev.jtc.processor.writing;

import com.palantir.javapoet.ClassName;
import dev.jtc.processor.model.PayloadType;
import java.time.Duration;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * One validated {@code @Job}, with the names of everything generated for it.
 *
 * @param timeout {@link Duration#ZERO} when the job has none
 * @param arguments the {@code handle} parameters in declared order, payload and context alike
 * @param provisionMethod the component method that makes an instance; filled in for the application
 */
public record JobSpec(
        ClassName type,
        String wireName,
        String queue,
        int retries,
        Duration timeout,
        Duration backoffBase,
        Duration backoffCap,
        ClassName codec,
        List<Argument> arguments,
        String schema,
        String fingerprint,
        String dispatchMethod,
        String constant,
        String provisionMethod,
        Element originatingElement) {

    public JobSpec {
        arguments = List.copyOf(arguments);
    }

    /** The arguments that travel in the payload (all but the {@code JobContext}). */
    public List<Argument> payload() {
        return arguments.stream().filter(argument -> !argument.context()).toList();
    }

    JobSpec withNames(String dispatchMethod, String constant, String provisionMethod) {
        return new JobSpec(type, wireName, queue, retries, timeout, backoffBase, backoffCap, codec, arguments, schema,
                fingerprint, dispatchMethod, constant, provisionMethod, originatingElement);
    }

    /**
     * One {@code handle} parameter.
     *
     * @param type its payload type; {@code null} for the {@code JobContext}
     */
    public record Argument(String name, PayloadType type, boolean context) {}
}
