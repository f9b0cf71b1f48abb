package dev.jtc.runtime.broker;

import dev.jtc.schedule.Names;
import java.security.SecureRandom;

/**
 * Makes and reads job ids of the form {@code <ulid>@<queue>}, for example
 * {@code 01JDQ4M5Z9X8K2J3H4G5F6D7S8@mail}.
 *
 * <p>The first part is a ULID: 26 characters of Crockford base32, 48 bits of milliseconds since
 * the epoch followed by 80 random bits, so ids sort by creation time as plain strings (ids made
 * in the same millisecond by this process still sort in creation order: the random part is
 * incremented instead of redrawn). The second part is the queue the job was first sent to. It
 * lets the Redis broker find every key of a job inside that queue's hash slot
 * ({@code jtc:{mail}:...}) from the id alone, which is all that {@code status} and
 * {@code cancel} are given. A job that a dispatch sends to another queue than its type's default
 * gets an id naming the queue it is actually sent to.
 */
public final class JobIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int ULID_LENGTH = 26;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static long lastMillis = -1;
    private static long randomHigh; // upper 16 of the 80 random bits
    private static long randomLow; // lower 64 of the 80 random bits

    private JobIds() {}

    /** A new id for a job sent to {@code queue}. */
    public static String next(String queue) {
        Names.requireValid("queue", queue);
        return ulid(System.currentTimeMillis()) + "@" + queue;
    }

    /** The queue named in {@code id}; throws if {@code id} is not a jtc job id. */
    public static String queueOf(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a jtc job id (expected <26-char ULID>@<queue>,"
                    + " e.g. 01JDQ4M5Z9X8K2J3H4G5F6D7S8@mail)");
        }
        return id.substring(ULID_LENGTH + 1);
    }

    /** Whether {@code id} has the form {@code <ulid>@<queue>}. */
    public static boolean isValid(String id) {
        if (id == null || id.length() < ULID_LENGTH + 2 || id.charAt(ULID_LENGTH) != '@') {
            return false;
        }
        for (int i = 0; i < ULID_LENGTH; i++) {
            if (decode(id.charAt(i)) < 0) {
                return false;
            }
        }
        // The first character carries only the top 3 bits of 130, so it is at most '7'.
        return decode(id.charAt(0)) <= 7 && Names.isValid(id.substring(ULID_LENGTH + 1));
    }

    private static synchronized String ulid(long millis) {
        if (millis > lastMillis) {
            lastMillis = millis;
            randomHigh = RANDOM.nextInt(1 << 16);
            randomLow = RANDOM.nextLong();
        } else {
            // Same (or an earlier, if the wall clock stepped back) millisecond: keep the order.
            randomLow++;
            if (randomLow == 0) {
                randomHigh = (randomHigh + 1) & 0xFFFF;
                if (randomHigh == 0) {
                    lastMillis++;
                }
            }
        }
        char[] out = new char[ULID_LENGTH];
        long time = lastMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits as 16 characters: high 16 bits then low 64 bits, 5 bits per character.
        long high = randomHigh;
        long low = randomLow;
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low = (low >>> 5) | ((high & 31) << 59);
            high >>>= 5;
        }
        return new String(out);
    }

    private static int decode(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
