package dev.jtc.runtime.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobIdsTest {

    @Test
    void idIsAUlidAtTheQueue() {
        String id = JobIds.next("mail");
        assertTrue(id.matches("[0-7][0-9A-HJKMNP-TV-Z]{25}@mail"), id);
        assertEquals("mail", JobIds.queueOf(id));
        assertTrue(JobIds.isValid(id));
    }

    @Test
    void idsSortInTheOrderTheyWereMadeAndNeverRepeat() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(JobIds.next("default"));
        }
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertEquals(made, sorted);
        assertEquals(made.size(), new HashSet<>(made).size());
    }

    @Test
    void timePartIsTheCurrentMillisecond() {
        long before = System.currentTimeMillis();
        String id = JobIds.next("q");
        long after = System.currentTimeMillis();
        long millis = 0;
        for (char c : id.substring(0, 10).toCharArray()) {
            millis = millis * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c);
        }
        assertTrue(millis >= before && millis <= after + 1, millis + " not in [" + before + ", " + after + "]");
    }

    @Test
    void malformedIdsAreRecognised() {
        assertFalse(JobIds.isValid(null));
        assertFalse(JobIds.isValid("nope"));
        assertFalse(JobIds.isValid("01JDQ4M5Z9X8K2J3H4G5F6D7S8"));
        assertFalse(JobIds.isValid("01JDQ4M5Z9X8K2J3H4G5F6D7S8@"));
        assertFalse(JobIds.isValid("01JDQ4M5Z9X8K2J3H4G5F6D7SU@mail"), "U is not in Crockford base32");
        assertFalse(JobIds.isValid("81JDQ4M5Z9X8K2J3H4G5F6D7S8@mail"), "more than 128 bits");
        assertFalse(JobIds.isValid("01JDQ4M5Z9X8K2J3H4G5F6D7S8@ma il"));
        assertTrue(JobIds.isValid("01JDQ4M5Z9X8K2J3H4G5F6D7S8@mail"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobIds.queueOf("nope"));
        assertTrue(e.getMessage().contains("01JDQ4M5Z9X8K2J3H4G5F6D7S8@mail"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JobIds.next("bad queue"));
    }
}
