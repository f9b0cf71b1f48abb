package com.acme.shop;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.UnknownJobException;
import javax.annotation.processing.Generated;

/**
 * The dispatch table of {@link ShopApp}: from a job's name on the wire to the code that runs it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class ShopAppJobRunner implements JobRunner {
    private final ShopAppComponent component;

    /**
     * A dispatch table whose job and task instances come from {@code component}.
     */
    public ShopAppJobRunner(ShopAppComponent component) {
        this.component = component;
    }

    /**
     * Runs one attempt of the job or task named {@code name}, on an instance made for this run.
     */
    @Override
    public void run(String name, String payload, JobContext context) throws Exception {
        switch (name) {
            // jobs declared in com.acme.shop
            case "Nightly" -> Reports_NightlyCodec.run(component.nightly(), payload, context);
            case "SendWelcomeEmail" -> SendWelcomeEmailCodec.run(component.sendWelcomeEmail(), payload, context);
            case "ship-order" -> ShipOrderCodec.run(component.shipOrder(), payload, context);
            // tasks declared in com.acme.shop.Maintenance
            case "Maintenance.healthCheck" -> MaintenanceSchedule.healthCheck(component.maintenanceHealthCheck(), context);
            case "Maintenance.hourlyCleanup" -> MaintenanceSchedule.hourlyCleanup(component.maintenanceHourlyCleanup(), context);
            case "Maintenance.morningReport" -> MaintenanceSchedule.morningReport(component.maintenanceMorningReport(), context);
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
            // jobs declared in com.acme.shop
            case "Nightly" -> Reports_NightlyCodec.decode(payload);
            case "SendWelcomeEmail" -> SendWelcomeEmailCodec.decode(payload);
            case "ship-order" -> ShipOrderCodec.decode(payload);
            default -> throw new UnknownJobException(name);
        }
    }
}
