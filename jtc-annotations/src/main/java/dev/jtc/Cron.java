package dev.jtc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a method on a cron schedule. The method belongs to a class that can be injected; it takes
 * no parameters or a single {@code JobContext}. The expression is checked at compile time: one
 * that does not parse or can never fire fails the build, with the error on this annotation.
 *
 * <pre>{@code
 * @Cron(value = "0 9 * * MON-FRI", zone = "Europe/Berlin", description = "Morning sales report")
 * void morningReport() { ... }
 * }</pre>
 *
 * <p>Syntax: Unix cron, five fields (minute hour day-of-month month day-of-week), with names
 * ({@code JAN}, {@code MON}), ranges, steps, lists, {@code 7} for Sunday, and the aliases
 * {@code @yearly @annually @monthly @weekly @daily @midnight @hourly}. Semantics are Vixie
 * cron's. Each tick is run exactly once across all workers, as a job.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Cron {

    /** The cron expression. Examples: {@code "0 * * * *"}, {@code "30 9-17 * * MON-FRI"}, {@code "@daily"}. */
    String value();

    /**
     * The time zone the expression is read in: a region id such as {@code "America/New_York"},
     * {@code "UTC"}, or a fixed offset such as {@code "+01:00"}; abbreviations such as {@code "CET"}
     * or {@code "EST"} are compile errors. Empty means UTC, so that workers on different hosts
     * agree. Example: {@code zone = "America/New_York"}.
     */
    String zone() default "";

    /**
     * The task's name on the wire and in listings; defaults to {@code ClassName.methodName}.
     * Characters: {@code [A-Za-z0-9._-]}. Example: {@code name = "nightly-cleanup"}.
     */
    String name() default "";

    /** A line for listings and the dashboard. Example: {@code description = "Clean temp files"}. */
    String description() default "";

    /** What to do with ticks missed while no worker ran. Example: {@code missed = MissedTicks.SKIP}. */
    MissedTicks missed() default MissedTicks.RUN_ONCE;

    /**
     * Whether a tick may start while the previous run is still going. {@code false} skips such
     * a tick. Example: {@code overlap = false}.
     */
    boolean overlap() default true;

    /** The queue the task's runs go to. Example: {@code queue = "maintenance"}. */
    String queue() default "default";

    /** Retries after a failed run, as on {@link Job#retries()}. Example: {@code retries = 2}. */
    int retries() default 0;

    /** The longest one run may take, as on {@link Job#timeout()}. Example: {@code timeout = "10m"}. */
    String timeout() default "";
}
