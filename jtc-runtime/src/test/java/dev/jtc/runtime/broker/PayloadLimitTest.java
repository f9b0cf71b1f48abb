package dev.jtc.runtime.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payload size check: UTF-8 bytes, as Redis counts them. */
class PayloadLimitTest {

    private static JobMessage job(String payload) {
        return JobMessage.create("id@default", "SendMail", "default", payload, "", Instant.EPOCH, null, null);
    }

    @Test
    void sizesAreCountedInUtf8Bytes() {
        for (String text : List.of("", "{}", "caf\u00e9", "\u20ac100", "\uD83D\uDE00 grin", "\uD800 lone surrogate", "x".repeat(1000))) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, PayloadLimit.utf8Length(text), text);
        }
    }

    @Test
    void theLimitIsInclusive() {
        PayloadLimit.check(job("\u00e9\u00e9"), 4);
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> PayloadLimit.check(job("\u00e9\u00e9x"), 4));
        assertEquals(5, e.bytes());
        assertEquals("SendMail", e.jobName());
    }

    @Test
    void aBatchIsRefusedIfAnyJobIsTooLarge() {
        assertThrows(PayloadTooLargeException.class, () -> PayloadLimit.check(List.of(job("{}"), job("x".repeat(11))), 10));
    }

    @Test
    void theLimitMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PayloadLimit.requireValid(0, "maxPayloadBytes"));
        assertEquals("maxPayloadBytes must be at least 1 byte, got 0", e.getMessage());
    }
}
