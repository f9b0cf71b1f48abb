package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.RedisServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Connecting: the one-line errors with a hint, and logins with a password or an ACL user. */
class RedisConnectTest {

    private static RedisServerProcess secured;

    @BeforeAll
    static void startSecuredRedis() {
        secured = RedisServerProcess.start(List.of("--requirepass", "s3cret",
                "--user", "alice", "on", ">wonderland", "~*", "&*", "+@all"));
    }

    @AfterAll
    static void stopSecuredRedis() {
        secured.close();
    }

    @Test
    void nothingListeningGivesOneLineWithAHint() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        BrokerException e = assertThrows(BrokerException.class,
                () -> RedisBroker.connect("redis://127.0.0.1:" + port, "jtc", Clock.systemUTC()));
        assertEquals("cannot reach Redis at redis://127.0.0.1:" + port + " (Connection refused); start one with:"
                + " redis-server --port " + port + ", or set JTC_REDIS_URL", e.getMessage());
    }

    @Test
    void malformedUrlIsABrokerExceptionWithAHint() {
        BrokerException e = assertThrows(BrokerException.class,
                () -> RedisBroker.connect("localhost:6379", "jtc", Clock.systemUTC()));
        assertTrue(e.getMessage().contains("must start with redis://"), e.getMessage());
        assertTrue(e.getMessage().contains("JTC_REDIS_URL"), e.getMessage());
    }

    @Test
    void invalidNamespaceIsRejected() {
        BrokerException e = assertThrows(BrokerException.class,
                () -> RedisBroker.connect(secured.url(), "my app", Clock.systemUTC()));
        assertTrue(e.getMessage().contains("namespace 'my app'"), e.getMessage());
    }

    @Test
    void passwordInTheUrlLogsIn() throws Exception {
        try (RedisBroker broker = RedisBroker.connect("redis://:s3cret@127.0.0.1:" + secured.port(), "pw", Clock.systemUTC())) {
            roundTrip(broker);
        }
    }

    @Test
    void aclUserAndPasswordInTheUrlLogIn() throws Exception {
        try (RedisBroker broker = RedisBroker.connect("redis://alice:wonderland@127.0.0.1:" + secured.port(), "acl",
                Clock.systemUTC())) {
            roundTrip(broker);
        }
    }

    @Test
    void wrongPasswordSaysTheLoginWasRefusedWithoutShowingIt() {
        BrokerException e = assertThrows(BrokerException.class, () -> RedisBroker.connect(
                "redis://alice:guess@127.0.0.1:" + secured.port(), "acl", Clock.systemUTC()));
        assertTrue(e.getMessage().startsWith("Redis at redis://alice:***@127.0.0.1:" + secured.port() + " refused the login"),
                e.getMessage());
        assertTrue(e.getMessage().contains("check the user and password"), e.getMessage());
        assertFalse(e.getMessage().contains("guess"), e.getMessage());
    }

    @Test
    void missingPasswordSaysTheLoginWasRefused() {
        BrokerException e = assertThrows(BrokerException.class,
                () -> RedisBroker.connect(secured.url(), "none", Clock.systemUTC()));
        assertTrue(e.getMessage().contains("refused the login"), e.getMessage());
    }

    private static void roundTrip(RedisBroker broker) throws InterruptedException {
        JobMessage job = JobMessage.create(JobIds.next("default"), "Ping", "default", "{}", "", Clock.systemUTC().instant(), null, null);
        broker.enqueue(job);
        assertEquals(List.of(job.id()), broker.fetch("w", List.of("default"), 5, Duration.ZERO).stream().map(JobMessage::id).toList());
        assertEquals(Optional.of(JobState.ACTIVE), broker.status(job.id()));
    }
}
