package dev.jtc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one class per compilation that names the application. The generated classes are
 * named after it and written to its package: for {@code com.acme.ShopApp} the processor writes
 * {@code com.acme.ShopAppJobs}, {@code ShopAppJobRunner}, {@code ShopAppScheduleRegistry},
 * {@code ShopAppComponent} and {@code ShopAppWorker}.
 *
 * <pre>{@code
 * @JtcApplication(modules = {MailModule.class, StorageModule.class})
 * final class ShopApp {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JtcApplication {

    /**
     * The Dagger modules that provide what jobs and scheduled tasks inject. A module with
     * constructor arguments (configuration handed in by the application) is passed through the
     * generated component's factory. Example: {@code modules = MailModule.class}.
     */
    Class<?>[] modules() default {};

    /**
     * The package the generated classes go to. Empty means the package of the annotated class.
     * Example: {@code generatedPackage = "com.acme.jobs.generated"}.
     */
    String generatedPackage() default "";

    /**
     * Middleware that runs around every attempt of every job and scheduled task, in this order,
     * outside each job's own ({@code @Job(middleware = ...)}). Each class implements
     * {@code dev.jtc.runtime.JobMiddleware}. Example: {@code middleware = TracingMiddleware.class}.
     */
    Class<?>[] middleware() default {};
}
