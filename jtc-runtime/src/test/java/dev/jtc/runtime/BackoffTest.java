package dev.jtc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Backoff}: exponential bounds, full jitter inside them, no overflow. */
class BackoffTest {

    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofMinutes(10);

    @ParameterizedTest(name = "retry {0} -> at most {1}")
    @CsvSource(textBlock = """
            1,          PT1S
            2,          PT2S
            3,          PT4S
            4,          PT8S
            10,         PT8M32S
            11,         PT10M
            64,         PT10M
            2147483647, PT10M
            """)
    void boundDoublesPerRetryUpToTheCap(int retry, String bound) {
        assertEquals(Duration.parse(bound), Backoff.exponential(BASE, CAP).upperBound(retry));
    }

    @Test
    void theLowestRandomDrawWaitsNothingAndTheHighestWaitsTheWholeBound() {
        Backoff lowest = Backoff.exponential(BASE, CAP, fixed(false));
        Backoff highest = Backoff.exponential(BASE, CAP, fixed(true));

        assertEquals(Duration.ZERO, lowest.delayBeforeRetry(3));
        assertEquals(Duration.ofSeconds(4), highest.delayBeforeRetry(3));
        assertEquals(CAP, highest.delayBeforeRetry(40));
    }

    @Test
    void delaysStayWithinTheBoundAndSpreadAcrossIt() {
        Backoff backoff = Backoff.exponential(BASE, CAP, new SplittableRandom(7));
        for (int retry = 1; retry <= 20; retry++) {
            Duration bound = backoff.upperBound(retry);
            long belowHalf = 0;
            for (int i = 0; i < 2000; i++) {
                Duration delay = backoff.delayBeforeRetry(retry);
                assertTrue(!delay.isNegative() && delay.compareTo(bound) <= 0, delay + " outside [0, " + bound + "]");
                belowHalf += delay.compareTo(bound.dividedBy(2)) < 0 ? 1 : 0;
            }
            // full jitter is uniform: about half the draws fall in the lower half (6 sigma is about 134)
            assertTrue(Math.abs(belowHalf - 1000) < 150, "retry " + retry + ": " + belowHalf + " of 2000 below half");
        }
    }

    @Test
    void hugeBaseAndCapDoNotOverflow() {
        Backoff huge = Backoff.exponential(Duration.ofDays(365 * 200), Duration.ofDays(365 * 1000), fixed(true));

        assertEquals(Duration.ofNanos(Long.MAX_VALUE), huge.upperBound(3));
        assertEquals(Duration.ofNanos(Long.MAX_VALUE), huge.upperBound(1000));
        assertTrue(huge.delayBeforeRetry(1000).compareTo(Duration.ofNanos(Long.MAX_VALUE)) <= 0);
    }

    @Test
    void aZeroBaseMeansRetryAtOnceAndABaseAboveTheCapIsCapped() {
        assertEquals(Duration.ZERO, Backoff.exponential(Duration.ZERO, CAP).delayBeforeRetry(100));
        assertEquals(CAP, Backoff.exponential(Duration.ofHours(1), CAP).upperBound(1));
    }

    @Test
    void followsTheJobTypesBounds() {
        JobType type = new JobType("mail", "default", 3, JobType.NO_TIMEOUT, Duration.ofMillis(500), Duration.ofSeconds(3), "", "");

        assertEquals(Duration.ofMillis(500), Backoff.of(type).upperBound(1));
        assertEquals(Duration.ofSeconds(3), Backoff.of(type).upperBound(4));
    }

    @Test
    void rejectsNonsense() {
        Backoff backoff = Backoff.exponential(BASE, CAP);

        assertEquals("retry numbers start at 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> backoff.delayBeforeRetry(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backoff.exponential(Duration.ofSeconds(-1), CAP));
    }

    /** A source that always draws the lowest or the highest value of the range asked for. */
    private static RandomGenerator fixed(boolean highest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long origin, long bound) {
                return highest ? bound - 1 : origin;
            }
        };
    }
}
