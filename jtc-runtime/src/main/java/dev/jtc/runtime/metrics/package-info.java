/**
 * Metrics and health of a jtc process: the {@link dev.jtc.runtime.metrics.MetricsProvider} service
 * a metrics library plugs in through (jtc's is {@code dev.jtc:jtc-micrometer}), the health checks
 * and the {@code /metrics} and {@code /health} endpoints a worker ({@code work --metrics-port})
 * and the dashboard serve.
 */
package dev.jtc.runtime.metrics;
