package dev.jtc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a method at a fixed interval. Ticks are aligned to the epoch (multiples of the interval
 * since 1970-01-01T00:00Z), so every worker agrees on them and each is run exactly once. The
 * method takes no parameters or a single {@code JobContext}.
 *
 * <pre>{@code
 * @Every(value = "30s", description = "Ping the payment provider")
 * void healthCheck() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Every {

    /**
     * The interval: {@code "30s"}, {@code "5m"}, {@code "1h30m"}, {@code "2d"} or ISO-8601
     * {@code "PT30S"}. Must be positive. Example: {@code @Every("15m")}.
     */
    String value();

    /**
     * The task's name on the wire and in listings; defaults to {@code ClassName.methodName}.
     * Characters: {@code [A-Za-z0-9._-]}. Example: {@code name = "health-check"}.
     */
    String name() default "";

    /** A line for listings and the dashboard. Example: {@code description = "Sync the cache"}. */
    String description() default "";

    /** What to do with ticks missed while no worker ran. Example: {@code missed = MissedTicks.RUN_ALL}. */
    MissedTicks missed() default MissedTicks.RUN_ONCE;

    /** Whether a tick may start while the previous run is still going. Example: {@code overlap = false}. */
    boolean overlap() default true;

    /** The queue the task's runs go to. Example: {@code queue = "maintenance"}. */
    String queue() default "default";

    /** Retries after a failed run, as on {@link Job#retries()}. Example: {@code retries = 2}. */
    int retries() default 0;

    /** The longest one run may take, as on {@link Job#timeout()}. Example: {@code timeout = "20s"}. */
    String timeout() default "";
}
