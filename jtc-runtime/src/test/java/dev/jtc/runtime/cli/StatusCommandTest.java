package dev.jtc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.redis.RedisFixture;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code status <id>}: one job in each of its states, an unknown id, and the same through Redis. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatusCommandTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final CliTestSupport cli = new CliTestSupport(broker);

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private String enqueueMail(DispatchOptions options) {
        JobMessage job = BrokerDispatcher.newMessage(CliTestSupport.SEND_MAIL, "{\"userId\":7,\"template\":\"welcome\"}",
                options, clock.instant());
        broker.enqueue(job);
        return job.id();
    }

    private Failure failure(int attempt, String reason) {
        return new Failure(attempt, clock.instant(), reason, "java.lang.IllegalStateException: " + reason
                + "\n\tat com.acme.SendMail.handle(SendMail.java:12)");
    }

    @Test
    void aQueuedJobShowsTheJobAsSent() {
        String id = enqueueMail(DispatchOptions.none().withUniqueKey("welcome-7"));

        assertEquals(0, cli.run(clock, "status", id));

        assertEquals("Job " + id + "\n"
                + "  state:        queued\n"
                + "  queue:        mail\n"
                + "  name:         SendMail\n"
                + "  attempts:     0 of 6\n"
                + "  enqueued at:  2026-03-02T10:00:00Z\n"
                + "  unique key:   welcome-7\n"
                + "  fingerprint:  fp-mail\n"
                + "  payload:      {\"userId\":7,\"template\":\"welcome\"}\n", cli.out());
        assertEquals("", cli.err());
    }

    @Test
    void aRetryWaitingShowsWhenItRunsAndWhyTheLastAttemptFailed() throws Exception {
        String id = enqueueMail(DispatchOptions.none());
        JobMessage active = broker.fetch("host-1-abc", List.of("mail"), 1, Duration.ZERO).get(0);
        broker.retry("host-1-abc", active, failure(1, "IllegalStateException: smtp down"), clock.instant().plusSeconds(90));
        clock.advance(Duration.ofSeconds(30));

        assertEquals(0, cli.run(clock, "status", id));

        String out = cli.out();
        assertTrue(out.contains("  state:        scheduled\n"), out);
        assertTrue(out.contains("  attempts:     1 of 6\n"), out);
        assertTrue(out.contains("  runs at:      2026-03-02T10:01:30Z (in 1m)\n"), out);
        assertTrue(out.contains("  last error:   IllegalStateException: smtp down\n"), out);
        assertTrue(out.endsWith("Failed attempts (1), oldest first\n"
                + "  attempt 1 at 2026-03-02T10:00:00Z: IllegalStateException: smtp down\n"), out);
        assertTrue(!out.contains("\tat com.acme"), "stack traces only with -v: " + out);
    }

    @Test
    void aRunningJobShowsItsWorkerAndSinceWhen() throws Exception {
        String id = enqueueMail(DispatchOptions.none());
        broker.fetch("host-1-abc", List.of("mail"), 1, Duration.ZERO);
        clock.advance(Duration.ofSeconds(12));

        assertEquals(0, cli.run(clock, "status", id));

        assertTrue(cli.out().contains("  state:          active\n"), cli.out());
        assertTrue(cli.out().contains("  attempts:       1 of 6\n"), cli.out());
        assertTrue(cli.out().contains("  worker:         host-1-abc\n"), cli.out());
        assertTrue(cli.out().contains("  running since:  2026-03-02T10:00:00Z (12s ago)\n"), cli.out());
    }

    @Test
    void aFailedJobShowsItsReasonAndWithVerboseEveryStackTrace() throws Exception {
        String id = enqueueMail(DispatchOptions.none());
        JobMessage active = broker.fetch("w", List.of("mail"), 1, Duration.ZERO).get(0);
        clock.advance(Duration.ofSeconds(5));
        broker.fail("w", active, failure(1, "IllegalStateException: mailbox unavailable"));

        assertEquals(0, cli.run(clock, "status", id, "-v"));

        String out = cli.out();
        assertTrue(out.contains("  state:        failed\n"), out);
        assertTrue(out.contains("  failed at:    2026-03-02T10:00:05Z\n"), out);
        assertTrue(out.contains("  reason:       IllegalStateException: mailbox unavailable\n"), out);
        assertTrue(out.contains("  attempt 1 at 2026-03-02T10:00:05Z: IllegalStateException: mailbox unavailable\n"
                + "    java.lang.IllegalStateException: IllegalStateException: mailbox unavailable\n"
                + "    \tat com.acme.SendMail.handle(SendMail.java:12)\n"), out);
    }

    @Test
    void aCompletedJobHasOnlyItsState() throws Exception {
        String id = enqueueMail(DispatchOptions.none());
        broker.complete("w", broker.fetch("w", List.of("mail"), 1, Duration.ZERO));

        assertEquals(0, cli.run(clock, "status", id));

        assertEquals("Job " + id + "\n"
                + "  state:  completed\n"
                + "  queue:  mail\n"
                + "  (a completed job keeps only its state, for JTC_COMPLETED_RETENTION, default 5m)\n", cli.out());
    }

    @Test
    void anUnknownIdIsNotFound() {
        String unknown = JobIds.next("mail");

        assertEquals(3, cli.run(clock, "status", unknown));

        assertEquals("", cli.out());
        List<String> err = cli.err().lines().toList();
        assertEquals("error: no job with id '" + unknown + "' in redis://localhost:6379 (namespace jtc)", err.get(0));
        assertEquals("hint: it never existed there, or it completed or was cancelled longer ago than JTC_COMPLETED_RETENTION"
                + " (default 5m); 'jobs <queue>' and 'failed list' show the jobs there are", err.get(1));
        assertEquals(2, err.size(), cli.err());
    }

    @Test
    void statusReadsAJobEnqueuedInRedis() {
        CliTestSupport real = new CliTestSupport(broker);
        real.opener = BrokerOpener.STANDARD;
        assertEquals(0, real.run(clock, "enqueue", "SendMail", "{\"userId\":7}", "--delay", "2m",
                "--redis-url", redis.url(), "--namespace", "status"));
        Matcher enqueued = Pattern.compile("as (\\S+) on queue").matcher(real.out());
        assertTrue(enqueued.find(), real.out());
        String id = enqueued.group(1);
        real.reset();

        assertEquals(0, real.run(clock, "status", id, "--redis-url", redis.url(), "--namespace", "status"));

        String out = real.out();
        assertTrue(out.startsWith("Job " + id + "\n  state:        scheduled\n  queue:        mail\n"), out);
        assertTrue(out.contains("  runs at:      2026-03-02T10:02:00Z (in 2m)\n"), out);
        assertTrue(out.contains("  payload:      {\"userId\":7}\n"), out);

        real.reset();
        assertEquals(3, real.run(clock, "status", id, "--redis-url", redis.url(), "--namespace", "other"));
        assertTrue(real.err().startsWith("error: no job with id '" + id + "' in " + redis.url() + " (namespace other)"),
                real.err());
    }
}
