package com.acme.shop;

import dagger.BindsInstance;
import dagger.Component;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.Settings;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.annotation.processing.Generated;

/**
 * The Dagger component of {@link ShopApp}: makes a new instance of a job or task-owning class for every
 * run. Build it with {@code DaggerShopAppComponent.factory().create(...)}; the generated worker does.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@Singleton
@Component(
        modules = {MailModule.class, StorageModule.class}
)
public interface ShopAppComponent {
    /**
     * A new {@link Reports.Nightly}, to run job {@code Nightly}.
     */
    Reports.Nightly nightly();

    /**
     * A new {@link SendWelcomeEmail}, to run job {@code SendWelcomeEmail}.
     */
    SendWelcomeEmail sendWelcomeEmail();

    /**
     * A new {@link ShipOrder}, to run job {@code ship-order}.
     */
    ShipOrder shipOrder();

    /**
     * A new {@link Maintenance}, to run task {@code Maintenance.healthCheck}.
     */
    Maintenance maintenanceHealthCheck();

    /**
     * A new {@link Maintenance}, to run task {@code Maintenance.hourlyCleanup}.
     */
    Maintenance maintenanceHourlyCleanup();

    /**
     * A new {@link Maintenance}, to run task {@code Maintenance.morningReport}.
     */
    Maintenance maintenanceMorningReport();

    /**
     * The typed dispatcher of the application's jobs.
     */
    ShopAppJobs jobs();

    /**
     * Creates the component; the runtime's objects are bound so jobs and modules can inject them.
     */
    @Component.Factory
    interface Factory {
        /**
         * A component bound to the runtime's dispatcher, clock and settings, and the modules that need an instance.
         */
        ShopAppComponent create(@BindsInstance Dispatcher dispatcher, @BindsInstance Clock clock,
                @BindsInstance Settings settings, MailModule mailModule);
    }
}
