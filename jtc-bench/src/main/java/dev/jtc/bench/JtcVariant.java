package dev.jtc.bench;

import dev.jtc.runtime.JobLimits;
import dev.jtc.runtime.JobMiddleware;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.Middleware;
import java.time.Duration;

/**
 * What a jtc system's worker adds to the plain no-op job, to measure its cost per job against
 * {@code jtc-redis} in the same run: Micrometer's meters, one middleware, or a limit the load
 * stays under (so every attempt pays the check and none waits).
 */
enum JtcVariant {
    PLAIN,
    /** jtc-micrometer's meters listening, as with {@code work --metrics-port}. */
    METRICS,
    /** One pass-through middleware around each attempt, as the generated runner calls it. */
    MIDDLEWARE,
    /** {@code rateLimit = "1000000/1s"}: a sliding-window check per attempt. */
    RATE_LIMITED,
    /** {@code maxConcurrency = 1000}, above every worker's concurrency: a lease taken and given back per attempt. */
    CONCURRENCY_LIMITED;

    private static final JobMiddleware PASS_THROUGH = attempt -> attempt.proceed();

    /** The job type the worker runs: the bench's no-op job, with this variant's limits. */
    JobType jobType() {
        JobType noop = JtcSystem.NOOP;
        JobLimits limits = switch (this) {
            case RATE_LIMITED -> JobLimits.NONE.withRate(1_000_000, Duration.ofSeconds(1));
            case CONCURRENCY_LIMITED -> JobLimits.NONE.withMaxConcurrency(1_000);
            default -> JobLimits.NONE;
        };
        return new JobType(noop.name(), noop.queue(), noop.retries(), noop.timeout(), noop.backoffBase(), noop.backoffCap(),
                noop.fingerprint(), noop.schema(), limits);
    }

    /** The dispatch table the worker calls: the no-op runner, inside this variant's middleware. */
    JobRunner runner(JobRunner noop) {
        if (this != MIDDLEWARE) {
            return noop;
        }
        return (name, payload, context) -> Middleware.run(context, payload, () -> noop.run(name, payload, context), PASS_THROUGH);
    }
}
