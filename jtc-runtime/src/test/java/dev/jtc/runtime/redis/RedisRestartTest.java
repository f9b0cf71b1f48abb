package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.RecoveryResult;
import dev.jtc.runtime.broker.WorkerInfo;
import dev.jtc.runtime.testing.ManualClock;
import dev.jtc.runtime.testing.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis going away under a running broker: calls fail with a {@link BrokerException} naming the
 * operation while it is gone, work again once it is back (stale connections and the lost script
 * cache are dealt with), and nothing that was acknowledged is lost. The server keeps an AOF
 * synced on every write, as a production Redis that must not lose jobs would.
 */
class RedisRestartTest {

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private RedisServerProcess server;
    private RedisBroker broker;

    @BeforeEach
    void start() {
        server = RedisServerProcess.start(List.of("--appendonly", "yes", "--appendfsync", "always"));
        broker = RedisBroker.connect(server.url(), "jtc", clock,
                RedisBrokerOptions.defaults().withSocketTimeout(Duration.ofMillis(500)).withConnectTimeout(Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() {
        broker.close();
        server.close();
    }

    private JobMessage job() {
        return JobMessage.create(JobIds.next("default"), "Job", "default", "{}", "", clock.instant(), null, null);
    }

    private WorkerInfo worker(String id) {
        return new WorkerInfo(id, "h", 1, List.of("default"), 10, clock.instant(), clock.instant());
    }

    /** Calls {@code call} until it works; a few failures right after the restart are allowed. */
    private static <T> T eventually(Supplier<T> call) {
        BrokerException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return call.get();
            } catch (BrokerException e) {
                last = e;
            }
        }
        throw last;
    }

    @Test
    void crashAndRestartLosesNothingAcknowledged() throws Exception {
        List<JobMessage> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(job());
        }
        broker.enqueueAll(sent);
        broker.heartbeat(worker("w1"), Duration.ofSeconds(15));
        List<JobMessage> taken = broker.fetch("w1", List.of("default"), 10, Duration.ZERO);
        broker.complete("w1", taken.subList(0, 5));

        server.kill();

        BrokerException down = assertThrows(BrokerException.class, () -> broker.status(sent.get(0).id()));
        assertTrue(down.getMessage().startsWith("read the status of job " + sent.get(0).id() + " failed"), down.getMessage());
        BrokerException fetchDown = assertThrows(BrokerException.class,
                () -> broker.fetch("w1", List.of("default"), 1, Duration.ZERO));
        assertTrue(fetchDown.getMessage().contains("fetch from queue 'default'"), fetchDown.getMessage());

        server.startAgain();

        for (JobMessage done : taken.subList(0, 5)) {
            assertEquals(Optional.of(JobState.COMPLETED), eventually(() -> broker.status(done.id())));
        }
        // The 5 still in flight stay with w1; the 10 never fetched come out now.
        eventually(() -> {
            broker.heartbeat(worker("w2"), Duration.ofSeconds(15));
            return null;
        });
        List<JobMessage> rest = eventually(() -> {
            try {
                return broker.fetch("w2", List.of("default"), 50, Duration.ZERO);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(10, rest.size());
        clock.advance(Duration.ofSeconds(16));
        broker.heartbeat(worker("w2"), Duration.ofSeconds(15));
        RecoveryResult recovered = broker.recoverDeadWorkers(3);
        assertEquals(5, recovered.requeued(), recovered.toString());
        List<JobMessage> back = broker.fetch("w2", List.of("default"), 50, Duration.ZERO);
        broker.complete("w2", rest);
        broker.complete("w2", back);

        Set<String> done = new HashSet<>();
        taken.subList(0, 5).forEach(j -> done.add(j.id()));
        rest.forEach(j -> done.add(j.id()));
        back.forEach(j -> done.add(j.id()));
        assertEquals(20, done.size(), "every job ran");
        assertEquals(20, broker.stats().processed());
    }

    @Test
    void cleanStopAndRestartKeepsEveryJobAndTheBrokerCarriesOn() throws Exception {
        JobMessage before = job();
        broker.enqueue(before);

        server.restart();

        JobMessage after = job();
        eventually(() -> broker.enqueue(after));
        List<JobMessage> got = broker.fetch("w1", List.of("default"), 10, Duration.ZERO);
        assertEquals(List.of(before.id(), after.id()), got.stream().map(JobMessage::id).toList());
    }

    @Test
    void aHungServerTimesOutWithAnErrorAndWorksAgainWhenItAnswers() {
        JobMessage sent = job();
        broker.enqueue(sent);

        server.pause();
        try {
            long started = System.nanoTime();
            BrokerException e = assertThrows(BrokerException.class, () -> broker.status(sent.id()));
            assertTrue(e.getMessage().contains("read the status of job"), e.getMessage());
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos(), "the call gave up");
        } finally {
            server.resume();
        }

        assertEquals(Optional.of(JobState.QUEUED), eventually(() -> broker.status(sent.id())));
    }
}
