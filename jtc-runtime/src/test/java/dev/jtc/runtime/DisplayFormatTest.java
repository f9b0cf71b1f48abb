package dev.jtc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one way states, instants and spans are written for people, by the command line and the dashboard. */
class DisplayFormatTest {

    @Test
    void statesAreTheEnumNamesInLowerCase() {
        assertEquals(List.of("scheduled", "queued", "active", "completed", "failed", "cancelled"),
                Arrays.stream(JobState.values()).map(DisplayFormat::state).toList());
    }

    @Test
    void instantsAreIsoUtcToTheSecondWithFractionsCutOff() {
        assertEquals("2026-03-02T10:00:00Z", DisplayFormat.instant(Instant.parse("2026-03-02T10:00:00Z")));
        assertEquals("2026-03-02T10:00:30Z", DisplayFormat.instant(Instant.parse("2026-03-02T10:00:30.999Z")));
        assertEquals("", DisplayFormat.instant(null));
    }

    @Test
    void instantsInAZoneCarryTheOffsetOfThatDay() {
        Instant winter = Instant.parse("2026-03-02T08:00:00.5Z");
        Instant summer = Instant.parse("2026-07-02T07:00:00Z");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals("2026-03-02T09:00:00+01:00", DisplayFormat.instant(winter, berlin));
        assertEquals("2026-07-02T09:00:00+02:00", DisplayFormat.instant(summer, berlin));
        assertEquals("2026-03-02T08:00:00Z", DisplayFormat.instant(winter, ZoneOffset.UTC));
        assertEquals("2026-03-02T08:00:00Z", DisplayFormat.instant(winter, ZoneId.of("UTC")));
        assertEquals("", DisplayFormat.instant(null, berlin));
    }

    @Test
    void zonesAreNamedByIdWithUtcForTheZeroOffset() {
        assertEquals("UTC", DisplayFormat.zone(ZoneOffset.UTC));
        assertEquals("UTC", DisplayFormat.zone(ZoneId.of("UTC")));
        assertEquals("Europe/Berlin", DisplayFormat.zone(ZoneId.of("Europe/Berlin")));
    }

    @Test
    void spansKeepTheirTwoLargestUnits() {
        assertEquals("0s", DisplayFormat.span(Duration.ZERO));
        assertEquals("0s", DisplayFormat.span(Duration.ofMillis(999)));
        assertEquals("45s", DisplayFormat.span(Duration.ofSeconds(45)));
        assertEquals("5m30s", DisplayFormat.span(Duration.ofSeconds(330)));
        assertEquals("1h", DisplayFormat.span(Duration.ofSeconds(3630)));
        assertEquals("3h5m", DisplayFormat.span(Duration.ofHours(3).plusMinutes(5).plusSeconds(59)));
        assertEquals("2d4h", DisplayFormat.span(Duration.ofDays(2).plusHours(4).plusMinutes(30)));
        assertEquals("1d", DisplayFormat.span(Duration.ofDays(1).plusMinutes(59)));
    }

    @Test
    void aSpanBetweenInstantsIsNeverNegative() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        assertEquals("2s", DisplayFormat.span(now.minusSeconds(2), now));
        assertEquals("0s", DisplayFormat.span(now.plusSeconds(5), now), "a clock a little ahead elsewhere");
    }
}
