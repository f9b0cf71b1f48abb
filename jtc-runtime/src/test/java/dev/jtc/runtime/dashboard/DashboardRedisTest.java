package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.redis.RedisBroker;
import dev.jtc.runtime.testing.RedisServerProcess;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard over the production broker: a redis-server of this class's own, real Lua scripts. */
class DashboardRedisTest {

    private static RedisServerProcess redis;
    private static int namespaces;

    private RedisBroker broker;
    private DashboardFixture fixture;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void start() {
        broker = RedisBroker.connect(redis.url(), "dash" + ++namespaces, Clock.systemUTC());
        fixture = new DashboardFixture(broker, Clock.systemUTC(), "ShopApp");
    }

    @AfterEach
    void stop() {
        fixture.close();
        broker.close();
    }

    @Test
    void showsRedisFailuresAndRetriesAndDeletesThem() throws InterruptedException {
        String retried = fixture.jobFailedTwice("ChargeCard", "payments", "{\"orderId\":\"o-1\"}", "timeout", "<b>declined</b>");
        String deleted = fixture.failedJob("SendWelcomeEmail", "mail", "{\"userId\":7}", "smtp down");
        fixture.heartbeat("redis-worker", List.of("mail", "payments"), 4);

        JsonTree overview = fixture.getJson("/api/overview");

        assertEquals(2, overview.number("totals.failed"));
        assertEquals(1, overview.number("totals.workers"));
        assertEquals("redis-worker", overview.string("workers.0.id"));
        assertEquals(deleted, overview.string("failed.jobs.0.id"));
        assertEquals(retried, overview.string("failed.jobs.1.id"));
        assertEquals("<b>declined</b>", overview.string("failed.jobs.1.reason"));
        assertEquals(2, overview.list("failed.jobs.1.history").size());

        String token = fixture.pageToken();
        // Redis job ids carry the queue after an '@', which the page percent-encodes.
        assertTrue(retried.contains("@"));
        assertEquals(200, fixture.post(path(retried, "retry"), token).statusCode());
        assertEquals(200, fixture.post(path(deleted, "delete"), token).statusCode());

        assertEquals(Optional.of(JobState.QUEUED), broker.status(retried));
        assertEquals(Optional.empty(), broker.status(deleted));
        JsonTree after = fixture.getJson("/api/stats");
        assertEquals(0, after.number("totals.failed"));
        assertEquals(1, after.number("totals.ready"));
        assertEquals(retried, broker.fetch("w", List.of("payments"), 1, Duration.ZERO).get(0).id());
    }

    @Test
    void aJobsPageAndRunNowWorkOnRedis() {
        String failed = fixture.jobFailedTwice("ChargeCard", "payments", "{\"orderId\":\"o-1\"}", "timeout", "declined");

        JsonTree job = fixture.getJson("/api/jobs/" + URLEncoder.encode(failed, StandardCharsets.UTF_8));
        HttpResponse<String> run = fixture.post("/api/tasks/Reports.morningReport/run", fixture.pageToken());
        String ranNow = JsonTree.parse(run.body()).string("id");

        assertEquals("failed", job.string("job.state"));
        assertEquals("declined", job.string("job.reason"));
        assertEquals(2, job.list("job.history").size());
        assertEquals(200, run.statusCode(), run.body());
        assertEquals(Optional.of(JobState.QUEUED), broker.status(ranNow));
        assertEquals("Reports.morningReport", broker.details(ranNow).orElseThrow().job().name());
        assertEquals(Optional.empty(), broker.lastTick("Reports.morningReport"), "run now claims no tick");
        assertEquals(404, fixture.get("/api/jobs/01JDQ4M5Z9X8K2J3H4G5F6D7S8%40payments").statusCode());
    }

    @Test
    void retryAllAndPurgeWorkOnRedis() {
        for (int i = 0; i < 3; i++) {
            fixture.failedJob("ChargeCard", "payments", "{}", "declined " + i);
        }
        String token = fixture.pageToken();

        HttpResponse<String> retryAll = fixture.post("/api/failed/retry-all", token);
        for (int i = 0; i < 2; i++) {
            fixture.failedJob("SendWelcomeEmail", "mail", "{}", "smtp down " + i);
        }
        HttpResponse<String> purge = fixture.post("/api/failed/purge", token);

        assertEquals(3, JsonTree.parse(retryAll.body()).number("retried"));
        assertEquals(2, JsonTree.parse(purge.body()).number("deleted"));
        assertEquals(0, broker.stats().failed());
        assertEquals(3, fixture.getJson("/api/stats").number("totals.ready"), "the three retried jobs wait on payments");
    }

    @Test
    void aKeyOfTheWrongTypeIsShownAndTheRestOfThePageStillWorks() {
        String failed = fixture.failedJob("SendWelcomeEmail", "mail", "{}", "smtp down");
        fixture.failedJob("ChargeCard", "payments", "{}", "declined");
        try (redis.clients.jedis.Jedis jedis = new redis.clients.jedis.Jedis("127.0.0.1", redis.port())) {
            jedis.del(broker.namespace() + ":{payments}:failed");
            jedis.set(broker.namespace() + ":{payments}:failed", "garbage");
        }

        JsonTree overview = fixture.getJson("/api/overview");

        assertEquals(broker.namespace() + ":{payments}:failed", overview.string("brokenKeys.0.key"));
        assertEquals("string", overview.string("brokenKeys.0.found"));
        assertEquals("zset", overview.string("brokenKeys.0.expected"));
        assertEquals(1, overview.number("totals.failed"), "the broken set counts as empty");
        assertEquals(failed, overview.string("failed.jobs.0.id"), "the other queues' failed jobs are listed");
        assertEquals(1, fixture.getJson("/api/stats").list("brokenKeys").size());
    }

    private static String path(String id, String action) {
        return "/api/failed/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/" + action;
    }
}
