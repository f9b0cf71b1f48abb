/**
 * jtc's metrics on Micrometer: {@link dev.jtc.micrometer.MicrometerMetricsProvider}, found by
 * {@code java.util.ServiceLoader}, so that adding this module to a worker is all it takes;
 * {@code work --metrics-port} then serves the Prometheus scrape. The meters are listed in
 * {@code docs/observability.md}.
 */
package dev.jtc.micrometer;
