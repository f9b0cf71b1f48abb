package com.acme.fleet;

import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Dispatches the jobs of {@link FleetApp}, typed by each job's {@code handle} parameters. Works in any
 * process, worker or not: {@code new FleetAppJobs(dispatcher)}, or inject it (jobs may dispatch other jobs).
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class FleetAppJobs {
    /**
     * Every job of the application, in a stable order.
     */
    public static final List<JobType> JOB_TYPES = List.of(
            // jobs declared in com.acme.fleet
            ChargeCardCodec.TYPE,
            RebuildIndexCodec.TYPE,
            ShipOrderCodec.TYPE);

    private final Dispatcher dispatcher;

    /**
     * A dispatcher for the jobs of {@link FleetApp}, sending through {@code dispatcher}.
     */
    @Inject
    public FleetAppJobs(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Dispatches {@link ChargeCard} (job {@code ChargeCard}) to run as soon as a worker is free.
     */
    public JobHandle chargeCard(String customerId, long orderId, BigDecimal amount) {
        return dispatcher.dispatch(ChargeCardCodec.TYPE, ChargeCardCodec.encode(customerId, orderId, amount), DispatchOptions.none());
    }

    /**
     * Dispatches {@link ChargeCard} (job {@code ChargeCard}) with {@code options}: a delay or run-at time, another
     * queue, a unique key.
     */
    public JobHandle chargeCard(String customerId, long orderId, BigDecimal amount,
            DispatchOptions options) {
        return dispatcher.dispatch(ChargeCardCodec.TYPE, ChargeCardCodec.encode(customerId, orderId, amount), options);
    }

    /**
     * Dispatches {@link RebuildIndex} (job {@code RebuildIndex}) to run as soon as a worker is free.
     */
    public JobHandle rebuildIndex() {
        return dispatcher.dispatch(RebuildIndexCodec.TYPE, RebuildIndexCodec.encode(), DispatchOptions.none());
    }

    /**
     * Dispatches {@link RebuildIndex} (job {@code RebuildIndex}) with {@code options}: a delay or run-at time, another
     * queue, a unique key.
     */
    public JobHandle rebuildIndex(DispatchOptions options) {
        return dispatcher.dispatch(RebuildIndexCodec.TYPE, RebuildIndexCodec.encode(), options);
    }

    /**
     * Dispatches {@link ShipOrder} (job {@code ship-order}) to run as soon as a worker is free.
     */
    public JobHandle shipOrder(long orderId) {
        return dispatcher.dispatch(ShipOrderCodec.TYPE, ShipOrderCodec.encode(orderId), DispatchOptions.none());
    }

    /**
     * Dispatches {@link ShipOrder} (job {@code ship-order}) with {@code options}: a delay or run-at time, another
     * queue, a unique key.
     */
    public JobHandle shipOrder(long orderId, DispatchOptions options) {
        return dispatcher.dispatch(ShipOrderCodec.TYPE, ShipOrderCodec.encode(orderId), options);
    }
}
