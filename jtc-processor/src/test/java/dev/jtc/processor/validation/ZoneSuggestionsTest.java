package dev.jtc.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ZoneSuggestionsTest {

    @Test
    void suggestsTheIdAMistypedOneMeant() {
        assertEquals(Optional.of("Europe/Berlin"), ZoneSuggestions.closest("europe/berlin"));
        assertEquals(Optional.of("Europe/Berlin"), ZoneSuggestions.closest("Berlin"));
        assertEquals(Optional.of("Europe/Berlin"), ZoneSuggestions.closest("Europe/Berln"));
        assertEquals(Optional.of("America/New_York"), ZoneSuggestions.closest("America/New York"));
    }

    @Test
    void suggestsNothingForSomethingFarOff() {
        assertEquals(Optional.empty(), ZoneSuggestions.closest("Mars/Olympus_Mons_Base"));
        assertEquals(Optional.empty(), ZoneSuggestions.closest(""));
    }
}
