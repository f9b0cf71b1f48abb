package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.PayloadLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The broker's options and how {@code JTC_*} variables set them. */
class RedisBrokerOptionsTest {

    @Test
    void defaultsAreDocumented() {
        RedisBrokerOptions defaults = RedisBrokerOptions.defaults();
        assertEquals(Duration.ofMinutes(5), defaults.completedRetention());
        assertEquals(1_048_576, defaults.maxPayloadBytes());
        assertEquals(PayloadLimit.DEFAULT_MAX_BYTES, defaults.maxPayloadBytes());
        assertEquals(Optional.empty(), defaults.trustedCertificates());
        assertEquals(Optional.empty(), defaults.clientCertificate());
        assertEquals(defaults.toString(), RedisBrokerOptions.fromEnvironment(Map.of()).toString(), "no variables: the defaults");
    }

    @Test
    void environmentSetsTlsFilesPayloadLimitAndRetention() {
        RedisBrokerOptions options = RedisBrokerOptions.fromEnvironment(Map.of(
                "JTC_REDIS_CA", "/etc/redis/ca.crt",
                "JTC_REDIS_CLIENT_CERT", "/etc/jtc/client.crt",
                "JTC_REDIS_CLIENT_KEY", " /etc/jtc/client.key ",
                "JTC_MAX_PAYLOAD_BYTES", "65536",
                "JTC_COMPLETED_RETENTION", "30m",
                "JTC_UNRELATED", "x"));

        assertEquals(Optional.of(Path.of("/etc/redis/ca.crt")), options.trustedCertificates());
        assertEquals(Optional.of(Path.of("/etc/jtc/client.crt")), options.clientCertificate());
        assertEquals(Optional.of(Path.of("/etc/jtc/client.key")), options.clientKey());
        assertEquals(65_536, options.maxPayloadBytes());
        assertEquals(Duration.ofMinutes(30), options.completedRetention());
    }

    @Test
    void historyIsOnUnlessTurnedOff() {
        assertTrue(RedisBrokerOptions.defaults().history());
        assertFalse(RedisBrokerOptions.fromEnvironment(Map.of("JTC_HISTORY", "OFF")).history());
        assertTrue(RedisBrokerOptions.fromEnvironment(Map.of("JTC_HISTORY", "on")).history());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> RedisBrokerOptions.fromEnvironment(Map.of("JTC_HISTORY", "no")));
        assertEquals("JTC_HISTORY='no' is neither on nor off", bad.getMessage());
        assertTrue(RedisBrokerOptions.defaults().withHistory(false).toString().contains("history=off"));
    }

    @Test
    void blankVariablesCountAsUnset() {
        RedisBrokerOptions options = RedisBrokerOptions.fromEnvironment(Map.of("JTC_REDIS_CA", " ", "JTC_MAX_PAYLOAD_BYTES", ""));
        assertEquals(Optional.empty(), options.trustedCertificates());
        assertEquals(PayloadLimit.DEFAULT_MAX_BYTES, options.maxPayloadBytes());
    }

    @Test
    void unusableValuesAreNamedWithAnExample() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> RedisBrokerOptions.fromEnvironment(Map.of("JTC_MAX_PAYLOAD_BYTES", "1MB")));
        assertEquals("JTC_MAX_PAYLOAD_BYTES='1MB' is not a positive whole number of bytes: set e.g. JTC_MAX_PAYLOAD_BYTES=1048576",
                size.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> RedisBrokerOptions.fromEnvironment(Map.of("JTC_MAX_PAYLOAD_BYTES", "0")));
        assertTrue(zero.getMessage().startsWith("JTC_MAX_PAYLOAD_BYTES='0'"), zero.getMessage());
        IllegalArgumentException retention = assertThrows(IllegalArgumentException.class,
                () -> RedisBrokerOptions.fromEnvironment(Map.of("JTC_COMPLETED_RETENTION", "soon")));
        assertEquals("JTC_COMPLETED_RETENTION='soon' is not a positive duration: set e.g. JTC_COMPLETED_RETENTION=10m",
                retention.getMessage());
        IllegalArgumentException keyOnly = assertThrows(IllegalArgumentException.class,
                () -> RedisBrokerOptions.fromEnvironment(Map.of("JTC_REDIS_CLIENT_KEY", "/k.pem")));
        assertTrue(keyOnly.getMessage().contains("go together"), keyOnly.getMessage());
    }
}
