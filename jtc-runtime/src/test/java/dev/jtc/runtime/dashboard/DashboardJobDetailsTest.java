package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One job by its id ({@code GET /api/jobs/{id}}), as the job's page shows it. */
class DashboardJobDetailsTest {

    private final ManualClock clock = ManualClock.at("2026-01-05T08:59:30Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final DashboardFixture fixture = new DashboardFixture(broker, clock, "ShopApp");

    @AfterEach
    void stop() {
        fixture.close();
        broker.close();
    }

    private static String path(String id) {
        return "/api/jobs/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    @Test
    void aFailedJobShowsItsReasonEveryAttemptAndThatItCanBeRetried() {
        String id = fixture.jobFailedTwice("ChargeCard", "payments", "{\"orderId\":\"o-1\"}", "timed out", "card declined");

        JsonTree job = fixture.getJson(path(id));

        assertEquals("ShopApp", job.string("app"));
        assertEquals("2026-01-05T08:59:30Z", job.string("now"));
        assertEquals(id, job.string("job.id"));
        assertEquals("failed", job.string("job.state"));
        assertEquals("ChargeCard", job.string("job.name"));
        assertEquals("payments", job.string("job.queue"));
        assertEquals("{\"orderId\":\"o-1\"}", job.string("job.payload"));
        assertEquals(2, job.number("job.attempts"));
        assertEquals(4, job.number("job.maxAttempts"), "ChargeCard has 3 retries");
        assertEquals("2026-01-05T08:59:30Z", job.string("job.enqueuedAt"));
        assertEquals("2026-01-05T08:59:30Z", job.string("job.failedAt"));
        assertEquals("card declined", job.string("job.reason"));
        assertEquals(1, job.number("job.history.0.attempt"));
        assertEquals("timed out", job.string("job.history.0.reason"));
        assertEquals(DashboardFixture.stackTrace("timed out"), job.string("job.history.0.stackTrace"));
        assertEquals("card declined", job.string("job.history.1.reason"));
        assertEquals(true, job.at("job.retryable"));
        assertEquals(false, job.at("job.cancellable"));
        assertEquals(true, job.at("job.stored"));
        assertNull(job.at("job.worker"));
    }

    @Test
    void aWaitingJobCanBeCancelledAndARetryShowsWhenItRunsAgain() throws InterruptedException {
        String queued = fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":1}");
        String retrying = fixture.enqueue("ChargeCard", "payments", "{}");
        JobMessage fetched = broker.fetch("worker-1", List.of("payments"), 1, Duration.ZERO).get(0);
        broker.retry("worker-1", fetched, new Failure(1, clock.instant(), "gateway down", "trace"),
                clock.instant().plusSeconds(20));

        JsonTree waiting = fixture.getJson(path(queued));
        JsonTree retry = fixture.getJson(path(retrying));

        assertEquals("queued", waiting.string("job.state"));
        assertEquals(true, waiting.at("job.cancellable"));
        assertEquals(false, waiting.at("job.retryable"));
        assertEquals(0, waiting.number("job.attempts"));
        assertEquals(6, waiting.number("job.maxAttempts"));
        assertTrue(waiting.list("job.history").isEmpty());
        assertEquals("scheduled", retry.string("job.state"));
        assertEquals("2026-01-05T08:59:50Z", retry.string("job.dueAt"));
        assertEquals("gateway down", retry.string("job.history.0.reason"));
        assertEquals(true, retry.at("job.cancellable"));
    }

    @Test
    void aRunningJobNamesItsWorkerAndWhenItStarted() throws InterruptedException {
        String id = fixture.enqueue("SendWelcomeEmail", "mail", "{}");
        clock.advance(Duration.ofSeconds(5));
        broker.fetch("shop-worker-a1", List.of("mail"), 1, Duration.ZERO);

        JsonTree job = fixture.getJson(path(id));

        assertEquals("active", job.string("job.state"));
        assertEquals("shop-worker-a1", job.string("job.worker"));
        assertEquals("2026-01-05T08:59:35Z", job.string("job.activeSince"));
        assertEquals(1, job.number("job.attempts"));
        assertEquals(false, job.at("job.cancellable"));
    }

    @Test
    void aCompletedJobHasOnlyItsState() throws InterruptedException {
        String id = fixture.enqueue("SendWelcomeEmail", "mail", "{}");
        broker.complete("worker-1", broker.fetch("worker-1", List.of("mail"), 1, Duration.ZERO));

        JsonTree job = fixture.getJson(path(id));

        assertEquals("completed", job.string("job.state"));
        assertEquals("mail", job.string("job.queue"));
        assertEquals(false, job.at("job.stored"));
        assertNull(job.at("job.name"));
        assertNull(job.at("job.payload"));
        assertNull(job.at("job.attempts"));
        assertNull(job.at("job.maxAttempts"));
    }

    @Test
    void aJobOfAnotherApplicationHasNoAttemptLimit() {
        String id = fixture.enqueue("ImportOrders", "imports", "{\"batch\":7}");

        JsonTree job = fixture.getJson(path(id));

        assertEquals("ImportOrders", job.string("job.name"));
        assertNull(job.at("job.maxAttempts"));
    }

    @Test
    void anUnknownIdIsNotFoundWithAHint() {
        String id = "01JDQ4M5Z9X8K2J3H4G5F6D7S8@mail";

        HttpResponse<String> response = fixture.get(path(id));

        assertEquals(404, response.statusCode());
        JsonTree error = JsonTree.parse(response.body());
        assertEquals("no job with id " + id, error.string("error"));
        assertTrue(error.string("hint").contains("JTC_COMPLETED_RETENTION"), error.string("hint"));
    }

    @Test
    void whatCannotBeAnIdIsABadRequest() {
        for (String bad : new String[] {"/api/jobs/two%20words", "/api/jobs/", "/api/jobs/caf%C3%A9", "/api/jobs/" + "x".repeat(257)}) {
            HttpResponse<String> response = fixture.get(bad);

            assertEquals(400, response.statusCode(), bad + ": " + response.body());
            assertFalse(JsonTree.parse(response.body()).string("hint").isBlank(), bad);
        }
    }

    @Test
    void idsWithReservedCharactersAreFoundAndMarkupIsEscaped() {
        String id = "import/2026+01%20#7?&x=1@payments";
        broker.enqueue(JobMessage.create(id, "ChargeCard", "payments", "{\"note\":\"<script>alert(1)</script>\"}", "",
                clock.instant(), null, null));

        HttpResponse<String> response = fixture.get(path(id));

        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains("<"), response.body());
        assertEquals(id, JsonTree.parse(response.body()).string("job.id"));
        assertEquals("{\"note\":\"<script>alert(1)</script>\"}", JsonTree.parse(response.body()).string("job.payload"));
    }

    @Test
    void aJobIsOnlyRead() {
        String id = fixture.enqueue("SendWelcomeEmail", "mail", "{}");

        HttpResponse<String> post = fixture.post(path(id), fixture.pageToken());

        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
    }
}
