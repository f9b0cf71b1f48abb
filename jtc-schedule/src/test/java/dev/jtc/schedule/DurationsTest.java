package dev.jtc.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Durations}: the one duration syntax of {@code @Every}, timeouts and options. */
class DurationsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            30s,        PT30S
            5m,         PT5M
            1h30m,      PT1H30M
            2d,         PT48H
            250ms,      PT0.25S
            1d2h3m4s5ms, PT26H3M4.005S
            90m,        PT1H30M
            0s,         PT0S
            007s,       PT7S
            1m30s,      PT1M30S
            PT30S,      PT30S
            pt30s,      PT30S
            P2D,        PT48H
            P1DT12H,    PT36H
            PT0.5S,     PT0.5S
            PT-5S,      PT-5S
            -PT5S,      PT-5S
            """)
    void parsesShortFormAndIso(String text, String iso) {
        assertEquals(Duration.parse(iso), Durations.parse(text));
        assertTrue(Durations.check(text).isValid());
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            30 seconds  | '30 seconds' is not a duration: write 30s, 5m, 1h30m, 2d or ISO-8601 like PT30S
            ''          | the duration is empty: write 30s, 5m, 1h30m, 2d or ISO-8601 like PT30S
            30          | '30' is not a duration: write 30s
            30S         | '30S' is not a duration
            30m1h       | '30m1h' is not a duration
            5m5m        | '5m5m' is not a duration
            1.5h        | '1.5h' is not a duration
            -5s         | '-5s' is not a duration
            ' 5s'       | ' 5s' is not a duration
            1w          | '1w' is not a duration
            PT30        | 'PT30' is not an ISO-8601 duration: write e.g. PT30S, PT5M, PT1H30M or P2D (no months or years)
            P1M         | 'P1M' is not an ISO-8601 duration
            99999999999999999999d | '99999999999999999999d' is too large for a duration
            999999999999999999d   | '999999999999999999d' is too large for a duration
            """)
    void rejectsWithAMessageSayingWhatToWrite(String text, String message) {
        DurationCheck check = Durations.check(text);

        assertFalse(check.isValid(), text);
        assertTrue(check.error().startsWith(message), check.error());
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals(check.error(), thrown.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            PT30S,        30s
            PT5M,         5m
            PT1H30M,      1h30m
            PT48H,        2d
            PT0.25S,      250ms
            PT26H3M4.005S, 1d2h3m4s5ms
            PT0S,         0s
            PT-5S,        PT-5S
            PT0.0000015S, PT0.0000015S
            """)
    void formatsShortestFirstAndRoundTrips(String iso, String text) {
        Duration duration = Duration.parse(iso);

        assertEquals(text, Durations.format(duration));
        assertEquals(duration, Durations.parse(text));
    }

    @Test
    void positiveMeansLongerThanZero() {
        assertTrue(Durations.isPositive(Duration.ofNanos(1)));
        assertFalse(Durations.isPositive(Duration.ZERO));
        assertFalse(Durations.isPositive(Duration.ofSeconds(-1)));
    }

    @Test
    void checkAccessorsGuardAgainstMisuse() {
        assertThrows(IllegalStateException.class, () -> Durations.check("5m").error());
        assertThrows(IllegalStateException.class, () -> Durations.check("five minutes").duration());
    }
}
