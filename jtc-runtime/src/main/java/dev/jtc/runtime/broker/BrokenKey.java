package dev.jtc.runtime.broker;

import java.util.Objects;
import java.util.Optional;

/**
 * One of jtc's keys that holds another type of data than jtc keeps there, as {@code stats}, the
 * dashboard and {@code check} report it.
 *
 * @param key the key, e.g. {@code jtc:{mail}:failed}
 * @param expected the Redis type jtc keeps there ({@code list}, {@code zset}, {@code hash}, {@code set})
 * @param found the type Redis reported ({@code string}, ...)
 */
public record BrokenKey(String key, String expected, String found) {

    public BrokenKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
    }

    /** The queue whose hash tag the key carries ({@code mail} for {@code jtc:{mail}:failed}); empty for other keys. */
    public Optional<String> queue() {
        int open = key.indexOf('{');
        int close = open < 0 ? -1 : key.indexOf('}', open);
        return open < 0 || close < 0 ? Optional.empty() : Optional.of(key.substring(open + 1, close));
    }

    /** "Redis key jtc:{mail}:failed is a string, not a zset". */
    public String describe() {
        return "Redis key " + key + " is " + article(found) + " " + found + ", not " + article(expected) + " " + expected;
    }

    private static String article(String type) {
        return type.isEmpty() || "aeiou".indexOf(type.charAt(0)) < 0 ? "a" : "an";
    }
}
