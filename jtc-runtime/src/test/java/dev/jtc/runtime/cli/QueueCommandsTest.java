package dev.jtc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.BusySlot;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.QueueStats;
import dev.jtc.runtime.broker.WorkerInfo;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code pause}, {@code resume} and what {@code stats} shows of queues and workers. */
class QueueCommandsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final ManualClock clock = new ManualClock(NOW);
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final CliTestSupport cli = new CliTestSupport(broker);

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private QueueStats queue(String name) {
        return broker.stats().queues().stream().filter(q -> q.queue().equals(name)).findFirst().orElseThrow();
    }

    private JobMessage job(String queue, Instant enqueuedAt) {
        return JobMessage.create(JobIds.next(queue), "SendMail", queue, "{}", "", enqueuedAt, null, null);
    }

    @Test
    void pauseAndResumeChangeTheBrokersFlagAndSaySo() {
        assertEquals(0, cli.run(clock, "pause", "mail", "default"), cli.err());
        assertEquals(List.of("queue 'mail' paused: workers take no jobs from it until 'resume mail'",
                "queue 'default' paused: workers take no jobs from it until 'resume default'"), cli.out().lines().toList());
        assertTrue(queue("mail").paused());
        assertTrue(queue("default").paused());

        assertEquals(0, cli.run(clock, "pause", "mail"), cli.err());
        assertTrue(cli.out().contains("queue 'mail' was paused already"), cli.out());

        assertEquals(0, cli.run(clock, "resume", "mail"), cli.err());
        assertTrue(cli.out().contains("queue 'mail' resumed: workers take its jobs again"), cli.out());
        assertFalse(queue("mail").paused());
        assertTrue(queue("default").paused());
        assertEquals(0, cli.run(clock, "resume", "mail"), cli.err());
        assertTrue(cli.out().contains("queue 'mail' was not paused"), cli.out());
    }

    @Test
    void anInvalidQueueNameIsAUsageErrorAndPausesNothing() {
        assertEquals(JtcCommandLine.EXIT_USAGE, cli.run(clock, "pause", "mail", "no such queue"));
        assertTrue(cli.err().contains("queue"), cli.err());
        assertTrue(cli.err().contains("'stats' lists the queues there are"), cli.err());
        assertTrue(broker.stats().queues().isEmpty(), "nothing paused: " + broker.stats().queues());
        assertEquals(JtcCommandLine.EXIT_USAGE, cli.run(clock, "resume"));
    }

    @Test
    void pausingAQueueTheApplicationDoesNotUseWarnsWithASuggestion() {
        assertEquals(0, cli.run(clock, "pause", "mial"), cli.err());
        assertTrue(cli.err().contains("warning: no job or task of ShopApp uses queue 'mial' (did you mean 'mail'?)"), cli.err());
        assertTrue(queue("mial").paused(), "paused all the same: a producer may use it");
    }

    @Test
    void statsShowsEachQueuesStateAndLatencyAndWarnsOfReadyJobsNobodyListensTo() {
        broker.enqueue(job("mail", NOW));
        broker.enqueue(job("default", NOW.plusSeconds(60)));
        broker.pause("mail");
        clock.advance(Duration.ofSeconds(90));
        broker.heartbeat(new WorkerInfo("w1", "host-a", 7, List.of("default"), 4, NOW, clock.instant()), Duration.ofSeconds(15));

        assertEquals(0, cli.run(clock, "stats"), cli.err());

        List<String> lines = cli.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s*QUEUE\\s+STATE\\s+QUEUED\\s+SCHEDULED\\s+ACTIVE\\s+LATENCY\\s*")),
                cli.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s*mail\\s+paused\\s+1\\s+0\\s+0\\s+1m30s\\s*")), cli.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s*default\\s+running\\s+1\\s+0\\s+0\\s+30s\\s*")), cli.out());
        assertTrue(cli.out().contains("warning: no live worker listens to mail, which holds ready jobs;"
                + " start one with 'work --queues mail'"), cli.out());
    }

    @Test
    void statsShowsHowBusyEachWorkerIsAndWhatItRuns() {
        BusySlot slot = new BusySlot("mail-1@mail", "SendMail", "mail", NOW);
        clock.advance(Duration.ofSeconds(42));
        broker.heartbeat(new WorkerInfo("w1", "host-a", 7, List.of("mail"), 4, NOW, clock.instant(), List.of(slot)),
                Duration.ofSeconds(15));

        assertEquals(0, cli.run(clock, "stats"), cli.err());

        List<String> lines = cli.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s*w1\\s+host-a\\s+7\\s+mail\\s+1/4\\s+42s\\s+0s ago\\s*")), cli.out());
        assertTrue(cli.out().contains("Running jobs (1, as of each worker's last heartbeat)"), cli.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s*w1\\s+mail-1@mail\\s+SendMail\\s+mail\\s+42s\\s*")), cli.out());
    }

    @Test
    void metricsPortWithoutAProviderIsAUsageErrorThatNamesTheDependency() {
        assertEquals(JtcCommandLine.EXIT_USAGE, cli.run(clock, "work", "--metrics-port", "0"));
        assertTrue(cli.err().contains("--metrics-port needs a metrics provider on the class path"), cli.err());
        assertTrue(cli.err().contains("add the dependency dev.jtc:jtc-micrometer"), cli.err());
        assertEquals(JtcCommandLine.EXIT_USAGE, cli.run(clock, "work", "--metrics-port", "70000"));
    }
}
