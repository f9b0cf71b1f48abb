package dev.jtc.processor.writing;

import com.palantir.javapoet.ClassName;
import dev.jtc.processor.model.PayloadType;
import java.time.Duration;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * One validated {@code @Job}, with everything its own compilation writes for it: its codec and
 * its contribution marker.
 *
 * @param timeout {@link Duration#ZERO} when the job has none
 * @param arguments the {@code handle} parameters in declared order, payload and context alike
 * @param varargs whether {@code handle} takes varargs, so the plain dispatch method does too
 * @param suppressedWarnings the lint categories the codec suppresses because it names deprecated code
 * @param source the job's source file relative to the class output, or empty (see {@code JobContribution#source})
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
        boolean varargs,
        String schema,
        String fingerprint,
        List<String> suppressedWarnings,
        ClassName marker,
        String source,
        Element originatingElement) {

    public JobSpec {
        arguments = List.copyOf(arguments);
        suppressedWarnings = List.copyOf(suppressedWarnings);
    }

    /** The arguments that travel in the payload (all but the {@code JobContext}). */
    public List<Argument> payload() {
        return arguments.stream().filter(argument -> !argument.context()).toList();
    }

    /**
     * One {@code handle} parameter.
     *
     * @param name the parameter's name, which is also its field name in the JSON payload
     * @param componentName its component in the codec's {@code Payload} record: the name, unless a
     *     record cannot have it ({@code wait}, {@code toString}, ...)
     * @param type its payload type; {@code null} for the {@code JobContext}
     */
    public record Argument(String name, String componentName, PayloadType type, boolean context) {}
}
