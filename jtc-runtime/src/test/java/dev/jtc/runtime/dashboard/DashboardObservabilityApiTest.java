package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.BusySlot;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.WorkerInfo;
import dev.jtc.runtime.testing.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the dashboard's API says for an operator's questions: each queue's latency, whether it is
 * paused and whether anyone listens to it; what each worker runs; the throughput history; the
 * recently completed jobs; and pausing and resuming a queue.
 */
class DashboardObservabilityApiTest {

    private final ManualClock clock = ManualClock.at("2026-01-05T08:59:30Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final DashboardFixture fixture = new DashboardFixture(broker, clock, "ShopApp");

    @AfterEach
    void stop() {
        fixture.close();
        broker.close();
    }

    @Test
    void queuesShowLatencyPauseAndWhetherAWorkerListens() {
        fixture.enqueue("SendWelcomeEmail", "mail", "{}");
        clock.advance(Duration.ofSeconds(95));
        fixture.enqueue("SendWelcomeEmail", "mail", "{}");
        fixture.enqueue("ChargeCard", "payments", "{}");
        broker.pause("payments");
        fixture.heartbeat("worker-7", List.of("payments"), 4);

        JsonTree stats = fixture.getJson("/api/stats");

        assertEquals("mail", stats.string("queues.0.queue"));
        assertEquals(95, stats.number("queues.0.latencySeconds"), "the oldest ready job's wait, not the newest's");
        assertEquals("2026-01-05T08:59:30Z", stats.string("queues.0.oldestReadySince"));
        assertEquals(Boolean.FALSE, stats.at("queues.0.paused"));
        assertEquals(Boolean.FALSE, stats.at("queues.0.listened"), "worker-7 listens only to payments");
        assertEquals("payments", stats.string("queues.1.queue"));
        assertEquals(Boolean.TRUE, stats.at("queues.1.paused"));
        assertEquals(Boolean.TRUE, stats.at("queues.1.listened"));
        assertEquals(0, stats.number("queues.1.latencySeconds"));
        assertEquals(1, stats.number("totals.pausedQueues"));
    }

    @Test
    void aQueueWithNothingReadyHasNoLatency() {
        broker.enqueue(JobMessage.create("01KE6Q2Z8X1V5N3M7P9R4T0001@mail", "SendWelcomeEmail", "mail", "{}", "",
                clock.instant(), clock.instant().plusSeconds(60), null));

        JsonTree stats = fixture.getJson("/api/stats");

        assertNull(stats.at("queues.0.latencySeconds"), "a job scheduled for later is not waiting yet");
        assertNull(stats.at("queues.0.oldestReadySince"));
    }

    @Test
    void workersShowTheirBusySlotsAndWhatRunsInThem() {
        Instant now = clock.instant();
        broker.heartbeat(new WorkerInfo("worker-7", "build-host", 4242, List.of("mail"), 4, now.minusSeconds(600), now,
                List.of(new BusySlot("01KE6Q2Z8X1V5N3M7P9R4T0001@mail", "SendWelcomeEmail", "mail", now.minusSeconds(12)),
                        new BusySlot("01KE6Q2Z8X1V5N3M7P9R4T0002@mail", "SendWelcomeEmail", "mail", now.minusSeconds(3)))),
                Duration.ofSeconds(30));

        JsonTree stats = fixture.getJson("/api/stats");

        assertEquals(2, stats.number("workers.0.busy"));
        assertEquals(4, stats.number("workers.0.concurrency"));
        assertEquals("01KE6Q2Z8X1V5N3M7P9R4T0001@mail", stats.string("workers.0.running.0.id"));
        assertEquals("SendWelcomeEmail", stats.string("workers.0.running.0.name"));
        assertEquals("mail", stats.string("workers.0.running.0.queue"));
        assertEquals("2026-01-05T08:59:18Z", stats.string("workers.0.running.0.startedAt"));
        assertEquals(2, stats.number("totals.busy"));
        assertEquals(4, stats.number("totals.concurrency"));
    }

    @Test
    void historyCountsCompletedAndFailedAttemptsPerMinuteUpToNow() throws InterruptedException {
        completeOne("mail");
        completeOne("mail");
        clock.advance(Duration.ofMinutes(2));
        completeOne("payments");
        fixture.failedJob("ChargeCard", "payments", "{}", "card declined");

        JsonTree all = fixture.getJson("/api/history");
        JsonTree mail = fixture.getJson("/api/history?queue=mail&buckets=3");

        assertEquals("minute", all.string("history.resolution"));
        assertEquals(60, all.number("history.widthSeconds"));
        assertEquals(60, all.list("history.buckets").size(), "the last hour by default");
        assertEquals("2026-01-05T09:01:00Z", all.string("history.buckets.59.start"), "the last bucket holds now");
        assertEquals(1, all.number("history.buckets.59.processed"));
        assertEquals(1, all.number("history.buckets.59.failed"));
        assertEquals(2, all.number("history.buckets.57.processed"));
        assertEquals(3, all.number("history.processed"));
        assertEquals(1, all.number("history.failed"));
        assertNull(all.at("history.queue"));
        assertEquals("mail", mail.string("history.queue"));
        assertEquals(3, mail.list("history.buckets").size());
        assertEquals(2, mail.number("history.buckets.0.processed"));
        assertEquals(2, mail.number("history.processed"));
        assertEquals(0, mail.number("history.failed"));
    }

    @Test
    void dailyHistoryCoversThirtyDaysByDefault() throws InterruptedException {
        completeOne("mail");

        JsonTree day = fixture.getJson("/api/history?resolution=day");

        assertEquals("day", day.string("history.resolution"));
        assertEquals(86_400, day.number("history.widthSeconds"));
        assertEquals(30, day.list("history.buckets").size());
        assertEquals("2026-01-05T00:00:00Z", day.string("history.buckets.29.start"));
        assertEquals(1, day.number("history.buckets.29.processed"));
    }

    @Test
    void historyRejectsAnUnknownResolutionAndTooManyBuckets() {
        HttpResponse<String> hourly = fixture.get("/api/history?resolution=hour");
        HttpResponse<String> tooLong = fixture.get("/api/history?resolution=minute&buckets=361");
        HttpResponse<String> badQueue = fixture.get("/api/history?queue=no%20spaces");

        assertEquals(400, hourly.statusCode());
        assertEquals("no history per 'hour'", JsonTree.parse(hourly.body()).string("error"));
        assertEquals("use ?resolution=minute (kept 6h) or ?resolution=day (kept 56d)", JsonTree.parse(hourly.body()).string("hint"));
        assertEquals(400, tooLong.statusCode());
        assertTrue(JsonTree.parse(tooLong.body()).string("error").contains("from 1 to 360"), tooLong.body());
        assertEquals(400, badQueue.statusCode());
    }

    @Test
    void completedJobsAreListedNewestFirstWithTheirTimesAndPaged() throws InterruptedException {
        String first = completeOne("mail");
        clock.advance(Duration.ofSeconds(5));
        String second = completeOne("payments");

        JsonTree page = fixture.getJson("/api/completed");
        JsonTree firstOnly = fixture.getJson("/api/completed?limit=1");
        JsonTree secondPage = fixture.getJson("/api/completed?offset=1&limit=1");

        assertEquals(2, page.list("completed.jobs").size());
        assertEquals(second, page.string("completed.jobs.0.id"));
        assertEquals(first, page.string("completed.jobs.1.id"));
        assertEquals("payments", page.string("completed.jobs.0.queue"));
        assertEquals("SendWelcomeEmail", page.string("completed.jobs.0.name"));
        assertEquals(1, page.number("completed.jobs.0.attempt"));
        assertEquals("2026-01-05T08:59:35Z", page.string("completed.jobs.0.completedAt"));
        assertEquals(0, page.number("completed.jobs.0.runMillis"));
        assertEquals(Boolean.FALSE, page.at("completed.more"));
        assertEquals(1000, page.number("completed.keptPerQueue"));
        assertEquals(Boolean.TRUE, firstOnly.at("completed.more"), "one more than the page was read");
        assertEquals(1, firstOnly.list("completed.jobs").size());
        assertEquals(first, secondPage.string("completed.jobs.0.id"));
        assertEquals(Boolean.FALSE, secondPage.at("completed.more"));
    }

    @Test
    void pauseAndResumeChangeTheQueueAndSayWhetherTheyChangedIt() throws InterruptedException {
        String token = fixture.pageToken();
        fixture.enqueue("SendWelcomeEmail", "mail", "{}");

        HttpResponse<String> paused = fixture.post("/api/queues/mail/pause", token);
        HttpResponse<String> pausedAgain = fixture.post("/api/queues/mail/pause", token);

        assertEquals(200, paused.statusCode(), paused.body());
        assertEquals(Boolean.TRUE, JsonTree.parse(paused.body()).at("changed"));
        assertEquals(Boolean.TRUE, JsonTree.parse(paused.body()).at("paused"));
        assertEquals(Boolean.FALSE, JsonTree.parse(pausedAgain.body()).at("changed"), "already paused");
        assertEquals(Boolean.TRUE, fixture.getJson("/api/stats").at("queues.0.paused"));
        assertTrue(broker.fetch("worker-1", List.of("mail"), 1, Duration.ZERO).isEmpty(), "a worker takes nothing from it");

        HttpResponse<String> resumed = fixture.post("/api/queues/mail/resume", token);

        assertEquals(200, resumed.statusCode(), resumed.body());
        assertEquals(Boolean.TRUE, JsonTree.parse(resumed.body()).at("changed"));
        assertEquals(Boolean.FALSE, JsonTree.parse(resumed.body()).at("paused"));
        assertEquals(1, broker.fetch("worker-1", List.of("mail"), 1, Duration.ZERO).size());
    }

    @Test
    void pausingNeedsThePagesTokenAPostAndAQueueName() {
        HttpResponse<String> noToken = fixture.post("/api/queues/mail/pause", null);
        HttpResponse<String> get = fixture.get("/api/queues/mail/pause");
        HttpResponse<String> badName = fixture.post("/api/queues/no%20spaces/pause", fixture.pageToken());

        assertEquals(403, noToken.statusCode());
        assertEquals(405, get.statusCode());
        assertEquals(400, badName.statusCode());
        assertFalse(broker.stats().queues().stream().anyMatch(q -> q.paused()), "nothing was paused");
    }

    /** Enqueues a job on {@code queue}, fetches it as worker-1 and completes it; returns its id. */
    private String completeOne(String queue) throws InterruptedException {
        String id = fixture.enqueue("SendWelcomeEmail", queue, "{}");
        List<JobMessage> fetched = broker.fetch("worker-1", List.of(queue), 1, Duration.ZERO);
        assertEquals(id, fetched.get(0).id());
        broker.complete("worker-1", fetched);
        return id;
    }
}
