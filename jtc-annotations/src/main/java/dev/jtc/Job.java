package dev.jtc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a background job. The class has exactly one {@code handle} method; its
 * parameters are the job's payload, sent as JSON keyed by parameter name. A {@code JobContext}
 * parameter may be added and is not part of the payload. Dependencies come through an
 * {@code @Inject} constructor; a new instance is made for every run.
 *
 * <pre>{@code
 * @Job(queue = "mail", retries = 5, timeout = "30s")
 * public final class SendWelcomeEmail {
 *     private final Mailer mailer;
 *     @Inject SendWelcomeEmail(Mailer mailer) { this.mailer = mailer; }
 *     public void handle(long userId, String template) throws Exception { ... }
 * }
 * }</pre>
 *
 * <p>The processor generates a typed dispatcher method ({@code jobs.sendWelcomeEmail(42L,
 * "welcome")}), a payload codec and a case in the worker's dispatch table.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Job {

    /**
     * The job's name on the wire, stable across class renames. Defaults to the simple class
     * name. Characters: {@code [A-Za-z0-9._-]}. Example: {@code @Job(name = "welcome-email")}.
     */
    String name() default "";

    /**
     * The queue the job is sent to unless the dispatch names another. Characters:
     * {@code [A-Za-z0-9._-]}. Example: {@code @Job(queue = "mail")}.
     */
    String queue() default "default";

    /**
     * How many times a failed attempt is retried: {@code retries = 5} allows six attempts in
     * all. {@code 0} sends the job to the failed set after its first failure. Example:
     * {@code @Job(retries = 10)}.
     */
    int retries() default 3;

    /**
     * The longest one attempt may run, after which it counts as failed and its thread is
     * interrupted. A duration such as {@code "30s"}, {@code "5m"}, {@code "1h30m"} or
     * {@code "PT30S"}; empty means no limit. Example: {@code @Job(timeout = "2m")}.
     */
    String timeout() default "";

    /**
     * The first retry's backoff bound; each later retry doubles it, up to {@link #backoffCap()}.
     * The actual wait is drawn at random below the bound (full jitter). Example:
     * {@code @Job(backoffBase = "10s")}.
     */
    String backoffBase() default "1s";

    /**
     * The largest backoff between two attempts, however many have failed. Example:
     * {@code @Job(backoffCap = "1h")}.
     */
    String backoffCap() default "10m";

    /**
     * Middleware that runs around every attempt of this job, in this order, inside the
     * application's own ({@code @JtcApplication(middleware = ...)}). Each class implements
     * {@code dev.jtc.runtime.JobMiddleware}. Example:
     * {@code @Job(middleware = {LogAttempts.class, AuditTrail.class})}.
     */
    Class<?>[] middleware() default {};

    /**
     * The most attempts of this job running at once across every worker process; {@code 0} for no
     * limit. An attempt over it waits without counting as an attempt. Example:
     * {@code @Job(maxConcurrency = 5)}.
     */
    int maxConcurrency() default 0;

    /**
     * The most attempts of this job started in any window of the given length, across every
     * worker process: {@code "<count>/<duration>"}. An attempt over it waits until the window
     * allows it, without counting as an attempt. Empty for no limit. Example:
     * {@code @Job(rateLimit = "100/1m")}.
     */
    String rateLimit() default "";

    /**
     * The payload parameter whose value keys {@link #maxConcurrency()} and {@link #rateLimit()}:
     * each value gets limits of its own (per customer, per account). Empty: one limit over all the
     * job's runs. Example: {@code @Job(rateLimit = "10/1s", limitKey = "customerId")}.
     */
    String limitKey() default "";
}
