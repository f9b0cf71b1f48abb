package com.acme.shop;

import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
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
     * Job {@code Nightly}: {@link Reports.Nightly}, on queue {@code reports}.
     */
    public static final JobType NIGHTLY = new JobType("Nightly", "reports", 0, JobType.NO_TIMEOUT, JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, Reports_NightlyCodec.FINGERPRINT, Reports_NightlyCodec.SCHEMA);

    /**
     * Job {@code SendWelcomeEmail}: {@link SendWelcomeEmail}, on queue {@code mail}.
     */
    public static final JobType SEND_WELCOME_EMAIL = new JobType("SendWelcomeEmail", "mail", 5, Duration.ofSeconds(30), JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, SendWelcomeEmailCodec.FINGERPRINT, SendWelcomeEmailCodec.SCHEMA);

    /**
     * Job {@code ship-order}: {@link ShipOrder}, on queue {@code default}.
     */
    public static final JobType SHIP_ORDER = new JobType("ship-order", "default", 3, JobType.NO_TIMEOUT, Duration.ofSeconds(5), Duration.ofHours(1), ShipOrderCodec.FINGERPRINT, ShipOrderCodec.SCHEMA);

    /**
     * Every job of the application, in a stable order.
     */
    public static final List<JobType> JOB_TYPES = List.of(
            // jobs declared in com.acme.shop
            NIGHTLY,
            SEND_WELCOME_EMAIL,
            SHIP_ORDER);

    private final Dispatcher dispatcher;

    /**
     * A dispatcher for the jobs of {@link ShopApp}, sending through {@code dispatcher}.
     */
    @Inject
    public ShopAppJobs(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Dispatches {@link Reports.Nightly} to run as soon as a worker is free.
     */
    public JobHandle nightly(LocalDate day, Set<String> recipients, int[] hours, byte[] logo) {
        return dispatcher.dispatch(NIGHTLY, Reports_NightlyCodec.encode(day, recipients, hours, logo), DispatchOptions.none());
    }

    /**
     * Dispatches {@link Reports.Nightly} with {@code options}: a delay or run-at time, another queue, a unique key.
     */
    public JobHandle nightly(LocalDate day, Set<String> recipients, int[] hours, byte[] logo,
            DispatchOptions options) {
        return dispatcher.dispatch(NIGHTLY, Reports_NightlyCodec.encode(day, recipients, hours, logo), options);
    }

    /**
     * Dispatches {@link SendWelcomeEmail} to run as soon as a worker is free.
     */
    public JobHandle sendWelcomeEmail(long userId, String template) {
        return dispatcher.dispatch(SEND_WELCOME_EMAIL, SendWelcomeEmailCodec.encode(userId, template), DispatchOptions.none());
    }

    /**
     * Dispatches {@link SendWelcomeEmail} with {@code options}: a delay or run-at time, another queue, a unique key.
     */
    public JobHandle sendWelcomeEmail(long userId, String template, DispatchOptions options) {
        return dispatcher.dispatch(SEND_WELCOME_EMAIL, SendWelcomeEmailCodec.encode(userId, template), options);
    }

    /**
     * Dispatches {@link ShipOrder} to run as soon as a worker is free.
     */
    public JobHandle shipOrder(UUID orderId, List<LineItem> items, Address address,
            Optional<Instant> notBefore, Map<String, Integer> stock, Priority priority,
            BigDecimal total) {
        return dispatcher.dispatch(SHIP_ORDER, ShipOrderCodec.encode(orderId, items, address, notBefore, stock, priority, total), DispatchOptions.none());
    }

    /**
     * Dispatches {@link ShipOrder} with {@code options}: a delay or run-at time, another queue, a unique key.
     */
    public JobHandle shipOrder(UUID orderId, List<LineItem> items, Address address,
            Optional<Instant> notBefore, Map<String, Integer> stock, Priority priority,
            BigDecimal total, DispatchOptions options) {
        return dispatcher.dispatch(SHIP_ORDER, ShipOrderCodec.encode(orderId, items, address, notBefore, stock, priority, total), options);
    }
}
