package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisVersionTest {

    private static String info(String version) {
        return "# Server\r\nredis_version:" + version + "\r\nredis_git_sha1:00000000\r\nredis_mode:standalone\r\n";
    }

    @Test
    void readsTheVersionFromAnInfoReply() {
        assertEquals(Optional.of(new RedisVersion(7, 0, 15)), RedisVersion.fromInfo(info("7.0.15")));
        assertEquals(Optional.of(new RedisVersion(7, 4, 1)), RedisVersion.fromInfo(info("7.4.1-rc1")));
        assertEquals(Optional.of(new RedisVersion(6, 2, 0)), RedisVersion.fromInfo("redis_version:6.2\n"));
    }

    @Test
    void missingOrUnreadableVersionIsEmpty() {
        assertEquals(Optional.empty(), RedisVersion.fromInfo("# Server\r\nredis_mode:standalone\r\n"));
        assertEquals(Optional.empty(), RedisVersion.fromInfo(info("banana")));
        assertEquals(Optional.empty(), RedisVersion.fromInfo(null));
    }

    @Test
    void oldServerIsRejectedWithTheVersionAndWhatIsNeeded() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RedisVersion.require(info("6.0.9"), "redis://localhost:6379"));
        assertEquals("Redis at redis://localhost:6379 is version 6.0.9; jtc needs Redis 6.2.0 or newer"
                + " (LPOP with a count, ZADD GT): upgrade the server", e.getMessage());
    }

    @Test
    void serverWithoutAVersionIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RedisVersion.require("# Server\r\n", "redis://h:1"));
        assertTrue(e.getMessage().contains("did not report a readable redis_version"), e.getMessage());
    }

    @Test
    void sixTwoAndNewerAreAccepted() {
        assertEquals(new RedisVersion(6, 2, 0), RedisVersion.require(info("6.2.0"), "x"));
        assertEquals(new RedisVersion(7, 2, 4), RedisVersion.require(info("7.2.4"), "x"));
        assertEquals(new RedisVersion(10, 0, 0), RedisVersion.require(info("10.0.0"), "x"));
    }
}
