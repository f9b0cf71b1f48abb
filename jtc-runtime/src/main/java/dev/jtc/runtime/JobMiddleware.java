package dev.jtc.runtime;

/**
 * Code that runs around every attempt of the jobs that name it ({@code @Job(middleware = ...)}) or
 * of every job and scheduled task ({@code @JtcApplication(middleware = ...)}): timing, tracing,
 * a tenant in a thread-local, a check before the job may run. The generated dispatch table calls
 * it directly; one instance serves a worker's every thread, so it must be thread-safe.
 *
 * <p>A class with an {@code @Inject} constructor comes from the application's Dagger component
 * (scope it {@code @Singleton} or not: the runner asks once); any other needs a public
 * no-argument constructor.
 *
 * <pre>{@code
 * public final class TenantScope implements JobMiddleware {
 *     @Override
 *     public void handle(Attempt attempt) throws Exception {
 *         Tenants.enter(attempt.name());
 *         try {
 *             attempt.proceed();
 *         } finally {
 *             Tenants.leave();
 *         }
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface JobMiddleware {

    /**
     * Runs around one attempt. Call {@link Attempt#proceed()} to run the next middleware and then
     * the job; whatever the job throws comes out of it, and a middleware that lets it pass on
     * leaves the attempt failed. Return without proceeding to skip the attempt (the job counts as
     * completed), or call {@link Attempt#postpone} and return to run it again later without
     * counting the attempt.
     */
    void handle(Attempt attempt) throws Exception;
}
