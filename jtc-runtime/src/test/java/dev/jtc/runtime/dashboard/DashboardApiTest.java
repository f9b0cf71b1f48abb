package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read side of the JSON API: counters, queues, workers, the failed set, schedules and job types. */
class DashboardApiTest {

    private final ManualClock clock = ManualClock.at("2026-01-05T08:59:30Z"); // a Monday
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final DashboardFixture fixture = new DashboardFixture(broker, clock, "ShopApp");

    @AfterEach
    void stop() {
        fixture.close();
        broker.close();
    }

    @Test
    void statsShowQueueSizesCountersAndWorkers() {
        fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":1}");
        fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":2}");
        broker.enqueue(JobMessage.create(JobIds.next("mail"),
                "SendWelcomeEmail", "mail", "{}", "", clock.instant(), clock.instant().plusSeconds(60), null));
        fixture.failedJob("ChargeCard", "payments", "{}", "card declined");
        fixture.heartbeat("worker-7", List.of("mail", "payments"), 8);

        JsonTree stats = fixture.getJson("/api/stats");

        assertEquals("ShopApp", stats.string("app"));
        assertEquals("2026-01-05T08:59:30Z", stats.string("now"));
        assertEquals(2, stats.number("totals.ready"));
        assertEquals(1, stats.number("totals.scheduled"));
        assertEquals(0, stats.number("totals.active"));
        assertEquals(1, stats.number("totals.failed"));
        assertEquals(1, stats.number("totals.failures"));
        assertEquals(0, stats.number("totals.processed"));
        assertEquals(1, stats.number("totals.workers"));
        assertEquals("mail", stats.string("queues.0.queue"));
        assertEquals(2, stats.number("queues.0.ready"));
        assertEquals(1, stats.number("queues.0.scheduled"));
        assertEquals("worker-7", stats.string("workers.0.id"));
        assertEquals("build-host", stats.string("workers.0.host"));
        assertEquals(4242, stats.number("workers.0.pid"));
        assertEquals(List.of("mail", "payments"), stats.list("workers.0.queues"));
        assertEquals(8, stats.number("workers.0.concurrency"));
        assertEquals("2026-01-05T08:59:30Z", stats.string("workers.0.lastHeartbeat"));
        assertEquals("2026-01-05T08:49:30Z", stats.string("workers.0.startedAt"));
    }

    @Test
    void activeJobsAreCountedAsInFlight() throws InterruptedException {
        fixture.enqueue("SendWelcomeEmail", "mail", "{}");
        broker.fetch("worker-9", List.of("mail"), 1, Duration.ZERO);

        JsonTree stats = fixture.getJson("/api/stats");

        assertEquals(1, stats.number("totals.active"));
        assertEquals(1, stats.number("queues.0.active"));
        assertEquals(0, stats.number("queues.0.ready"));
    }

    @Test
    void failedJobsCarryReasonAttemptsPayloadAndEveryStackTrace() {
        String id = fixture.jobFailedTwice("ChargeCard", "payments", "{\"orderId\":\"o-1\"}",
                "timed out after 30s", "card declined");

        JsonTree failed = fixture.getJson("/api/failed");

        assertEquals(1, failed.number("failed.total"));
        assertEquals(id, failed.string("failed.jobs.0.id"));
        assertEquals("ChargeCard", failed.string("failed.jobs.0.name"));
        assertEquals("payments", failed.string("failed.jobs.0.queue"));
        assertEquals("card declined", failed.string("failed.jobs.0.reason"));
        assertEquals(2, failed.number("failed.jobs.0.attempts"));
        assertEquals("{\"orderId\":\"o-1\"}", failed.string("failed.jobs.0.payload"));
        assertEquals("2026-01-05T08:59:30Z", failed.string("failed.jobs.0.failedAt"));
        assertEquals(DashboardFixture.stackTrace("card declined"), failed.string("failed.jobs.0.lastStackTrace"));
        assertEquals(1, failed.number("failed.jobs.0.history.0.attempt"));
        assertEquals("timed out after 30s", failed.string("failed.jobs.0.history.0.reason"));
        assertEquals(DashboardFixture.stackTrace("timed out after 30s"), failed.string("failed.jobs.0.history.0.stackTrace"));
        assertEquals(2, failed.number("failed.jobs.0.history.1.attempt"));
        assertNull(failed.at("failed.jobs.0.uniqueKey"));
    }

    @Test
    void failedSetIsPagedNewestFirst() {
        String oldest = fixture.failedJob("ChargeCard", "payments", "{}", "first");
        clock.advance(Duration.ofSeconds(1));
        String middle = fixture.failedJob("ChargeCard", "payments", "{}", "second");
        clock.advance(Duration.ofSeconds(1));
        String newest = fixture.failedJob("ChargeCard", "payments", "{}", "third");

        JsonTree first = fixture.getJson("/api/failed?offset=0&limit=2");
        JsonTree second = fixture.getJson("/api/failed?offset=2&limit=2");

        assertEquals(3, first.number("failed.total"));
        assertEquals(2, first.number("failed.limit"));
        assertEquals(List.of(newest, middle), ids(first));
        assertEquals(2, second.number("failed.offset"));
        assertEquals(List.of(oldest), ids(second));
    }

    @Test
    void badPagingParametersAreRejectedWithAHint() {
        HttpResponse<String> tooMany = fixture.get("/api/failed?limit=100000");
        HttpResponse<String> notANumber = fixture.get("/api/overview?offset=abc");

        assertEquals(400, tooMany.statusCode());
        assertTrue(JsonTree.parse(tooMany.body()).string("error").contains("limit=100000"));
        assertEquals(400, notANumber.statusCode());
        assertEquals("for example ?offset=0", JsonTree.parse(notANumber.body()).string("hint"));
    }

    @Test
    void schedulesListTheirDefinitionAndNextRunsInTheirZone() {
        JsonTree schedules = fixture.getJson("/api/schedules");

        assertEquals("Reports.morningReport", schedules.string("schedules.0.name"));
        assertEquals("cron", schedules.string("schedules.0.kind"));
        assertEquals("0 9 * * MON-FRI", schedules.string("schedules.0.expression"));
        assertEquals("Europe/Berlin", schedules.string("schedules.0.zone"));
        assertEquals("Send the morning report", schedules.string("schedules.0.description"));
        assertFalse(schedules.string("schedules.0.summary").isBlank());
        assertEquals("reports", schedules.string("schedules.0.queue"));
        // 08:59:30 UTC on Monday is 09:59:30 in Berlin: the next runs are Tuesday to Thursday at 09:00 there.
        assertEquals(List.of(
                Map.of("at", "2026-01-06T08:00:00Z", "local", "2026-01-06T09:00:00+01:00"),
                Map.of("at", "2026-01-07T08:00:00Z", "local", "2026-01-07T09:00:00+01:00"),
                Map.of("at", "2026-01-08T08:00:00Z", "local", "2026-01-08T09:00:00+01:00")),
                schedules.list("schedules.0.nextRuns"));
        assertEquals(false, schedules.at("schedules.0.neverAgain"));
        assertNull(schedules.at("schedules.0.lastTick"));

        assertEquals("Health.check", schedules.string("schedules.1.name"));
        assertEquals("every", schedules.string("schedules.1.kind"));
        assertEquals("30s", schedules.string("schedules.1.expression"));
        assertEquals("UTC", schedules.string("schedules.1.zone"));
        assertEquals(false, schedules.at("schedules.1.overlap"));
        assertEquals("SKIP", schedules.string("schedules.1.missed"));
        assertEquals("2026-01-05T09:00:00Z", schedules.string("schedules.1.nextRuns.0.at"));
        assertEquals("2026-01-05T09:00:30Z", schedules.string("schedules.1.nextRuns.1.at"));
    }

    @Test
    void schedulesShowTheLastClaimedTickAndAsManyNextRunsAsAsked() {
        broker.claimTick("Health.check", Instant.parse("2026-01-05T08:59:30Z"), null, false);

        JsonTree schedules = fixture.getJson("/api/schedules?next=5");

        assertEquals("2026-01-05T08:59:30Z", schedules.string("schedules.1.lastTick"));
        assertEquals(5, schedules.list("schedules.1.nextRuns").size());
        assertEquals("2026-01-05T09:02:00Z", schedules.string("schedules.1.nextRuns.4.at"));
    }

    @Test
    void jobTypesShowQueueRetriesTimeoutAndSchema() {
        JsonTree jobs = fixture.getJson("/api/jobs");

        assertEquals("SendWelcomeEmail", jobs.string("jobs.0.name"));
        assertEquals("mail", jobs.string("jobs.0.queue"));
        assertEquals(5, jobs.number("jobs.0.retries"));
        assertEquals("30s", jobs.string("jobs.0.timeout"));
        assertEquals("userId:long,template:String", jobs.string("jobs.0.schema"));
        assertEquals("ChargeCard", jobs.string("jobs.1.name"));
        assertNull(jobs.at("jobs.1.timeout"), "no timeout");
        assertEquals("2s", jobs.string("jobs.1.backoffBase"));
        assertEquals("5m", jobs.string("jobs.1.backoffCap"));
    }

    @Test
    void overviewHasEverySectionInOneAnswer() {
        fixture.failedJob("ChargeCard", "payments", "{}", "card declined");

        JsonTree overview = fixture.getJson("/api/overview?limit=10");

        assertEquals("ShopApp", overview.string("app"));
        assertEquals(1, overview.number("totals.failed"));
        assertEquals(1, overview.list("failed.jobs").size());
        assertEquals(10, overview.number("failed.limit"));
        assertEquals(2, overview.list("schedules").size());
        assertEquals(2, overview.list("jobs").size());
        assertTrue(overview.list("workers").isEmpty());
        assertEquals("payments", overview.string("queues.0.queue"));
    }

    @Test
    void markupInJobDataIsEscapedInTheJson() {
        String reason = "</script><script>alert('pwned')</script> & more";
        fixture.failedJob("ChargeCard", "payments", "{\"note\":\"<img src=x onerror=alert(1)>\"}", reason);

        HttpResponse<String> response = fixture.get("/api/failed");

        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(response.body().contains("<"), response.body());
        assertFalse(response.body().contains(">"), response.body());
        assertTrue(response.body().contains("\\u003C/script\\u003E"), response.body());
        JsonTree failed = JsonTree.parse(response.body());
        assertEquals(reason, failed.string("failed.jobs.0.reason"), "escaping changes the bytes, not the text");
        assertEquals("{\"note\":\"<img src=x onerror=alert(1)>\"}", failed.string("failed.jobs.0.payload"));
    }

    @Test
    void aBrokerThatCannotBeReachedGivesA503WithAHint() {
        broker.close();

        HttpResponse<String> response = fixture.get("/api/overview");

        assertEquals(503, response.statusCode());
        JsonTree error = JsonTree.parse(response.body());
        assertTrue(error.string("error").startsWith("the broker did not answer: "), error.string("error"));
        assertTrue(error.string("hint").contains("Redis"));
        assertEquals(200, fixture.get("/").statusCode(), "the page itself still loads and shows the error");
    }

    private static List<Object> ids(JsonTree tree) {
        return tree.list("failed.jobs").stream().map(job -> ((Map<?, ?>) job).get("id")).map(Object.class::cast).toList();
    }
}
