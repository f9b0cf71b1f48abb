package dev.jtc.micrometer;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.metrics.MetricsProvider;
import dev.jtc.runtime.metrics.ProcessMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/** jtc's {@link MetricsProvider}: {@link JtcMeters} on a Prometheus registry of their own. */
public final class MicrometerMetricsProvider implements MetricsProvider {

    @Override
    public ProcessMetrics create(String application, Broker broker, Clock clock) {
        return new JtcMeters(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), application, broker, clock);
    }
}
