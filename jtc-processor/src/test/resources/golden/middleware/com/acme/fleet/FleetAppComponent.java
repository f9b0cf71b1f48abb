package com.acme.fleet;

import dagger.BindsInstance;
import dagger.Component;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.Settings;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.annotation.processing.Generated;

/**
 * The Dagger component of {@link FleetApp}: makes a new instance of a job or task-owning class for every
 * run. Build it with {@code DaggerFleetAppComponent.factory().create(...)}; the generated worker does.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@Singleton
@Component
public interface FleetAppComponent {
    /**
     * A new {@link ChargeCard}, to run job {@code ChargeCard}.
     */
    ChargeCard chargeCard();

    /**
     * A new {@link RebuildIndex}, to run job {@code RebuildIndex}.
     */
    RebuildIndex rebuildIndex();

    /**
     * A new {@link ShipOrder}, to run job {@code ship-order}.
     */
    ShipOrder shipOrder();

    /**
     * A new {@link Maintenance}, to run task {@code Maintenance.healthCheck}.
     */
    Maintenance maintenanceHealthCheck();

    /**
     * The middleware {@link AuditTrail}, made once for the dispatch table.
     */
    AuditTrail auditTrail();

    /**
     * The middleware {@link Tracing}, made once for the dispatch table.
     */
    Tracing tracing();

    /**
     * The typed dispatcher of the application's jobs.
     */
    FleetAppJobs jobs();

    /**
     * Creates the component; the runtime's objects are bound so jobs and modules can inject them.
     */
    @Component.Factory
    interface Factory {
        /**
         * A component bound to the runtime's dispatcher, clock and settings.
         */
        FleetAppComponent create(@BindsInstance Dispatcher dispatcher, @BindsInstance Clock clock,
                @BindsInstance Settings settings);
    }
}
