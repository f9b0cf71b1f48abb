package dev.jtc.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.metrics.Endpoints;
import dev.jtc.runtime.metrics.Health;
import dev.jtc.runtime.metrics.MetricsProvider;
import dev.jtc.runtime.metrics.MetricsServer;
import dev.jtc.runtime.metrics.ProcessMetrics;
import dev.jtc.runtime.redis.RedisBroker;
import dev.jtc.runtime.redis.RedisBrokerOptions;
import dev.jtc.runtime.testing.RedisServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The endpoints as a worker serves them, over a real redis-server: a scrape over HTTP is valid
 * Prometheus text with the queue gauges read from Redis, and readiness follows Redis going away.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricsEndpointRedisTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(MetricsServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void scrapeAndHealthOverHttpFollowRedis() throws Exception {
        Clock clock = Clock.systemUTC();
        try (RedisServerProcess redis = RedisServerProcess.start();
                RedisBroker broker = RedisBroker.connect(redis.url(), "jtc", clock,
                        RedisBrokerOptions.defaults().withConnectTimeout(Duration.ofMillis(500)).withSocketTimeout(Duration.ofSeconds(1)))) {
            broker.enqueue(JobMessage.create(JobIds.next("mail"), "SendMail", "mail", "{}", "", clock.instant(), null, null));
            ProcessMetrics metrics = MetricsProvider.find().orElseThrow().create("Shop", broker, clock);
            try (metrics; MetricsServer server = MetricsServer.start(new Endpoints(Optional.of(metrics), Health.ofReader(broker)),
                    "127.0.0.1", 0)) {
                HttpResponse<String> scrape = get(server, "/metrics");
                assertEquals(200, scrape.statusCode());
                assertEquals(ProcessMetrics.PROMETHEUS_TEXT, scrape.headers().firstValue("Content-Type").orElseThrow());
                Map<String, PrometheusText.Family> families = PrometheusText.parse(scrape.body());
                assertEquals(1.0, families.get("jtc_queue_ready").value("jtc_queue_ready", Map.of("application", "Shop", "queue", "mail")));
                assertEquals(200, get(server, "/health/ready").statusCode());

                redis.stop();
                HttpResponse<String> down = get(server, "/health/ready");
                assertEquals(503, down.statusCode());
                assertTrue(down.body().startsWith("{\"status\":\"DOWN\",\"checks\":{\"broker\":\"DOWN: "), down.body());
                assertEquals(200, get(server, "/health/live").statusCode());
                assertEquals(200, get(server, "/metrics").statusCode(), "the gauges keep their last values while Redis is away");
            }
        }
    }
}
