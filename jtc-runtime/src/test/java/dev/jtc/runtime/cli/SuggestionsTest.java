package dev.jtc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean ...?": which known names count as close to what was typed. */
class SuggestionsTest {

    private static final List<String> COMMANDS = List.of("work", "list", "enqueue", "stats", "status", "check", "jobs",
            "failed", "make", "demo", "dashboard");

    @Test
    void swappedNeighboursAreOneEdit() {
        assertEquals(1, Suggestions.distance("wrok", "work"));
        assertEquals(List.of("work"), Suggestions.closeTo("wrok", COMMANDS));
        assertEquals(List.of("failed"), Suggestions.closeTo("falied", COMMANDS));
    }

    @Test
    void aLetterMissingAddedOrWrongIsClose() {
        assertEquals(List.of("stats", "status"), Suggestions.closeTo("stat", COMMANDS), "closest first");
        assertEquals(List.of("enqueue"), Suggestions.closeTo("enqeue", COMMANDS));
        assertEquals(List.of("dashboard"), Suggestions.closeTo("dashbord", COMMANDS));
        assertEquals(List.of("jobs"), Suggestions.closeTo("job", COMMANDS));
    }

    @Test
    void aPartOfTheNameIsClose() {
        assertEquals(List.of("dashboard"), Suggestions.closeTo("dash", COMMANDS));
        assertEquals(List.of("SendMail"), Suggestions.closeTo("sendmail", List.of("SendMail", "RebuildIndex")), "case is ignored");
        assertEquals(List.of("charge-payment"), Suggestions.closeTo("charge", List.of("charge-payment", "GenerateInvoice")));
    }

    @Test
    void optionsCompareWithoutTheirDashes() {
        assertEquals(List.of("--queues"), Suggestions.closeTo("--queus", List.of("--queues", "--concurrency", "-h", "--help")));
        assertEquals(List.of("--help"), Suggestions.closeTo("--hlep", List.of("--queues", "-h", "--help")));
    }

    @Test
    void farNamesAreNotSuggested() {
        assertEquals(List.of(), Suggestions.closeTo("xyzzy", COMMANDS));
        assertEquals(List.of(), Suggestions.closeTo("", COMMANDS));
        assertEquals(List.of(), Suggestions.closeTo("ab", List.of("about")), "two letters are not a part worth naming");
    }

    @Test
    void hintsQuoteTheNames() {
        assertEquals("'work'", Suggestions.quoted(List.of("work")));
        assertEquals("'stats' or 'status'", Suggestions.quoted(List.of("stats", "status")));
        assertEquals("'a', 'b' or 'c'", Suggestions.quoted(List.of("a", "b", "c")));
    }
}
