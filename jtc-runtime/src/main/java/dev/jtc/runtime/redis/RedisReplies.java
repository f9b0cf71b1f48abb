package dev.jtc.runtime.redis;

import dev.jtc.runtime.broker.BrokenKey;
import dev.jtc.runtime.broker.BrokenKeyException;
import dev.jtc.runtime.broker.BrokerException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reads script replies, whose elements arrive as {@code String}, {@code byte[]}, {@code Long} or null. */
final class RedisReplies {

    /** The prefix of the error reply with which a jtc script refuses a key of the wrong type. */
    static final String BROKEN_KEY = "JTCKEY ";

    private RedisReplies() {}

    /**
     * The error reply of one script, kept in its place among the replies of a pipeline.
     *
     * @param script the script that answered it
     * @param message the reply, e.g. {@code JTCKEY zset string jtc:{mail}:failed}
     */
    record ScriptError(Script script, String message) {

        /** The broken key the reply names, if it is a jtc script's refusal. */
        Optional<BrokenKey> brokenKey() {
            if (message == null || !message.startsWith(BROKEN_KEY)) {
                return Optional.empty();
            }
            String[] parts = message.substring(BROKEN_KEY.length()).split(" ", 3);
            return parts.length < 3 ? Optional.empty() : Optional.of(new BrokenKey(parts[2], parts[0], parts[1]));
        }

        /** A {@link BrokenKeyException} for a refused key, else a {@link BrokerException} quoting the reply. */
        BrokerException toException(String operation, RedisUrl url) {
            Optional<BrokenKey> key = brokenKey();
            if (key.isPresent()) {
                return new BrokenKeyException(operation, key.get());
            }
            return new BrokerException(operation + " failed: Redis at " + url.redacted() + " answered: " + message
                    + " (in " + script.fileName() + ")");
        }
    }

    /** {@code reply}, or the exception its error reply stands for. */
    static Object orThrow(Object reply, String operation, RedisUrl url) {
        if (reply instanceof ScriptError error) {
            throw error.toException(operation, url);
        }
        return reply;
    }

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
