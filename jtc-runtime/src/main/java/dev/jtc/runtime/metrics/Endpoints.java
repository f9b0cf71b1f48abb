package dev.jtc.runtime.metrics;

import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP answers of {@code /metrics}, {@code /health}, {@code /health/live} and
 * {@code /health/ready}, the same for a worker ({@link MetricsServer}) and the dashboard.
 */
public final class Endpoints {

    /** An answer: status, media type and body. */
    public record Reply(int status, String contentType, String body) {}

    private static final String JSON = "application/json; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final ProcessMetrics metrics;
    private final Health health;

    /** @param metrics the metrics to scrape; empty when no {@link MetricsProvider} is on the class path */
    public Endpoints(Optional<ProcessMetrics> metrics, Health health) {
        this.metrics = metrics.orElse(null);
        this.health = Objects.requireNonNull(health, "health");
    }

    /** Whether {@code path} is one of these endpoints. */
    public static boolean serves(String path) {
        return path.equals("/metrics") || path.equals("/health") || path.equals("/health/live") || path.equals("/health/ready");
    }

    /** The answer to a GET of {@code path}; 404 for a path {@link #serves} does not name. */
    public Reply get(String path) {
        return switch (path) {
            case "/metrics" -> metrics == null
                    ? new Reply(404, TEXT, "no metrics: no metrics provider is on the class path; add the dependency "
                            + MetricsProvider.DEPENDENCY + "\n")
                    : new Reply(200, ProcessMetrics.PROMETHEUS_TEXT, metrics.scrape());
            case "/health", "/health/ready" -> reply(health.readiness());
            case "/health/live" -> reply(health.liveness());
            default -> new Reply(404, TEXT, "no such endpoint: " + path + " (there are /metrics, /health, /health/live and"
                    + " /health/ready)\n");
        };
    }

    private static Reply reply(Health.Report report) {
        return new Reply(report.up() ? 200 : 503, JSON, report.json() + "\n");
    }
}
