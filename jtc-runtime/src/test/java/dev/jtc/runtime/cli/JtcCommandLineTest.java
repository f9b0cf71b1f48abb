package dev.jtc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.FailedJob;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.QueueStats;
import dev.jtc.runtime.broker.WorkerInfo;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The command line against a hand-built application and an in-memory broker the test inspects. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JtcCommandLineTest {

    private static final Pattern ENQUEUED_ID = Pattern.compile("as (\\S+@\\S+) on queue");

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z"); // a Monday
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final CliTestSupport cli = new CliTestSupport(broker);

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private String enqueuedId() {
        Matcher matcher = ENQUEUED_ID.matcher(cli.out());
        assertTrue(matcher.find(), cli.out());
        return matcher.group(1);
    }

    private String failOne(String name, String reason) throws InterruptedException {
        JobMessage job = dev.jtc.runtime.BrokerDispatcher.newMessage(CliTestSupport.SEND_MAIL, "{\"userId\":7}",
                dev.jtc.runtime.DispatchOptions.none(), clock.instant());
        job = new JobMessage(job.id(), name, job.queue(), job.payload(), job.fingerprint(), job.enqueuedAt(), null, null, 0, 0);
        broker.enqueue(job);
        JobMessage active = broker.fetch("w", List.of("mail"), 1, Duration.ZERO).get(0);
        broker.fail("w", active, new Failure(1, clock.instant(), reason, "java.lang.IllegalStateException: " + reason
                + "\n\tat com.acme.SendMail.handle(SendMail.java:12)"));
        clock.advance(Duration.ofSeconds(1));
        return job.id();
    }

    // --- list ----------------------------------------------------------------------------------

    @Test
    void listShowsJobsAndSchedulesAsAlignedTablesWithNextRuns() {
        assertEquals(0, cli.run(clock, "list"));

        List<String> lines = cli.out().lines().toList();
        assertEquals("Jobs of ShopApp (2)", lines.get(0));
        assertEquals("NAME          QUEUE    RETRIES  TIMEOUT  LIMITS                  SCHEMA", lines.get(1));
        assertEquals("SendMail      mail     5        30s      rate 100/1s per userId  userId:long,template:String", lines.get(2));
        assertEquals("RebuildIndex  default  0        none     -                       (no parameters)", lines.get(3));
        assertEquals("", lines.get(4));
        assertEquals("Scheduled tasks (3)", lines.get(5));
        String header = lines.get(6);
        assertTrue(header.startsWith("NAME             KIND   EXPRESSION       ZONE           QUEUE        DESCRIPTION"), header);
        String hourly = lines.get(7);
        assertTrue(hourly.startsWith("Reports.hourly   cron   0 * * * *        UTC            default      Hourly sales report"), hourly);
        assertTrue(hourly.endsWith("2026-03-02T11:00:00Z, 2026-03-02T12:00:00Z, 2026-03-02T13:00:00Z"), hourly);
        String morning = lines.get(8);
        assertTrue(morning.startsWith("Reports.morning  cron   0 9 * * MON-FRI  Europe/Berlin  default"), morning);
        // 10:00 UTC is 11:00 in Berlin: the next 9:00 (Berlin time, written with its offset) is on Tuesday.
        assertTrue(morning.endsWith("2026-03-03T09:00:00+01:00, 2026-03-04T09:00:00+01:00, 2026-03-05T09:00:00+01:00"), morning);
        String ping = lines.get(9);
        assertTrue(ping.startsWith("Health.ping      every  30s              UTC            maintenance  every 30 seconds"), ping);
        assertTrue(ping.endsWith("2026-03-02T10:00:30Z, 2026-03-02T10:01:00Z, 2026-03-02T10:01:30Z"), ping);
        int nextRunsColumn = header.indexOf("NEXT RUNS");
        for (String row : List.of(hourly, morning, ping)) {
            assertEquals(' ', row.charAt(nextRunsColumn - 1), "columns line up: " + row);
            assertTrue(Character.isDigit(row.charAt(nextRunsColumn)), "columns line up: " + row);
        }
        assertEquals("", cli.err());
    }

    @Test
    void listSaysHowToAddJobsWhenThereAreNone() {
        cli.jobTypes = List.of();
        cli.tasks = List.of();
        assertEquals(0, cli.run(clock, "list"));
        assertTrue(cli.out().contains("Jobs of ShopApp (0)\n  none: annotate a class with @Job"), cli.out());
        assertTrue(cli.out().contains("Scheduled tasks (0)\n  none: annotate a method with @Cron"), cli.out());
    }

    // --- enqueue -------------------------------------------------------------------------------

    @Test
    void enqueueSendsTheJobWithItsFingerprintToItsQueue() throws Exception {
        assertEquals(0, cli.run(clock, "enqueue", "SendMail", "{\"userId\":42,\"template\":\"welcome\"}"));

        String id = enqueuedId();
        assertTrue(cli.out().startsWith("enqueued SendMail as " + id + " on queue mail"), cli.out());
        assertTrue(id.endsWith("@mail"), id);
        JobMessage job = broker.fetch("w", List.of("mail"), 1, Duration.ZERO).get(0);
        assertEquals(id, job.id());
        assertEquals("{\"userId\":42,\"template\":\"welcome\"}", job.payload());
        assertEquals("fp-mail", job.fingerprint());
        assertEquals(clock.instant(), job.enqueuedAt());
    }

    @Test
    void enqueueHonoursDelayQueueAndUniqueKey() throws Exception {
        assertEquals(0, cli.run(clock, "enqueue", "SendMail", "{}", "--delay", "5m", "--queue", "bulk", "--unique-key", "welcome-42"));
        String id = enqueuedId();
        assertTrue(cli.out().contains("on queue bulk, runs at 2026-03-02T10:05:00Z (in 5m)"), cli.out());
        assertEquals(Optional.of(JobState.SCHEDULED), broker.status(id));
        assertTrue(id.endsWith("@bulk"));

        cli.reset();
        assertEquals(0, cli.run(clock, "enqueue", "SendMail", "{}", "--unique-key", "welcome-42"));
        assertEquals("not enqueued: job " + id + " with unique key 'welcome-42' is still pending\n", cli.out());

        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, broker.fetch("w", List.of("bulk"), 5, Duration.ZERO).size());
    }

    @Test
    void enqueueOfAScheduledTaskByNameRunsItNow() throws Exception {
        assertEquals(0, cli.run(clock, "enqueue", "Health.ping"));
        assertEquals("Health.ping", broker.fetch("w", List.of("maintenance"), 1, Duration.ZERO).get(0).name());
    }

    @Test
    void enqueueOfAnUnknownJobSuggestsTheCloseName() {
        assertEquals(2, cli.run(clock, "enqueue", "sendmail", "{}"));
        assertEquals("error: unknown job 'sendmail' in ShopApp\nhint: did you mean 'SendMail'?\n", cli.err());
        cli.reset();
        assertEquals(2, cli.run(clock, "enqueue", "RebiuldIndex", "{}"));
        assertEquals("error: unknown job 'RebiuldIndex' in ShopApp\nhint: did you mean 'RebuildIndex'?\n", cli.err());
        cli.reset();
        assertEquals(2, cli.run(clock, "enqueue", "Archive", "{}"));
        assertEquals("error: unknown job 'Archive' in ShopApp\nhint: its jobs are: SendMail, RebuildIndex, Reports.hourly,"
                + " Reports.morning, Health.ping\n", cli.err());
        assertEquals(0, broker.stats().queues().stream().mapToLong(QueueStats::ready).sum());
    }

    @Test
    void enqueueRejectsPayloadsThatAreNotAJsonObject() {
        assertEquals(2, cli.run(clock, "enqueue", "SendMail", "{userId:42}"));
        assertTrue(cli.err().startsWith("error: the payload of SendMail is not valid JSON"), cli.err());
        assertEquals(2, cli.err().lines().count(), "an error line and a hint: " + cli.err());
        cli.reset();
        assertEquals(2, cli.run(clock, "enqueue", "SendMail", "[1,2]"));
        assertTrue(cli.err().startsWith("error: the payload of SendMail must be a JSON object"), cli.err());
        cli.reset();
        assertEquals(2, cli.run(clock, "enqueue", "SendMail", "{} {}"));
        assertTrue(cli.err().contains("has text after its JSON object"), cli.err());
    }

    @Test
    void enqueueWithABadDurationOrNoJobIsAUsageError() {
        assertEquals(2, cli.run(clock, "enqueue", "SendMail", "{}", "--delay", "5 minutes"));
        assertTrue(cli.err().contains("'5 minutes' is not a duration: write 30s, 5m, 1h30m, 2d or ISO-8601 like PT30S"), cli.err());
        assertTrue(cli.err().contains("hint: run 'ShopApp enqueue --help' for the options"), cli.err());
        cli.reset();
        assertEquals(2, cli.run(clock, "enqueue"));
        assertTrue(cli.err().startsWith("error: Missing required parameter"), cli.err());
    }

    @Test
    void brokerOptionsFallBackToTheEnvironment() {
        cli.env.put("JTC_REDIS_URL", "redis://:secret@cache.internal:6380/2");
        cli.env.put("JTC_NAMESPACE", "shop");
        assertEquals(0, cli.run(clock, "enqueue", "RebuildIndex"));
        BrokerOptions used = cli.openedWith.get(0);
        assertEquals(BrokerOptions.Kind.REDIS, used.kind());
        assertEquals("redis://:secret@cache.internal:6380/2", used.redisUrl());
        assertEquals("shop", used.namespace());
        assertEquals("redis://:***@cache.internal:6380/2 (namespace shop)", used.describe());

        assertEquals(0, cli.run(clock, "enqueue", "RebuildIndex", "--broker", "memory", "--namespace", "other"));
        assertEquals(BrokerOptions.Kind.MEMORY, cli.openedWith.get(1).kind());
        assertEquals("other", cli.openedWith.get(1).namespace());
    }

    @Test
    void unreachableRedisIsOneLineWithAHint() {
        CliTestSupport real = new CliTestSupport(broker);
        real.opener = BrokerOpener.STANDARD;
        assertEquals(1, real.run(clock, "stats", "--redis-url", "redis://127.0.0.1:1"));
        List<String> lines = real.err().lines().toList();
        assertEquals(1, lines.size(), real.err());
        assertTrue(lines.get(0).startsWith("error: "), lines.get(0));
        assertTrue(lines.get(0).contains("127.0.0.1:1"), lines.get(0));
    }

    // --- stats ---------------------------------------------------------------------------------

    @Test
    void statsShowsQueuesCountersAndWorkers() throws Exception {
        cli.run(clock, "enqueue", "SendMail", "{}");
        cli.run(clock, "enqueue", "RebuildIndex", "{}", "--delay", "1h");
        failOne("SendMail", "boom");
        broker.heartbeat(new WorkerInfo("host-1-abc", "host", 1234, List.of("mail", "default"), 10,
                clock.instant().minusSeconds(3600), clock.instant().minusSeconds(2)), Duration.ofSeconds(15));
        cli.reset();

        assertEquals(0, cli.run(clock, "stats"));

        String out = cli.out();
        assertTrue(out.contains("Processed: 0   Failed attempts: 1   In the failed set: 1"), out);
        assertTrue(out.contains("QUEUE    STATE    QUEUED  SCHEDULED  ACTIVE  LATENCY\n"
                + "default  running  0       1          0       -\n"
                + "mail     running  1       0          0       "), out);
        assertTrue(out.matches("(?s).*\nmail     running  1       0          0       \\d+s\n.*"), "latency in seconds: " + out);
        assertTrue(out.contains("host-1-abc  host  1234  mail,default  0/10  1h      2s ago"), out);
    }

    // --- jobs ----------------------------------------------------------------------------------

    private String enqueueMail(Duration delay) {
        JobMessage job = dev.jtc.runtime.BrokerDispatcher.newMessage(CliTestSupport.SEND_MAIL, "{\"userId\":7}",
                delay == null ? dev.jtc.runtime.DispatchOptions.none() : dev.jtc.runtime.DispatchOptions.delay(delay),
                clock.instant());
        broker.enqueue(job);
        return job.id();
    }

    @Test
    void jobsListsAQueuesQueuedJobsInFetchOrderByDefault() {
        String first = enqueueMail(null);
        String second = enqueueMail(null);
        enqueueMail(Duration.ofHours(1));

        assertEquals(0, cli.run(clock, "jobs", "mail"));

        List<String> lines = cli.out().lines().toList();
        assertEquals("Queued jobs on queue mail: 2", lines.get(0));
        assertEquals(List.of("ID", "JOB", "ATTEMPTS", "ENQUEUED", "AT"), List.of(lines.get(1).split("\\s+")));
        assertEquals(List.of(first, "SendMail", "0", "2026-03-02T10:00:00Z"), List.of(lines.get(2).split("\\s+")));
        assertTrue(lines.get(3).startsWith(second), lines.get(3));
        assertEquals(4, lines.size(), cli.out());

        cli.reset();
        assertEquals(0, cli.run(clock, "jobs", "mail", "--limit", "1", "--offset", "1"));
        assertTrue(cli.out().startsWith("Queued jobs on queue mail: 2 (showing 1)\n"), cli.out());
        assertTrue(cli.out().contains(second) && !cli.out().contains(first), cli.out());
    }

    @Test
    void jobsShowsScheduledJobsWithTheirTimeAndRetriesWithTheirLastError() throws Exception {
        String delayed = enqueueMail(Duration.ofHours(1));
        String retried = enqueueMail(null);
        JobMessage active = broker.fetch("w", List.of("mail"), 1, Duration.ZERO).get(0);
        broker.retry("w", active, new Failure(1, clock.instant(), "IllegalStateException: smtp down", ""),
                clock.instant().plusSeconds(30));

        assertEquals(0, cli.run(clock, "jobs", "mail", "--state", "scheduled"));

        List<String> lines = cli.out().lines().toList();
        assertEquals("Scheduled jobs on queue mail: 2", lines.get(0));
        assertTrue(lines.get(1).matches("ID +JOB +ATTEMPTS +RUNS AT +LAST ERROR"), lines.get(1));
        assertTrue(lines.get(2).startsWith(retried) && lines.get(2).contains("1         2026-03-02T10:00:30Z")
                && lines.get(2).endsWith("IllegalStateException: smtp down"), lines.get(2));
        assertTrue(lines.get(3).startsWith(delayed) && lines.get(3).endsWith("2026-03-02T11:00:00Z"), lines.get(3));
    }

    @Test
    void jobsWritesInstantsToTheSecondAsTheDashboardDoes() {
        clock.advance(Duration.ofMillis(750));
        String id = enqueueMail(Duration.ofSeconds(90));

        assertEquals(0, cli.run(clock, "jobs", "mail", "--state", "scheduled"));

        List<String> lines = cli.out().lines().toList();
        assertEquals(List.of(id, "SendMail", "0", "2026-03-02T10:01:30Z"), List.of(lines.get(2).split("\\s+")));
        assertEquals(dev.jtc.runtime.DisplayFormat.instant(clock.instant().plusSeconds(90)), lines.get(2).split("\\s+")[3]);
    }

    @Test
    void jobsShowsRunningJobsWithTheirWorker() throws Exception {
        String id = enqueueMail(null);
        broker.fetch("host-1-abc", List.of("mail"), 1, Duration.ZERO);

        assertEquals(0, cli.run(clock, "jobs", "mail", "--state", "ACTIVE"));

        List<String> lines = cli.out().lines().toList();
        assertEquals("Active jobs on queue mail: 1", lines.get(0));
        assertEquals(List.of(id, "SendMail", "1", "host-1-abc", "2026-03-02T10:00:00Z"), List.of(lines.get(2).split("\\s+")));

        cli.reset();
        assertEquals(0, cli.run(clock, "jobs", "reports"));
        assertEquals("Queued jobs on queue reports: 0\n", cli.out());
    }

    @Test
    void jobsRefusesAStateItCannotListAndABadQueueName() {
        assertEquals(2, cli.run(clock, "jobs", "mail", "--state", "failed"));
        assertTrue(cli.err().contains("'failed' is not a list of a queue: use queued, scheduled or active (failed jobs: failed list)"),
                cli.err());
        assertTrue(cli.err().contains("hint: run 'ShopApp jobs --help'"), cli.err());

        cli.reset();
        assertEquals(2, cli.run(clock, "jobs", "no spaces"));
        assertTrue(cli.err().startsWith("error: queue 'no spaces' may only contain"), cli.err());
        assertTrue(cli.err().contains("\nhint: 'stats' lists the queues\n"), cli.err());
    }

    // --- failed --------------------------------------------------------------------------------

    @Test
    void failedListShowsNewestFirstWithReasonsAndVerboseHistory() throws Exception {
        String older = failOne("SendMail", "IllegalStateException: smtp down");
        String newer = failOne("SendMail", "IllegalStateException: quota exceeded");

        assertEquals(0, cli.run(clock, "failed", "list"));
        List<String> lines = cli.out().lines().toList();
        assertEquals("Failed jobs: 2", lines.get(0));
        assertTrue(lines.get(1).startsWith("ID"), lines.get(1));
        assertTrue(lines.get(2).startsWith(newer) && lines.get(2).endsWith("IllegalStateException: quota exceeded"), lines.get(2));
        assertTrue(lines.get(3).startsWith(older) && lines.get(3).endsWith("IllegalStateException: smtp down"), lines.get(3));

        cli.reset();
        assertEquals(0, cli.run(clock, "failed", "list", "--limit", "1", "-v"));
        assertTrue(cli.out().startsWith("Failed jobs: 2 (showing 1)"), cli.out());
        assertTrue(cli.out().contains("  attempt 1 at 2026-03-02T10:00:01Z: IllegalStateException: quota exceeded"), cli.out());
        assertTrue(cli.out().contains("    \tat com.acme.SendMail.handle(SendMail.java:12)"), cli.out());
    }

    @Test
    void failedRetryPutsOneOrAllJobsBack() throws Exception {
        String first = failOne("SendMail", "boom 1");
        String second = failOne("SendMail", "boom 2");
        String third = failOne("SendMail", "boom 3");

        assertEquals(0, cli.run(clock, "failed", "retry", first));
        assertEquals("retried " + first + "\n", cli.out());
        assertEquals(Optional.of(JobState.QUEUED), broker.status(first));

        cli.reset();
        assertEquals(0, cli.run(clock, "failed", "retry", "--all"));
        assertEquals("retried 2 failed jobs\n", cli.out());
        assertEquals(Optional.of(JobState.QUEUED), broker.status(second));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(third));
        assertEquals(List.of(), broker.failedJobs(0, 10));

        cli.reset();
        assertEquals(3, cli.run(clock, "failed", "retry", first), "not found");
        assertEquals("error: no failed job with id '" + first + "'\nhint: 'failed list' shows the failed jobs; 'status " + first
                + "' says where that job is\n", cli.err());
        cli.reset();
        assertEquals(2, cli.run(clock, "failed", "retry"));
        assertTrue(cli.err().startsWith("error: "), cli.err());
    }

    @Test
    void failedDeleteAndPurge() throws Exception {
        String first = failOne("SendMail", "boom 1");
        failOne("SendMail", "boom 2");
        failOne("SendMail", "boom 3");

        assertEquals(0, cli.run(clock, "failed", "delete", first));
        assertEquals("deleted " + first + "\n", cli.out());
        assertEquals(Optional.empty(), broker.status(first));
        cli.reset();
        assertEquals(3, cli.run(clock, "failed", "delete", first), "not found");
        assertTrue(cli.err().startsWith("error: no failed job with id '" + first + "'\n"), cli.err());
        cli.reset();
        assertEquals(0, cli.run(clock, "failed", "purge"));
        assertEquals("purged 2 failed jobs\n", cli.out());
        assertEquals(List.<FailedJob>of(), broker.failedJobs(0, 10));
    }

    @Test
    void failedWithoutAnActionSaysWhatToWrite() {
        assertEquals(2, cli.run(clock, "failed"), "a usage error");
        assertTrue(cli.err().startsWith("error: say what to do with failed jobs: failed list"), cli.err());
        assertTrue(cli.err().endsWith("\nhint: run 'ShopApp failed --help' for its commands\n"), cli.err());
    }

    // --- help and defaults ---------------------------------------------------------------------

    @Test
    void helpListsTheCommandsAndTheEnvironment() {
        assertEquals(0, cli.run(clock, "--help"));
        for (String command : List.of("work", "list", "enqueue", "stats", "status", "check", "jobs", "failed", "dashboard", "make", "demo")) {
            assertTrue(cli.out().contains("  " + command + " "), command + " in " + cli.out());
        }
        // Every variable the command line reads (BrokerOptions, WorkerOptions, RedisBrokerOptions.fromEnvironment).
        for (String variable : List.of("JTC_REDIS_URL", "JTC_NAMESPACE", "JTC_BROKER", "JTC_CONCURRENCY", "JTC_QUEUES",
                "JTC_REDIS_CA", "JTC_REDIS_CLIENT_CERT", "JTC_REDIS_CLIENT_KEY", "JTC_MAX_PAYLOAD_BYTES",
                "JTC_COMPLETED_RETENTION", "JTC_DEBUG")) {
            assertTrue(cli.out().contains(variable), variable + " in " + cli.out());
        }
    }

    @Test
    void noArgumentsOrOnlyOptionsMeanWork() {
        assertArrayEquals(new String[] {"work"}, JtcCommandLine.withDefaultCommand(new String[0]));
        assertArrayEquals(new String[] {"work", "--concurrency", "4"},
                JtcCommandLine.withDefaultCommand(new String[] {"--concurrency", "4"}));
        assertArrayEquals(new String[] {"--help"}, JtcCommandLine.withDefaultCommand(new String[] {"--help"}));
        assertArrayEquals(new String[] {"list"}, JtcCommandLine.withDefaultCommand(new String[] {"list"}));
    }


    @Test
    void instantOptionsParse() {
        assertEquals(0, cli.run(clock, "enqueue", "RebuildIndex", "--run-at", "2026-03-02T12:00:00Z"));
        assertTrue(cli.out().contains("runs at " + Instant.parse("2026-03-02T12:00:00Z")), cli.out());
    }
}
