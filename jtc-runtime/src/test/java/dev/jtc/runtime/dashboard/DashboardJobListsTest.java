package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.DisplayFormat;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lists of one queue's queued, scheduled and in-flight jobs ({@code GET /api/queues/{queue}/{state}})
 * and cancelling a waiting job ({@code POST /api/waiting/{id}/cancel}), token-protected like every change.
 */
class DashboardJobListsTest {

    private final ManualClock clock = ManualClock.at("2026-01-05T08:59:30Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final DashboardFixture fixture = new DashboardFixture(broker, clock, "ShopApp");

    @AfterEach
    void stop() {
        fixture.close();
        broker.close();
    }

    private String delayed(String queue, Duration delay) {
        String id = JobIds.next(queue);
        broker.enqueue(JobMessage.create(id, "SendWelcomeEmail", queue, "{\"userId\":9}", "", clock.instant(),
                clock.instant().plus(delay), null));
        return id;
    }

    private static List<Object> ids(JsonTree page) {
        return page.list("jobs").stream().map(job -> ((Map<?, ?>) job).get("id")).map(Object.class::cast).toList();
    }

    private static String cancelPath(String id) {
        return "/api/waiting/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/cancel";
    }

    @Test
    void queuedJobsAreListedInFetchOrderAndPaged() {
        String first = fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":1}");
        String second = fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":2}");
        String third = fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":3}");
        fixture.enqueue("ChargeCard", "payments", "{}");

        JsonTree all = fixture.getJson("/api/queues/mail/queued");
        JsonTree page = fixture.getJson("/api/queues/mail/queued?offset=1&limit=1");

        assertEquals("ShopApp", all.string("app"));
        assertEquals("2026-01-05T08:59:30Z", all.string("now"));
        assertEquals("mail", all.string("queue"));
        assertEquals("queued", all.string("state"));
        assertEquals(3, all.number("total"));
        assertEquals(List.of(first, second, third), ids(all));
        assertEquals("SendWelcomeEmail", all.string("jobs.0.name"));
        assertEquals("queued", all.string("jobs.0.state"));
        assertEquals("{\"userId\":1}", all.string("jobs.0.payload"));
        assertEquals(0, all.number("jobs.0.attempt"));
        assertEquals("2026-01-05T08:59:30Z", all.string("jobs.0.enqueuedAt"));
        assertNull(all.at("jobs.0.runAt"));
        assertNull(all.at("jobs.0.worker"));
        assertEquals(Boolean.TRUE, all.at("jobs.0.cancellable"));
        assertEquals(3, page.number("total"));
        assertEquals(1, page.number("offset"));
        assertEquals(List.of(second), ids(page));
    }

    @Test
    void instantsAreWrittenToTheSecondAsTheCommandLineWritesThem() {
        clock.advance(Duration.ofMillis(750));
        fixture.enqueue("SendWelcomeEmail", "mail", "{}");

        JsonTree queued = fixture.getJson("/api/queues/mail/queued");

        assertEquals("2026-01-05T08:59:30Z", queued.string("now"), "no fraction of a second");
        assertEquals("2026-01-05T08:59:30Z", queued.string("jobs.0.enqueuedAt"));
        assertEquals(DisplayFormat.instant(clock.instant()), queued.string("jobs.0.enqueuedAt"));
        assertEquals(DisplayFormat.state(JobState.QUEUED), queued.string("jobs.0.state"));
    }

    @Test
    void scheduledJobsShowWhenTheyRunAndWhyARetryWaits() throws InterruptedException {
        String later = delayed("mail", Duration.ofHours(1));
        String retried = fixture.enqueue("SendWelcomeEmail", "mail", "{}");
        JobMessage active = broker.fetch(DashboardFixture.WORKER, List.of("mail"), 1, Duration.ZERO).get(0);
        broker.retry(DashboardFixture.WORKER, active, new Failure(1, clock.instant(), "smtp down", ""),
                clock.instant().plusSeconds(90));

        JsonTree scheduled = fixture.getJson("/api/queues/mail/scheduled");

        assertEquals(2, scheduled.number("total"));
        assertEquals(List.of(retried, later), ids(scheduled), "soonest first");
        assertEquals("2026-01-05T09:01:00Z", scheduled.string("jobs.0.runAt"));
        assertEquals("smtp down", scheduled.string("jobs.0.lastError"));
        assertEquals(1, scheduled.number("jobs.0.attempt"));
        assertEquals("2026-01-05T09:59:30Z", scheduled.string("jobs.1.runAt"));
        assertNull(scheduled.at("jobs.1.lastError"));
    }

    @Test
    void activeJobsShowTheirWorkerAndCannotBeCancelled() throws InterruptedException {
        String id = fixture.enqueue("ChargeCard", "payments", "{}");
        broker.fetch("worker-7", List.of("payments"), 1, Duration.ZERO);
        clock.advance(Duration.ofSeconds(12));

        JsonTree active = fixture.getJson("/api/queues/payments/active");
        HttpResponse<String> cancel = fixture.post(cancelPath(id), fixture.pageToken());

        assertEquals(1, active.number("total"));
        assertEquals(List.of(id), ids(active));
        assertEquals("worker-7", active.string("jobs.0.worker"));
        assertEquals("2026-01-05T08:59:30Z", active.string("jobs.0.activeSince"));
        assertEquals(1, active.number("jobs.0.attempt"));
        assertEquals(Boolean.FALSE, active.at("jobs.0.cancellable"));
        assertEquals(404, cancel.statusCode());
        assertTrue(JsonTree.parse(cancel.body()).string("error").contains("is not waiting"), cancel.body());
        assertEquals(Optional.of(JobState.ACTIVE), broker.status(id));
    }

    @Test
    void aQueueNobodyUsedHasEmptyLists() {
        JsonTree empty = fixture.getJson("/api/queues/reports/scheduled");

        assertEquals(0, empty.number("total"));
        assertEquals(List.of(), empty.list("jobs"));
    }

    @Test
    void badListRequestsAreRejectedWithAHint() {
        HttpResponse<String> failedState = fixture.get("/api/queues/mail/failed");
        HttpResponse<String> badQueue = fixture.get("/api/queues/no%20spaces/queued");
        HttpResponse<String> badLimit = fixture.get("/api/queues/mail/queued?limit=0");
        HttpResponse<String> post = fixture.post("/api/queues/mail/queued", fixture.pageToken());

        assertEquals(400, failedState.statusCode());
        assertTrue(JsonTree.parse(failedState.body()).string("hint").contains("/api/failed"), failedState.body());
        assertEquals(400, badQueue.statusCode());
        assertTrue(JsonTree.parse(badQueue.body()).string("error").contains("'no spaces' is not a queue name"));
        assertEquals(400, badLimit.statusCode());
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void cancelStopsAQueuedOrScheduledJobFromRunning() {
        String queued = fixture.enqueue("SendWelcomeEmail", "mail", "{}");
        String scheduled = delayed("mail", Duration.ofMinutes(5));
        String token = fixture.pageToken();

        HttpResponse<String> first = fixture.post(cancelPath(queued), token);
        HttpResponse<String> second = fixture.post(cancelPath(scheduled), token);
        HttpResponse<String> again = fixture.post(cancelPath(queued), token);

        assertEquals(200, first.statusCode(), first.body());
        JsonTree answer = JsonTree.parse(first.body());
        assertEquals(queued, answer.string("id"));
        assertEquals("cancel", answer.string("action"));
        assertEquals(Boolean.TRUE, answer.at("done"));
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(Optional.of(JobState.CANCELLED), broker.status(queued));
        assertEquals(Optional.of(JobState.CANCELLED), broker.status(scheduled));
        assertEquals(List.of(), ids(fixture.getJson("/api/queues/mail/queued")));
        assertEquals(List.of(), ids(fixture.getJson("/api/queues/mail/scheduled")));
        assertEquals(404, again.statusCode(), "a job cancelled already is not waiting");
    }

    @Test
    void cancelNeedsTheTokenAndAPost() {
        String queued = fixture.enqueue("SendWelcomeEmail", "mail", "{}");

        HttpResponse<String> noToken = fixture.post(cancelPath(queued), null);
        HttpResponse<String> wrongToken = fixture.post(cancelPath(queued), "not-the-token");
        HttpResponse<String> get = fixture.get(cancelPath(queued));
        HttpResponse<String> delete = fixture.send(HttpRequest.newBuilder(fixture.uri(cancelPath(queued)))
                .DELETE().header("X-Jtc-Token", fixture.pageToken()));
        HttpResponse<String> unknownAction = fixture.post("/api/waiting/" + queued.replace("@", "%40") + "/explode",
                fixture.pageToken());

        assertEquals(403, noToken.statusCode());
        assertEquals(403, wrongToken.statusCode());
        assertTrue(JsonTree.parse(wrongToken.body()).string("error").contains("X-Jtc-Token"));
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        assertEquals(405, delete.statusCode());
        assertEquals(404, unknownAction.statusCode());
        assertEquals(Optional.of(JobState.QUEUED), broker.status(queued), "nothing was cancelled");
    }
}
