package dev.jtc.runtime.codec;

/**
 * Writes one value of type {@code T} as JSON. Generated codecs pass these, usually as method
 * references such as {@code PayloadWriter::writeString}, to say how the elements of a list, map,
 * array or optional are written.
 *
 * @param <T> the type of value written
 */
@FunctionalInterface
public interface ValueWriter<T> {

    /** Writes {@code value} (which may be {@code null}) at the writer's current position. */
    void write(PayloadWriter out, T value);
}
