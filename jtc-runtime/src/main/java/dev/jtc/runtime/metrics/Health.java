package dev.jtc.runtime.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.broker.Broker;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Health as a container orchestrator asks for it. Live: the process answers. Ready: the broker
 * answers (a cheap read) and, for a worker, its heartbeat is current, so the broker counts it
 * alive and it is not about to lose its jobs to recovery.
 */
public final class Health {

    private static final JsonFactory JSON = new JsonFactory();

    /** One answer: ready or not, and each check with its state or what went wrong. */
    public record Report(boolean up, Map<String, String> checks) {

        public Report {
            checks = Map.copyOf(checks);
        }

        /** {@code {"status":"UP","checks":{"broker":"UP",...}}}, checks in the order they ran. */
        public String json() {
            StringWriter out = new StringWriter();
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.writeStartObject();
                json.writeStringField("status", up ? "UP" : "DOWN");
                json.writeObjectFieldStart("checks");
                for (String name : new java.util.TreeSet<>(checks.keySet())) {
                    json.writeStringField(name, checks.get(name));
                }
                json.writeEndObject();
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
    }

    private final Broker broker;
    private final BooleanSupplier heartbeatCurrent;

    private Health(Broker broker, BooleanSupplier heartbeatCurrent) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.heartbeatCurrent = heartbeatCurrent;
    }

    /** Health of a worker: the broker answers and {@code heartbeatCurrent} says the heartbeat has not run out. */
    public static Health ofWorker(Broker broker, BooleanSupplier heartbeatCurrent) {
        return new Health(broker, Objects.requireNonNull(heartbeatCurrent, "heartbeatCurrent"));
    }

    /** Health of a process that only reads the broker (the dashboard). */
    public static Health ofReader(Broker broker) {
        return new Health(broker, null);
    }

    /** Whether the process should get traffic, or keep its jobs: see the class comment. */
    public Report readiness() {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean up = true;
        try {
            broker.workers();
            checks.put("broker", "UP");
        } catch (RuntimeException e) {
            checks.put("broker", "DOWN: " + e.getMessage());
            up = false;
        }
        if (heartbeatCurrent != null) {
            boolean current = heartbeatCurrent.getAsBoolean();
            checks.put("heartbeat", current ? "UP" : "DOWN: the last heartbeat ran out; the broker counts this worker dead");
            up &= current;
        }
        return new Report(up, checks);
    }

    /** The process answers: always up. */
    public Report liveness() {
        return new Report(true, Map.of());
    }
}
