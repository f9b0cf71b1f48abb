package dev.jtc.runtime;

import java.util.Objects;

/**
 * A job's type together with its payload's decoder, so that tests and tools can read what was
 * dispatched as the job's own {@code Payload} record instead of as JSON. Every generated codec
 * hands one out: {@code SendWelcomeEmailCodec.job()}.
 *
 * @param <P> the job's generated {@code Payload} record
 * @param type the job's type
 * @param decoder the generated codec's {@code decode}
 */
public record TypedJob<P>(JobType type, Decoder<P> decoder) {

    public TypedJob {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(decoder, "decoder");
    }

    /** The job's name on the wire. */
    public String name() {
        return type.name();
    }

    /** Decodes one payload of this job, exactly as the worker does before calling {@code handle}. */
    public P decode(String json) throws PayloadException {
        return decoder.decode(json);
    }

    /** A generated codec's {@code decode} method. */
    @FunctionalInterface
    public interface Decoder<P> {
        P decode(String json) throws PayloadException;
    }
}
