package dev.jtc.runtime.codec;

import dev.jtc.runtime.PayloadException;

/**
 * Reads one value of type {@code T} from JSON. Generated codecs pass these, usually as method
 * references such as {@code PayloadReader::readString}, to say how the elements of a list, map,
 * array or optional are read.
 *
 * @param <T> the type of value read
 */
@FunctionalInterface
public interface ValueReader<T> {

    /** Reads the value at the reader's current position. */
    T read(PayloadReader in) throws PayloadException;
}
