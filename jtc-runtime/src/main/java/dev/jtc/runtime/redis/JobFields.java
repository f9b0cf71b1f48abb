package dev.jtc.runtime.redis;

import dev.jtc.runtime.broker.JobMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A {@link JobMessage} as the nine strings the scripts take and return, in this order: id, name,
 * payload, fingerprint, enqueuedAt (epoch ms), runAt (epoch ms or empty), uniqueKey (or empty),
 * attempt, recoveries. Also reads a job hash for listings, leniently, since a failed record may be
 * the remains of garbage.
 */
final class JobFields {

    static final int COUNT = 9;

    private JobFields() {}

    static void append(JobMessage job, List<String> out) {
        out.add(job.id());
        out.add(job.name());
        out.add(job.payload());
        out.add(job.fingerprint());
        out.add(Long.toString(job.enqueuedAt().toEpochMilli()));
        out.add(job.runAt() == null ? "" : Long.toString(job.runAt().toEpochMilli()));
        out.add(job.uniqueKey() == null ? "" : job.uniqueKey());
        out.add(Integer.toString(job.attempt()));
        out.add(Integer.toString(job.recoveries()));
    }

    /**
     * Reads the nine fields starting at {@code offset}; the fetch script has checked them. Should a
     * number still not parse, the {@link IllegalArgumentException} names the field.
     */
    static JobMessage read(List<Object> reply, int offset, String queue) {
        String runAt = RedisReplies.string(reply.get(offset + 5));
        String uniqueKey = RedisReplies.string(reply.get(offset + 6));
        return new JobMessage(
                RedisReplies.string(reply.get(offset)),
                RedisReplies.string(reply.get(offset + 1)),
                queue,
                RedisReplies.string(reply.get(offset + 2)),
                RedisReplies.string(reply.get(offset + 3)),
                Instant.ofEpochMilli(parse("enqueuedAt", RedisReplies.string(reply.get(offset + 4)), Long.MAX_VALUE)),
                runAt.isEmpty() ? null : Instant.ofEpochMilli(parse("runAt", runAt, Long.MAX_VALUE)),
                uniqueKey.isEmpty() ? null : uniqueKey,
                (int) parse("attempt", RedisReplies.string(reply.get(offset + 7)), Integer.MAX_VALUE),
                (int) parse("recoveries", RedisReplies.string(reply.get(offset + 8)), Integer.MAX_VALUE));
    }

    private static long parse(String field, String text, long max) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("field '" + field + "' is '" + dev.jtc.schedule.Names.shortened(text)
                + "', not a number from 0 to " + max);
    }

    /** A job hash as it is, with what is missing or unreadable filled in plainly (empty, zero). */
    static JobMessage fromHash(String id, String queue, Map<String, String> hash, Instant fallbackTime) {
        String runAt = hash.get("runAt");
        String uniqueKey = hash.get("uniqueKey");
        return new JobMessage(
                id,
                hash.getOrDefault("name", ""),
                queue,
                hash.getOrDefault("payload", ""),
                hash.getOrDefault("fingerprint", ""),
                instant(hash.get("enqueuedAt"), fallbackTime),
                runAt == null || runAt.isEmpty() ? null : instant(runAt, null),
                uniqueKey == null || uniqueKey.isEmpty() ? null : uniqueKey,
                (int) number(hash.get("attempt"), 0),
                (int) number(hash.get("recoveries"), 0));
    }

    static Instant instant(String millis, Instant fallback) {
        if (millis == null) {
            return fallback;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static long number(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
