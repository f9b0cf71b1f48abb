package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobDetails;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.PendingJob;
import dev.jtc.runtime.testing.ManualClock;
import dev.jtc.runtime.worker.Scheduler;
import dev.jtc.runtime.worker.WorkerConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Run now" for a scheduled task ({@code POST /api/tasks/{name}/run}): one job, as a tick would enqueue it. */
class DashboardRunNowTest {

    private final ManualClock clock = ManualClock.at("2026-01-05T08:59:30Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final DashboardFixture fixture = new DashboardFixture(broker, clock, "ShopApp");

    @AfterEach
    void stop() {
        fixture.close();
        broker.close();
    }

    @Test
    void enqueuesOneJobOfTheTaskOnItsQueueAndAnswersWithItsId() {
        HttpResponse<String> response = fixture.post("/api/tasks/Reports.morningReport/run", fixture.pageToken());

        assertEquals(200, response.statusCode(), response.body());
        JsonTree body = JsonTree.parse(response.body());
        String id = body.string("id");
        assertEquals("Reports.morningReport", body.string("task"));
        assertEquals("reports", body.string("queue"));
        assertEquals("run", body.string("action"));
        List<PendingJob> queued = broker.pendingJobs("reports", JobState.QUEUED, 0, 10);
        assertEquals(1, queued.size(), "exactly one job");
        JobMessage job = queued.get(0).job();
        assertEquals(id, job.id());
        assertTrue(id.endsWith("@reports"), id);
        assertEquals("Reports.morningReport", job.name(), "the job a tick runs: named after the task");
        assertEquals("{}", job.payload());
        assertEquals(clock.instant(), job.enqueuedAt());
        assertEquals(null, job.runAt(), "ready at once");
        assertEquals(0, job.attempt());
    }

    @Test
    void theJobIsTheOneATickWouldEnqueue() {
        String id = JsonTree.parse(fixture.post("/api/tasks/Health.check/run", fixture.pageToken()).body()).string("id");
        JobMessage ranNow = broker.details(id).orElseThrow().job();
        JobMessage tick = DashboardFixture.app("ShopApp").scheduledTasks().get(1).newRun(clock.instant());

        assertEquals(tick.name(), ranNow.name());
        assertEquals(tick.queue(), ranNow.queue());
        assertEquals(tick.payload(), ranNow.payload());
        assertEquals(tick.fingerprint(), ranNow.fingerprint());
        assertEquals(tick.uniqueKey(), ranNow.uniqueKey());
        assertNotEquals(tick.id(), ranNow.id());
    }

    @Test
    void theScheduledTicksGoOnAsBefore() {
        // Health.check runs every 30 s without overlap: a run-now job still waiting must not hold back its next tick.
        Scheduler scheduler = new Scheduler(broker, DashboardFixture.app("ShopApp").scheduledTasks(), clock,
                WorkerConfig.defaults(), clock.advancingSleeper());
        scheduler.pollOnce(); // first sight of each task: its ticks count from now
        Optional<Instant> lastTick = broker.lastTick("Health.check");

        String ranNow = JsonTree.parse(fixture.post("/api/tasks/Health.check/run", fixture.pageToken()).body()).string("id");

        assertEquals(lastTick, broker.lastTick("Health.check"), "run now claims no tick");
        clock.advance(Duration.ofSeconds(30)); // 09:00:00, the next tick
        scheduler.pollOnce();
        assertEquals(Optional.of(Instant.parse("2026-01-05T09:00:00Z")), broker.lastTick("Health.check"));
        List<String> queued = broker.pendingJobs("default", JobState.QUEUED, 0, 10).stream().map(p -> p.job().id()).toList();
        assertEquals(2, queued.size(), "the run-now job and the tick's: " + queued);
        assertEquals(ranNow, queued.get(0));
    }

    @Test
    void anUnknownTaskIsNotFoundAndEnqueuesNothing() {
        HttpResponse<String> unknown = fixture.post("/api/tasks/Reports.eveningReport/run", fixture.pageToken());
        HttpResponse<String> otherAction = fixture.post("/api/tasks/Reports.morningReport/explode", fixture.pageToken());

        assertEquals(404, unknown.statusCode());
        assertEquals("no scheduled task named Reports.eveningReport", JsonTree.parse(unknown.body()).string("error"));
        assertEquals(404, otherAction.statusCode());
        assertEquals(0, totalQueued());
    }

    @Test
    void withoutTheTokenOrAsAGetNothingRuns() {
        HttpResponse<String> noToken = fixture.post("/api/tasks/Reports.morningReport/run", null);
        HttpResponse<String> wrongToken = fixture.post("/api/tasks/Reports.morningReport/run", "guess");
        HttpResponse<String> get = fixture.get("/api/tasks/Reports.morningReport/run");

        assertEquals(403, noToken.statusCode());
        assertTrue(JsonTree.parse(noToken.body()).string("error").contains("X-Jtc-Token"));
        assertEquals(403, wrongToken.statusCode());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        assertEquals(0, totalQueued());
    }

    @Test
    void theNewJobHasItsOwnPage() {
        String id = JsonTree.parse(fixture.post("/api/tasks/Reports.morningReport/run", fixture.pageToken()).body()).string("id");

        JsonTree job = fixture.getJson("/api/jobs/" + id.replace("@", "%40"));
        Optional<JobDetails> details = broker.details(id);

        assertEquals("queued", job.string("job.state"));
        assertEquals("Reports.morningReport", job.string("job.name"));
        assertEquals(1, job.number("job.maxAttempts"), "the task has no retries");
        assertEquals(JobState.QUEUED, details.orElseThrow().state());
    }

    private long totalQueued() {
        return broker.stats().queues().stream().mapToLong(q -> q.ready() + q.scheduled()).sum();
    }
}
