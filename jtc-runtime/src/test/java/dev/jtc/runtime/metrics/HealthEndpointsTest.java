package dev.jtc.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.InMemoryBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The health checks and endpoints without a metrics provider on the class path (jtc-runtime alone). */
class HealthEndpointsTest {

    private final InMemoryBroker broker = new InMemoryBroker(Clock.systemUTC());
    private final AtomicBoolean heartbeat = new AtomicBoolean(true);

    @Test
    void aWorkerIsReadyWhileTheBrokerAnswersAndItsHeartbeatIsCurrent() {
        Health health = Health.ofWorker(broker, heartbeat::get);
        assertEquals("{\"status\":\"UP\",\"checks\":{\"broker\":\"UP\",\"heartbeat\":\"UP\"}}", health.readiness().json());

        heartbeat.set(false);
        Health.Report stale = health.readiness();
        assertEquals(false, stale.up());
        assertTrue(stale.checks().get("heartbeat").startsWith("DOWN: the last heartbeat ran out"), stale.checks().toString());

        heartbeat.set(true);
        broker.close();
        Health.Report brokerGone = health.readiness();
        assertEquals(false, brokerGone.up());
        assertTrue(brokerGone.checks().get("broker").startsWith("DOWN: in-memory broker is closed"), brokerGone.json());
        assertTrue(health.liveness().up(), "live as long as it answers");
    }

    @Test
    void endpointsAnswerWithStatusCodesProbesUnderstand() {
        Endpoints endpoints = new Endpoints(Optional.empty(), Health.ofReader(broker));
        assertEquals(200, endpoints.get("/health").status());
        assertEquals(200, endpoints.get("/health/ready").status());
        assertEquals(200, endpoints.get("/health/live").status());
        Endpoints.Reply metrics = endpoints.get("/metrics");
        assertEquals(404, metrics.status());
        assertTrue(metrics.body().contains("add the dependency dev.jtc:jtc-micrometer"), metrics.body());
        assertEquals(404, endpoints.get("/healthz").status());

        broker.close();
        Endpoints.Reply down = endpoints.get("/health");
        assertEquals(503, down.status());
        assertTrue(down.body().startsWith("{\"status\":\"DOWN\""), down.body());
        assertEquals(200, endpoints.get("/health/live").status());
    }

    @Test
    void theWorkersServerServesThemOverHttp() throws Exception {
        try (MetricsServer server = MetricsServer.start(new Endpoints(Optional.empty(), Health.ofWorker(broker, heartbeat::get)),
                "127.0.0.1", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode());
            assertEquals("application/json; charset=utf-8", ready.headers().firstValue("Content-Type").orElseThrow());
            heartbeat.set(false);
            assertEquals(503, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(405, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }
}
