package com.acme.shop;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobRunner;
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
            case "Nightly" -> {
                Reports_NightlyCodec.Payload p = Reports_NightlyCodec.decode(payload);
                component.nightly().handle(p.day(), p.recipients(), p.hours(), p.logo());
            }
            case "SendWelcomeEmail" -> {
                SendWelcomeEmailCodec.Payload p = SendWelcomeEmailCodec.decode(payload);
                component.sendWelcomeEmail().handle(p.userId(), p.template());
            }
            case "ship-order" -> {
                ShipOrderCodec.Payload p = ShipOrderCodec.decode(payload);
                component.shipOrder().handle(p.orderId(), p.items(), p.address(), p.notBefore(), p.stock(), p.priority(), p.total(), context);
            }
            // tasks declared in com.acme.shop.Maintenance
            case "Maintenance.healthCheck" -> component.maintenance().healthCheck();
            case "Maintenance.hourlyCleanup" -> component.maintenance().hourlyCleanup(context);
            case "Maintenance.morningReport" -> component.maintenance().morningReport();
            default -> throw new UnknownJobException(name);
        }
    }
}
