package dev.jtc.runtime.broker;

import dev.jtc.schedule.Names;
import java.time.Instant;
import java.util.List;

/**
 * What a job's fields may hold, checked by both brokers when a job is enqueued and by the Redis
 * broker's fetch script when it finds a job another producer wrote (which then goes to the failed
 * set with the same reason instead of being delivered). The same limits are listed in
 * {@code docs/wire-protocol.md}, for producers in other languages.
 *
 * <ul>
 *   <li>name and queue: {@link Names} ({@code [A-Za-z0-9._-]}, at most {@value Names#MAX_LENGTH} characters);
 *   <li>id: 1 to {@value #MAX_ID_LENGTH} printable ASCII characters ({@code !} to {@code ~}, no spaces);
 *   <li>unique key: 1 to {@value #MAX_UNIQUE_KEY_BYTES} bytes of UTF-8, no ASCII control characters and no spaces;
 *   <li>fingerprint: empty, or up to {@value #MAX_FINGERPRINT_LENGTH} printable ASCII characters;
 *   <li>enqueue and run-at times: from 1970 on, at most {@value #MAX_EPOCH_MILLIS} epoch milliseconds (15 digits);
 *   <li>attempt and recoveries: 0 to {@value #MAX_COUNT} (9 digits).
 * </ul>
 */
public final class WireLimits {

    public static final int MAX_ID_LENGTH = 256;
    public static final int MAX_UNIQUE_KEY_BYTES = 256;
    public static final int MAX_FINGERPRINT_LENGTH = 64;
    public static final long MAX_EPOCH_MILLIS = 999_999_999_999_999L;
    public static final int MAX_COUNT = 999_999_999;

    private WireLimits() {}

    /** Throws {@link InvalidJobException} for the first job of {@code jobs} with a field out of bounds. */
    public static void check(List<JobMessage> jobs) {
        for (JobMessage job : jobs) {
            check(job);
        }
    }

    /** Throws {@link InvalidJobException} naming the first field of {@code job} that is out of bounds. */
    public static void check(JobMessage job) {
        if (!isValidId(job.id())) {
            throw invalid(job, "id", idProblem(job.id()));
        }
        if (job.name().length() > Names.MAX_LENGTH) {
            throw invalid(job, "name", "is " + job.name().length() + " characters long; at most " + Names.MAX_LENGTH
                    + " are allowed");
        }
        if (!Names.hasValidCharacters(job.name())) {
            throw invalid(job, "name", "may only contain letters, digits, '.', '_' and '-'");
        }
        if (!Names.isValid(job.queue())) {
            throw invalid(job, "queue", "must match [A-Za-z0-9._-]+ and have at most " + Names.MAX_LENGTH + " characters");
        }
        if (!isValidFingerprint(job.fingerprint())) {
            throw invalid(job, "fingerprint", "must be empty or up to " + MAX_FINGERPRINT_LENGTH
                    + " printable ASCII characters without spaces, got " + describe(job.fingerprint()));
        }
        if (job.uniqueKey() != null) {
            String problem = uniqueKeyProblem(job.uniqueKey());
            if (problem != null) {
                throw invalid(job, "uniqueKey", problem);
            }
        }
        checkTime(job, "enqueuedAt", job.enqueuedAt());
        if (job.runAt() != null) {
            checkTime(job, "runAt", job.runAt());
        }
        if (job.attempt() < 0 || job.attempt() > MAX_COUNT) {
            throw invalid(job, "attempt", "is " + job.attempt() + "; it must be between 0 and " + MAX_COUNT);
        }
        if (job.recoveries() < 0 || job.recoveries() > MAX_COUNT) {
            throw invalid(job, "recoveries", "is " + job.recoveries() + "; it must be between 0 and " + MAX_COUNT);
        }
    }

    /** Whether {@code id} is 1 to {@value #MAX_ID_LENGTH} printable ASCII characters. */
    public static boolean isValidId(String id) {
        return id != null && idProblem(id) == null;
    }

    /** Why {@code key} cannot be a unique key, or null if it can. */
    public static String uniqueKeyProblem(String key) {
        if (key.isEmpty()) {
            return "is empty";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                return "contains " + (c == ' ' ? "a space" : String.format("the control character U+%04X", (int) c))
                        + " at position " + i + "; spaces and control characters are not allowed";
            }
        }
        long bytes = PayloadLimit.utf8Length(key);
        if (bytes > MAX_UNIQUE_KEY_BYTES) {
            return "is " + bytes + " bytes long in UTF-8; at most " + MAX_UNIQUE_KEY_BYTES + " are allowed (hash a longer key)";
        }
        return null;
    }

    private static String idProblem(String id) {
        if (id.isEmpty()) {
            return "is empty";
        }
        if (id.length() > MAX_ID_LENGTH) {
            return "is " + id.length() + " characters long; at most " + MAX_ID_LENGTH + " are allowed";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return "contains " + describeChar(c) + " at position " + i + "; only printable ASCII without spaces is allowed";
            }
        }
        return null;
    }

    private static boolean isValidFingerprint(String fingerprint) {
        if (fingerprint.length() > MAX_FINGERPRINT_LENGTH) {
            return false;
        }
        for (int i = 0; i < fingerprint.length(); i++) {
            char c = fingerprint.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static void checkTime(JobMessage job, String field, Instant time) {
        if (time.isBefore(Instant.EPOCH) || time.toEpochMilli() > MAX_EPOCH_MILLIS) {
            throw invalid(job, field, "is " + time + "; it must be between 1970-01-01T00:00:00Z and "
                    + Instant.ofEpochMilli(MAX_EPOCH_MILLIS));
        }
    }

    private static String describeChar(char c) {
        return c == ' ' ? "a space" : c < 0x21 || c == 0x7F ? String.format("the control character U+%04X", (int) c)
                : String.format("the non-ASCII character U+%04X", (int) c);
    }

    private static String describe(String text) {
        return "'" + Names.shortened(text) + "'";
    }

    private static InvalidJobException invalid(JobMessage job, String field, String problem) {
        String name = Names.shortened(job.name());
        String id = Names.shortened(job.id());
        return new InvalidJobException(field, "job '" + name + "' (id '" + id + "'): field '" + field + "' " + problem
                + "; nothing was enqueued");
    }
}
