package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.testing.ManualClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard's {@code /health} and {@code /metrics} without a metrics provider on the class path. */
class DashboardHealthTest {

    private final ManualClock clock = ManualClock.at("2026-01-05T08:59:30Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final DashboardFixture fixture = new DashboardFixture(broker, clock, "ShopApp");

    @AfterEach
    void stop() {
        fixture.close();
        broker.close();
    }

    @Test
    void healthSaysWhetherTheBrokerAnswers() {
        HttpResponse<String> up = fixture.get("/health");
        assertEquals(200, up.statusCode());
        assertEquals("{\"status\":\"UP\",\"checks\":{\"broker\":\"UP\"}}\n", up.body());
        assertEquals(200, fixture.get("/health/live").statusCode());

        broker.close();
        HttpResponse<String> down = fixture.get("/health/ready");
        assertEquals(503, down.statusCode());
        assertTrue(down.body().contains("\"broker\":\"DOWN: in-memory broker is closed"), down.body());
        assertEquals(200, fixture.get("/health/live").statusCode());
    }

    @Test
    void metricsWithoutAProviderSayWhatToAdd() {
        HttpResponse<String> metrics = fixture.get("/metrics");
        assertEquals(404, metrics.statusCode());
        assertTrue(metrics.body().contains("add the dependency dev.jtc:jtc-micrometer"), metrics.body());
    }
}
