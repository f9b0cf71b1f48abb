package dev.jtc.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The zone rule: region ids, UTC and fixed offsets; abbreviations and other legacy ids are rejected with a suggestion. */
final class ZonesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "America/Argentina/Buenos_Aires", "Australia/Lord_Howe",
        "Etc/UTC", "US/Eastern", "UTC", "Z", "+01:00", "-05:30", "UTC+01:00", "GMT-03:00"})
    void acceptsRegionIdsUtcAndOffsets(String written) {
        ZoneCheck check = Zones.check(written);
        assertTrue(check.isValid(), check::toString);
        assertEquals(ZoneId.of(written), check.zone());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CET            | is a time-zone abbreviation, not a region id (did you mean "Europe/Berlin"?)
            EST            | is a time-zone abbreviation, not a region id (did you mean "America/New_York"?)
            MST            | is a time-zone abbreviation, not a region id (did you mean "America/Denver" or "America/Phoenix"?)
            PST            | is a time-zone abbreviation, not a region id (did you mean "America/Los_Angeles"?)
            EST5EDT        | is a time-zone abbreviation, not a region id (did you mean "America/New_York"?)
            GMT            | is a time-zone abbreviation, not a region id (did you mean "UTC" or "Europe/London"?)
            Zulu           | is a legacy name of UTC, not a region id (did you mean "UTC"?)
            Japan          | is a legacy id, not a region id (did you mean "Asia/Tokyo"?)
            Europe/Berln   | is not a time-zone id (did you mean "Europe/Berlin"?)
            europe/berlin  | is not a time-zone id (did you mean "Europe/Berlin"?)
            Mars/Olympus   | is not a time-zone id
            """)
    void rejectsEverythingElseSayingWhatItMeant(String written, String error) {
        ZoneCheck check = Zones.check(written);
        assertFalse(check.isValid(), check::toString);
        assertEquals(error, check.error());
    }

    @Test
    void legacySystemVIdsAreRejectedThoughJavaTimeKnowsThem() {
        assertFalse(Zones.check("SystemV/EST5EDT").isValid());
        assertFalse(Zones.isAccepted(ZoneId.of("SystemV/EST5EDT")));
    }

    @Test
    void requireAcceptedPassesAcceptedZonesThrough() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertSame(berlin, Zones.requireAccepted(berlin));
        assertSame(ZoneOffset.UTC, Zones.requireAccepted(ZoneOffset.UTC));
    }

    @Test
    void requireAcceptedRejectsCetWithTheProcessorsReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Zones.requireAccepted(ZoneId.of("CET")));
        assertEquals("zone \"CET\" is a time-zone abbreviation, not a region id (did you mean \"Europe/Berlin\"?): write a"
                + " region id such as \"Europe/Berlin\" or \"America/New_York\", \"UTC\", or a fixed offset such as \"+01:00\"",
                e.getMessage());
    }
}
