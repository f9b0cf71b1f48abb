package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void plainUrlTakesTheDefaults() {
        assertEquals(new RedisUrl(false, "localhost", 6379, null, null, 0), RedisUrl.parse("redis://localhost"));
    }

    @Test
    void everyPartIsRead() {
        RedisUrl url = RedisUrl.parse("rediss://alice:s3cr%40t@redis.example.com:6380/2");
        assertEquals(new RedisUrl(true, "redis.example.com", 6380, "alice", "s3cr@t", 2), url);
    }

    @Test
    void passwordWithoutUserInBothShortForms() {
        assertEquals("secret", RedisUrl.parse("redis://:secret@localhost:6379").password());
        assertNull(RedisUrl.parse("redis://:secret@localhost:6379").user());
        assertEquals("secret", RedisUrl.parse("redis://secret@localhost").password());
        assertNull(RedisUrl.parse("redis://secret@localhost").user());
    }

    @Test
    void plusInAPasswordStaysAPlus() {
        assertEquals("a+b", RedisUrl.parse("redis://u:a+b@h").password());
    }

    @Test
    void redactedFormHidesThePassword() {
        assertEquals("rediss://alice:***@h:6380/2", RedisUrl.parse("rediss://alice:pw@h:6380/2").redacted());
        assertEquals("redis://:***@h:6379", RedisUrl.parse("redis://:pw@h").redacted());
        assertEquals("redis://h:6379", RedisUrl.parse("redis://h").toString());
    }

    @Test
    void wrongSchemeSaysWhatToWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("http://h:6379"));
        assertTrue(e.getMessage().contains("must start with redis://"), e.getMessage());
    }

    @Test
    void missingHostAndBadDatabaseAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("redis://"))
                .getMessage().contains("host"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("redis://h/zero"))
                .getMessage().contains("database number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse(" "))
                .getMessage().contains("no Redis URL"));
    }

    @Test
    void aBrokenUrlsMessageDoesNotLeakItsPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisUrl.parse("redis://alice:topsecret@bad host/"));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
    }
}
