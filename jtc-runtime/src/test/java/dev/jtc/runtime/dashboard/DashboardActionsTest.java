package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retry, delete, retry all and purge through the API, and the token that guards them. */
class DashboardActionsTest {

    private final ManualClock clock = ManualClock.at("2026-01-05T08:59:30Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final DashboardFixture fixture = new DashboardFixture(broker, clock, "ShopApp");

    @AfterEach
    void stop() {
        fixture.close();
        broker.close();
    }

    @Test
    void retryPutsTheJobBackOnItsQueueWithAFreshAttemptCount() throws InterruptedException {
        String id = fixture.jobFailedTwice("ChargeCard", "payments", "{\"orderId\":\"o-1\"}", "timeout", "declined");

        HttpResponse<String> response = fixture.post(path(id, "retry"), fixture.pageToken());

        assertEquals(200, response.statusCode(), response.body());
        JsonTree body = JsonTree.parse(response.body());
        assertEquals(id, body.string("id"));
        assertEquals("retry", body.string("action"));
        assertEquals(0, broker.stats().failed());
        assertEquals(Optional.of(JobState.QUEUED), broker.status(id));
        List<JobMessage> again = broker.fetch("worker-2", List.of("payments"), 1, Duration.ZERO);
        assertEquals(id, again.get(0).id());
        assertEquals(1, again.get(0).attempt(), "a retried job starts over at attempt 1");
        assertEquals("{\"orderId\":\"o-1\"}", again.get(0).payload());
    }

    @Test
    void deleteRemovesTheJobForGood() {
        String id = fixture.failedJob("ChargeCard", "payments", "{}", "declined");

        HttpResponse<String> response = fixture.post(path(id, "delete"), fixture.pageToken());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(0, broker.stats().failed());
        assertEquals(Optional.empty(), broker.status(id));
        assertEquals(0, broker.stats().queues().stream().mapToLong(q -> q.ready()).sum(), "nothing was queued");
    }

    @Test
    void changesWithoutTheTokenAreRejectedAndChangeNothing() {
        String id = fixture.failedJob("ChargeCard", "payments", "{}", "declined");

        HttpResponse<String> noToken = fixture.post(path(id, "retry"), null);
        HttpResponse<String> wrongToken = fixture.post(path(id, "delete"), "not-the-token");
        HttpResponse<String> purge = fixture.post("/api/failed/purge", "");
        HttpResponse<String> retryAll = fixture.post("/api/failed/retry-all", fixture.pageToken() + "x");

        for (HttpResponse<String> response : List.of(noToken, wrongToken, purge, retryAll)) {
            assertEquals(403, response.statusCode(), response.body());
            assertTrue(JsonTree.parse(response.body()).string("error").contains("X-Jtc-Token"));
        }
        assertEquals(1, broker.stats().failed());
        assertEquals(Optional.of(JobState.FAILED), broker.status(id));
    }

    @Test
    void changesAreOnlyPosts() {
        String id = fixture.failedJob("ChargeCard", "payments", "{}", "declined");

        HttpResponse<String> get = fixture.get(path(id, "retry"));
        HttpResponse<String> delete = fixture.send(HttpRequest.newBuilder(fixture.uri(path(id, "delete")))
                .DELETE().header("X-Jtc-Token", fixture.pageToken()));
        HttpResponse<String> postToRead = fixture.post("/api/overview", fixture.pageToken());

        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        assertEquals(405, delete.statusCode());
        assertEquals(405, postToRead.statusCode());
        assertEquals(1, broker.stats().failed());
    }

    @Test
    void aJobThatIsNotFailedIsNotFound() {
        String queued = fixture.enqueue("ChargeCard", "payments", "{}");
        String token = fixture.pageToken();

        HttpResponse<String> retryQueued = fixture.post(path(queued, "retry"), token);
        HttpResponse<String> deleteUnknown = fixture.post(path("01JDQ4M5Z9X8K2J3H4G5F6D7S8@payments", "delete"), token);
        HttpResponse<String> unknownAction = fixture.post(path(queued, "explode"), token);

        assertEquals(404, retryQueued.statusCode());
        assertTrue(JsonTree.parse(retryQueued.body()).string("error").contains(queued + " is not in the failed set"));
        assertEquals(404, deleteUnknown.statusCode());
        assertEquals(404, unknownAction.statusCode());
        assertEquals(Optional.of(JobState.QUEUED), broker.status(queued), "the queued job is untouched");
    }

    @Test
    void idsWithReservedCharactersRoundTripThroughThePath() {
        // Ids from other producers are opaque strings; the page encodes them with encodeURIComponent.
        String id = "import/2026+01%20#7?&x=1@payments"; // no spaces: ids are printable ASCII
        broker.enqueue(JobMessage.create(id, "ChargeCard", "payments", "{}", "", clock.instant(), null, null));
        fixture.failedJobFromQueue("payments", "declined");

        HttpResponse<String> response = fixture.post(
                "/api/failed/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/retry",
                fixture.pageToken());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Optional.of(JobState.QUEUED), broker.status(id));
    }

    @Test
    void retryAllRetriesEveryFailedJobAndSaysHowMany() {
        for (int i = 0; i < 3; i++) {
            fixture.failedJob("ChargeCard", "payments", "{}", "declined " + i);
        }
        fixture.failedJob("SendWelcomeEmail", "mail", "{}", "smtp down");

        HttpResponse<String> response = fixture.post("/api/failed/retry-all", fixture.pageToken());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(4, JsonTree.parse(response.body()).number("retried"));
        assertEquals(0, broker.stats().failed());
        JsonTree stats = fixture.getJson("/api/stats");
        assertEquals("mail", stats.string("queues.0.queue"));
        assertEquals(1, stats.number("queues.0.ready"));
        assertEquals(3, stats.number("queues.1.ready"));
    }

    @Test
    void purgeDeletesEveryFailedJobAndSaysHowMany() {
        String first = fixture.failedJob("ChargeCard", "payments", "{}", "declined");
        fixture.failedJob("ChargeCard", "payments", "{}", "declined again");

        HttpResponse<String> response = fixture.post("/api/failed/purge", fixture.pageToken());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, JsonTree.parse(response.body()).number("deleted"));
        assertEquals(0, broker.stats().failed());
        assertEquals(Optional.empty(), broker.status(first));
    }

    private static String path(String id, String action) {
        return "/api/failed/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/" + action;
    }
}
