package dev.jtc.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ZoneSuggestionsTest {

    @Test
    void suggestsTheIdAMistypedOneMeant() {
        assertEquals(Optional.of("Europe/Berlin"), ZoneSuggestions.closest("europe/berlin"));
        assertEquals(Optional.of("Europe/Berlin"), ZoneSuggestions.closest("Berlin"));
        assertEquals(Optional.of("Europe/Berlin"), ZoneSuggestions.closest("Berln"));
        assertEquals(Optional.of("Europe/Berlin"), ZoneSuggestions.closest("Europe/Berln"));
        assertEquals(Optional.of("America/New_York"), ZoneSuggestions.closest("America/New York"));
        assertEquals(Optional.of("UTC"), ZoneSuggestions.closest("utc"));
    }

    @Test
    void suggestsNothingForSomethingFarOff() {
        assertEquals(Optional.empty(), ZoneSuggestions.closest("Mars/Olympus_Mons_Base"));
        assertEquals(Optional.empty(), ZoneSuggestions.closest(""));
        assertEquals(List.of(), ZoneSuggestions.forRejected("XYZ"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PST      | America/Los_Angeles
            pst      | America/Los_Angeles
            PDT      | America/Los_Angeles
            PST8PDT  | America/Los_Angeles
            EST      | America/New_York
            EST5EDT  | America/New_York
            CET      | Europe/Berlin
            CEST     | Europe/Berlin
            EET      | Europe/Athens
            WET      | Europe/Lisbon
            JST      | Asia/Tokyo
            AEST     | Australia/Sydney
            HST      | Pacific/Honolulu
            Zulu     | UTC
            GMT0     | UTC
            UCT      | UTC
            Japan    | Asia/Tokyo
            """)
    void abbreviationsAndLegacyIdsSuggestTheRegionTheyStandFor(String written, String suggestion) {
        assertEquals(suggestion, ZoneSuggestions.forRejected(written).get(0));
    }

    @Test
    void ambiguousAbbreviationsSuggestEachMeaning() {
        assertEquals(List.of("America/Denver", "America/Phoenix"), ZoneSuggestions.forRejected("MST"));
        assertEquals(List.of("UTC", "Europe/London"), ZoneSuggestions.forRejected("GMT"));
        assertEquals(List.of("America/Chicago", "Asia/Shanghai"), ZoneSuggestions.forRejected("CST"));
    }
}
