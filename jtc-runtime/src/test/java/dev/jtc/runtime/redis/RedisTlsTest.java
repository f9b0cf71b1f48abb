package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code rediss://} for real: a redis-server speaking TLS with certificates from a throwaway CA
 * ({@link TlsRedisServer}). The broker works over TLS when told to trust that CA and given a client
 * certificate; it verifies the server's host name; and each way a TLS connection can fail at start
 * is one line that says what to check.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisTlsTest {

    private static TlsRedisServer server;
    private final Clock clock = Clock.systemUTC();

    @BeforeAll
    static void startRedis() {
        server = TlsRedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    private static RedisBrokerOptions trusted() {
        return RedisBrokerOptions.defaults().withConnectTimeout(Duration.ofSeconds(5))
                .withTrustedCertificates(server.caCertificate())
                .withClientCertificate(server.clientCertificate(), server.clientKey());
    }

    private static JobMessage job() {
        return JobMessage.create(JobIds.next("default"), "SendMail", "default", "{\"userId\":42}", "fp", Clock.systemUTC().instant(),
                null, null);
    }

    @Test
    void theBrokerWorksOverTlsWithThePrivateCaAndAClientCertificate() throws Exception {
        try (RedisBroker broker = RedisBroker.connect(server.url("localhost"), "tls-works", clock, trusted())) {
            // An empty fetch blocks (BLPOP) on the pool for blocking waits: TLS there too.
            assertEquals(List.of(), broker.fetch("w1", List.of("default"), 5, Duration.ofMillis(300)));
            JobMessage sent = job();
            broker.enqueue(sent);
            List<JobMessage> got = broker.fetch("w1", List.of("default"), 5, Duration.ofSeconds(2));
            assertEquals(List.of(sent.id()), got.stream().map(JobMessage::id).toList());
            assertEquals("{\"userId\":42}", got.get(0).payload());
            broker.complete("w1", got);
            assertEquals(Optional.of(JobState.COMPLETED), broker.status(sent.id()));
            assertTrue(broker.toString().contains("rediss://localhost:" + server.tlsPort()), broker.toString());
        }
    }

    @Test
    void theSameSettingsComeFromTheEnvironment() {
        RedisBrokerOptions options = RedisBrokerOptions.fromEnvironment(Map.of(
                RedisBrokerOptions.ENV_CA, server.caCertificate().toString(),
                RedisBrokerOptions.ENV_CLIENT_CERT, server.clientCertificate().toString(),
                RedisBrokerOptions.ENV_CLIENT_KEY, server.clientKey().toString()));

        try (RedisBroker broker = RedisBroker.connect(server.url("localhost"), "tls-environment", clock, options)) {
            JobMessage sent = job();
            broker.enqueue(sent);
            assertEquals(Optional.of(JobState.QUEUED), broker.status(sent.id()));
        }
    }

    @Test
    void aServerSignedByAnUnknownCaIsRefusedWithAHintAboutTheCaFile() {
        RedisBrokerOptions jvmTrustOnly = RedisBrokerOptions.defaults()
                .withClientCertificate(server.clientCertificate(), server.clientKey());

        BrokerException e = assertThrows(BrokerException.class,
                () -> RedisBroker.connect(server.url("localhost"), "jtc", clock, jvmTrustOnly));

        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("TLS handshake with Redis at rediss://localhost:" + server.tlsPort() + " failed ("),
                e.getMessage());
        assertTrue(e.getMessage().contains("set JTC_REDIS_CA to the CA file"), e.getMessage());
    }

    @Test
    void aHostNameThatIsNotInTheCertificateIsRefused() {
        BrokerException e = assertThrows(BrokerException.class,
                () -> RedisBroker.connect(server.url("127.0.0.1"), "jtc", clock, trusted()));

        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("TLS handshake with Redis at rediss://127.0.0.1:" + server.tlsPort() + " failed"),
                e.getMessage());
        assertTrue(e.getMessage().contains("host name"), e.getMessage());
    }

    @Test
    void withoutAClientCertificateAServerThatAsksForOneRefuses() {
        RedisBrokerOptions noClientCertificate = RedisBrokerOptions.defaults().withTrustedCertificates(server.caCertificate());

        BrokerException e = assertThrows(BrokerException.class,
                () -> RedisBroker.connect(server.url("localhost"), "jtc", clock, noClientCertificate));

        assertOneLine(e);
        assertTrue(e.getMessage().contains("Redis at rediss://localhost:" + server.tlsPort()), e.getMessage());
        assertTrue(e.getMessage().contains("JTC_REDIS_CLIENT_CERT/JTC_REDIS_CLIENT_KEY if it asks for client certificates"),
                e.getMessage());
    }

    @Test
    void redissToAPortWithoutTlsSaysSo() {
        // The plain port reads the TLS hello as a command and waits for more: the handshake times out.
        BrokerException e = assertThrows(BrokerException.class, () -> RedisBroker.connect("rediss://localhost:" + server.plainPort(),
                "jtc", clock, trusted().withSocketTimeout(Duration.ofMillis(500))));

        assertOneLine(e);
        assertTrue(e.getMessage().contains("Redis at rediss://localhost:" + server.plainPort()), e.getMessage());
        assertTrue(e.getMessage().contains("check that the server speaks TLS on this port"), e.getMessage());
    }

    @Test
    void redisWithoutTlsToATlsPortSuggestsRediss() {
        BrokerException e = assertThrows(BrokerException.class, () -> RedisBroker.connect("redis://localhost:" + server.tlsPort(),
                "jtc", clock, RedisBrokerOptions.defaults().withSocketTimeout(Duration.ofMillis(500))));

        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("cannot reach Redis at redis://localhost:" + server.tlsPort()), e.getMessage());
        assertTrue(e.getMessage().endsWith("(or use rediss:// if the server only speaks TLS)"), e.getMessage());
    }

    @Test
    void unusableCertificateFilesAreNamedWithWhatToDo() throws Exception {
        Path notPem = Files.writeString(server.directory().resolve("not-a-certificate.txt"), "hello\n");

        BrokerException badCa = assertThrows(BrokerException.class, () -> RedisBroker.connect(server.url("localhost"), "jtc", clock,
                trusted().withTrustedCertificates(notPem)));
        assertOneLine(badCa);
        assertTrue(badCa.getMessage().startsWith("CA certificate file (JTC_REDIS_CA) " + notPem + " holds no"), badCa.getMessage());

        BrokerException traditionalKey = assertThrows(BrokerException.class, () -> RedisBroker.connect(server.url("localhost"),
                "jtc", clock, trusted().withClientCertificate(server.clientCertificate(), server.clientKeyTraditional())));
        assertOneLine(traditionalKey);
        assertTrue(traditionalKey.getMessage().contains("is not an unencrypted PKCS#8 key (found -----BEGIN EC PRIVATE KEY-----)"),
                traditionalKey.getMessage());
        assertTrue(traditionalKey.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), traditionalKey.getMessage());

        Path missing = server.directory().resolve("missing.pem");
        BrokerException absent = assertThrows(BrokerException.class, () -> RedisBroker.connect(server.url("localhost"), "jtc", clock,
                trusted().withTrustedCertificates(missing)));
        assertTrue(absent.getMessage().startsWith("cannot read the CA certificate file (JTC_REDIS_CA) " + missing), absent.getMessage());
    }

    @Test
    void aClientCertificateWithoutItsKeyInTheEnvironmentIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisBrokerOptions.fromEnvironment(
                Map.of(RedisBrokerOptions.ENV_CLIENT_CERT, server.clientCertificate().toString())));

        assertTrue(e.getMessage().startsWith("JTC_REDIS_CLIENT_CERT and JTC_REDIS_CLIENT_KEY go together"), e.getMessage());
    }

    private static void assertOneLine(Exception e) {
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
