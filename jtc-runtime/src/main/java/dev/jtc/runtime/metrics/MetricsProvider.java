package dev.jtc.runtime.metrics;

import dev.jtc.runtime.broker.Broker;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Where a process's metrics come from: a library on the class path (jtc's own is
 * {@value #DEPENDENCY}, on Micrometer) registers one in
 * {@code META-INF/services/dev.jtc.runtime.metrics.MetricsProvider}. Without one, jtc has no
 * metrics and no dependency on any metrics library; health checks work all the same.
 */
public interface MetricsProvider {

    /** The Maven coordinates of jtc's provider, for messages that say what to add. */
    String DEPENDENCY = "dev.jtc:jtc-micrometer";

    /**
     * The metrics of one process of {@code application}: a worker, or a dashboard (which only
     * reads the gauges). {@code broker} is read for the queue gauges, at most every few seconds.
     */
    ProcessMetrics create(String application, Broker broker, Clock clock);

    /** The first provider on the class path, if any. */
    static Optional<MetricsProvider> find() {
        Iterator<MetricsProvider> found = ServiceLoader.load(MetricsProvider.class, MetricsProvider.class.getClassLoader()).iterator();
        return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
    }
}
