package dev.jtc.runtime.middleware;

import dev.jtc.runtime.Attempt;
import dev.jtc.runtime.AttemptPostponedException;
import dev.jtc.runtime.JobMiddleware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Built-in middleware that logs every attempt of the jobs that name it, on the logger
 * {@code dev.jtc.attempts}: one INFO line when it starts and one when it ends, with how long it
 * ran and how it ended (completed, failed with the exception, postponed). For the jobs worth
 * watching closely; the worker's own line per completed job ({@code dev.jtc.jobs}) covers the rest.
 * {@code @Job(middleware = LogAttempts.class)}.
 */
public final class LogAttempts implements JobMiddleware {

    private static final Logger log = LoggerFactory.getLogger("dev.jtc.attempts");

    public LogAttempts() {}

    @Override
    public void handle(Attempt attempt) throws Exception {
        log.info("job {} ({}) attempt {} started", attempt.id(), attempt.name(), attempt.attempt());
        long started = System.nanoTime();
        try {
            attempt.proceed();
            log.info("job {} ({}) attempt {} completed in {} ms", attempt.id(), attempt.name(), attempt.attempt(), millisSince(started));
        } catch (AttemptPostponedException e) {
            log.info("job {} ({}) attempt {} {}", attempt.id(), attempt.name(), attempt.attempt(), e.getMessage());
            throw e;
        } catch (Exception | Error e) {
            log.info("job {} ({}) attempt {} failed after {} ms: {}", attempt.id(), attempt.name(), attempt.attempt(),
                    millisSince(started), e.toString());
            throw e;
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
