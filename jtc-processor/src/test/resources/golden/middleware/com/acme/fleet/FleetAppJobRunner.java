package com.acme.fleet;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.Middleware;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.UnknownJobException;
import dev.jtc.runtime.middleware.LogAttempts;
import javax.annotation.processing.Generated;

/**
 * The dispatch table of {@link FleetApp}: from a job's name on the wire to the code that runs it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class FleetAppJobRunner implements JobRunner {
    private final FleetAppComponent component;

    private final AuditTrail auditTrail;

    private final Tracing tracing;

    private final LogAttempts logAttempts;

    /**
     * A dispatch table whose job and task instances come from {@code component}.
     */
    public FleetAppJobRunner(FleetAppComponent component) {
        this.component = component;
        // the middleware, made once and shared by every run
        this.auditTrail = component.auditTrail();
        this.tracing = component.tracing();
        this.logAttempts = new LogAttempts();
    }

    /**
     * Runs one attempt of the job or task named {@code name}, on an instance made for this run.
     */
    @Override
    public void run(String name, String payload, JobContext context) throws Exception {
        switch (name) {
            // jobs declared in com.acme.fleet
            case "ChargeCard" -> Middleware.run(context, payload, () -> ChargeCardCodec.run(component.chargeCard(), payload, context), tracing);
            case "RebuildIndex" -> Middleware.run(context, payload, () -> RebuildIndexCodec.run(component.rebuildIndex(), payload, context), tracing);
            case "ship-order" -> Middleware.run(context, payload, () -> ShipOrderCodec.run(component.shipOrder(), payload, context), tracing, logAttempts, auditTrail);
            // tasks declared in com.acme.fleet.Maintenance
            case "Maintenance.healthCheck" -> Middleware.run(context, payload, () -> MaintenanceSchedule.healthCheck(component.maintenanceHealthCheck(), context), tracing);
            default -> throw new UnknownJobException(name);
        }
    }

    /**
     * Decodes {@code payload} as the job named {@code name} decodes it, and runs nothing: what
     * {@code enqueue} checks before it sends a payload.
     *
     * @throws PayloadException if it does not decode into the job's parameters
     * @throws UnknownJobException if no job has that name (scheduled tasks take no payload)
     */
    public static void validatePayload(String name, String payload) throws PayloadException,
            UnknownJobException {
        switch (name) {
            // jobs declared in com.acme.fleet
            case "ChargeCard" -> ChargeCardCodec.decode(payload);
            case "RebuildIndex" -> RebuildIndexCodec.decode(payload);
            case "ship-order" -> ShipOrderCodec.decode(payload);
            default -> throw new UnknownJobException(name);
        }
    }
}
