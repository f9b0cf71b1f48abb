package dev.jtc.runtime.metrics;

import dev.jtc.runtime.worker.WorkerListener;

/**
 * One process's metrics, made by a {@link MetricsProvider}. Added to a worker as a listener it
 * counts and times jobs and ticks; {@link #scrape} renders everything for Prometheus.
 */
public interface ProcessMetrics extends WorkerListener, AutoCloseable {

    /** The media type of {@link #scrape}: Prometheus' text exposition format. */
    String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** Every meter in Prometheus' text format, the queue gauges refreshed first if they are stale. */
    String scrape();

    @Override
    void close();
}
