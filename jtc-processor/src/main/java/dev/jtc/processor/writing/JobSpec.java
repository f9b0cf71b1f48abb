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
 * @param limits what the job's {@code TYPE} holds every worker to; {@link Limits#NONE} for none
 * @param middleware the job's own middleware, in order, for its contribution marker
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
        Limits limits,
        List<ClassName> middleware,
        List<String> suppressedWarnings,
        ClassName marker,
        String source,
        Element originatingElement) {

    public JobSpec {
        arguments = List.copyOf(arguments);
        middleware = List.copyOf(middleware);
        suppressedWarnings = List.copyOf(suppressedWarnings);
    }

    /** The arguments that travel in the payload (all but the {@code JobContext}). */
    public List<Argument> payload() {
        return arguments.stream().filter(argument -> !argument.context()).toList();
    }

    /**
     * The job's limits, as the runtime's {@code JobLimits} takes them.
     *
     * @param rateCount 0 without a rate limit
     * @param ratePer the rate limit's window; {@link Duration#ZERO} without one
     * @param limitKey the payload field that keys the concurrency and rate limits, or empty
     * @param overlapKey the payload field that keys {@code withoutOverlapping}, or empty for the whole job
     */
    public record Limits(int maxConcurrency, int rateCount, Duration ratePer, String limitKey, boolean withoutOverlapping,
            String overlapKey) {

        public static final Limits NONE = new Limits(0, 0, Duration.ZERO, "", false, "");

        public boolean isNone() {
            return maxConcurrency == 0 && rateCount == 0 && !withoutOverlapping;
        }
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
