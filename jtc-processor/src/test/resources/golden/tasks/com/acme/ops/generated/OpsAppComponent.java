package com.acme.ops.generated;

import com.acme.ops.Backups;
import dagger.BindsInstance;
import dagger.Component;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.Settings;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.annotation.processing.Generated;

/**
 * The Dagger component of {@code com.acme.ops.OpsApp}: makes a new instance of a job or task-owning class for every
 * run. Build it with {@code DaggerOpsAppComponent.factory().create(...)}; the generated worker does.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@Singleton
@Component
public interface OpsAppComponent {
    /**
     * A new {@link Backups}, to run task {@code nightly-backup}.
     */
    Backups nightlyBackup();

    /**
     * A new {@link Backups}, to run task {@code Backups.verify}.
     */
    Backups backupsVerify();

    /**
     * The typed dispatcher of the application's jobs.
     */
    OpsAppJobs jobs();

    /**
     * Creates the component; the runtime's objects are bound so jobs and modules can inject them.
     */
    @Component.Factory
    interface Factory {
        /**
         * A component bound to the runtime's dispatcher, clock and settings.
         */
        OpsAppComponent create(@BindsInstance Dispatcher dispatcher, @BindsInstance Clock clock,
                @BindsInstance Settings settings);
    }
}
