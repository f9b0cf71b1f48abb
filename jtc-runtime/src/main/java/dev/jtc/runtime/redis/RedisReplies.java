package dev.jtc.runtime.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads script replies, whose elements arrive as {@code String}, {@code byte[]}, {@code Long} or null. */
final class RedisReplies {

    private RedisReplies() {}

    @SuppressWarnings("unchecked")
    static List<Object> list(Object reply) {
        if (reply instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalStateException("expected a list reply from a jtc script, got " + reply);
    }

    static String string(Object reply) {
        if (reply == null) {
            return "";
        }
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return reply.toString();
    }

    static long number(Object reply) {
        if (reply instanceof Number n) {
            return n.longValue();
        }
        String text = string(reply);
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }
}
