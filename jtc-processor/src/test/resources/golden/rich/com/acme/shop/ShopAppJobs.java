package com.acme.shop;

import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Dispatches the jobs of {@link ShopApp}, typed by each job's {@code handle} parameters. Works in any
 * process, worker or not: {@code new ShopAppJobs(dispatcher)}, or inject it (jobs may dispatch other jobs).
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class ShopAppJobs {
    /**
     * Every job of the application, in a stable order.
     */
    public static final List<JobType> JOB_TYPES = List.of(
            // jobs declared in com.acme.shop
            Reports_NightlyCodec.TYPE,
            SendWelcomeEmailCodec.TYPE,
            ShipOrderCodec.TYPE);

    private final Dispatcher dispatcher;

    /**
     * A dispatcher for the jobs of {@link ShopApp}, sending through {@code dispatcher}.
     */
    @Inject
    public ShopAppJobs(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Dispatches {@link Reports.Nightly} (job {@code Nightly}) to run as soon as a worker is free.
     */
    public JobHandle nightly(LocalDate day, Set<String> recipients, int[] hours, byte[] logo) {
        return dispatcher.dispatch(Reports_NightlyCodec.TYPE, Reports_NightlyCodec.encode(day, recipients, hours, logo), DispatchOptions.none());
    }

    /**
     * Dispatches {@link Reports.Nightly} (job {@code Nightly}) with {@code options}: a delay or run-at time, another
     * queue, a unique key.
     */
    public JobHandle nightly(LocalDate day, Set<String> recipients, int[] hours, byte[] logo,
            DispatchOptions options) {
        return dispatcher.dispatch(Reports_NightlyCodec.TYPE, Reports_NightlyCodec.encode(day, recipients, hours, logo), options);
    }

    /**
     * Dispatches {@link SendWelcomeEmail} (job {@code SendWelcomeEmail}) to run as soon as a worker is free.
     */
    public JobHandle sendWelcomeEmail(long userId, String template) {
        return dispatcher.dispatch(SendWelcomeEmailCodec.TYPE, SendWelcomeEmailCodec.encode(userId, template), DispatchOptions.none());
    }

    /**
     * Dispatches {@link SendWelcomeEmail} (job {@code SendWelcomeEmail}) with {@code options}: a delay or run-at time, another
     * queue, a unique key.
     */
    public JobHandle sendWelcomeEmail(long userId, String template, DispatchOptions options) {
        return dispatcher.dispatch(SendWelcomeEmailCodec.TYPE, SendWelcomeEmailCodec.encode(userId, template), options);
    }

    /**
     * Dispatches {@link ShipOrder} (job {@code ship-order}) to run as soon as a worker is free.
     */
    public JobHandle shipOrder(UUID orderId, List<LineItem> items, Address address,
            Optional<Instant> notBefore, Map<String, Integer> stock, Priority priority,
            BigDecimal total) {
        return dispatcher.dispatch(ShipOrderCodec.TYPE, ShipOrderCodec.encode(orderId, items, address, notBefore, stock, priority, total), DispatchOptions.none());
    }

    /**
     * Dispatches {@link ShipOrder} (job {@code ship-order}) with {@code options}: a delay or run-at time, another
     * queue, a unique key.
     */
    public JobHandle shipOrder(UUID orderId, List<LineItem> items, Address address,
            Optional<Instant> notBefore, Map<String, Integer> stock, Priority priority,
            BigDecimal total, DispatchOptions options) {
        return dispatcher.dispatch(ShipOrderCodec.TYPE, ShipOrderCodec.encode(orderId, items, address, notBefore, stock, priority, total), options);
    }
}
