package dev.jtc.sample;

import dev.jtc.runtime.Attempt;
import dev.jtc.runtime.JobMiddleware;
import dev.jtc.runtime.Settings;
import dev.jtc.schedule.Durations;
import jakarta.inject.Inject;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office's own middleware, around every job and task ({@code @JtcApplication(middleware = ...)}):
 * a WARN line when an attempt runs longer than {@code shop.slow-attempt} (default 5s), the cue
 * that a supplier's API or the mail server is struggling. It comes from the Dagger component,
 * so it reads the setting like any other class of the shop.
 */
public final class SlowAttemptAlarm implements JobMiddleware {

    private static final Logger log = LoggerFactory.getLogger(SlowAttemptAlarm.class);

    private final Duration threshold;

    @Inject
    public SlowAttemptAlarm(Settings settings) {
        this.threshold = Durations.parse(settings.get("shop.slow-attempt", "5s"));
    }

    @Override
    public void handle(Attempt attempt) throws Exception {
        long started = System.nanoTime();
        try {
            attempt.proceed();
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (took.compareTo(threshold) > 0) {
                log.warn("job {} ({}) attempt {} took {} ms, over the {} the shop expects", attempt.id(), attempt.name(),
                        attempt.attempt(), took.toMillis(), Durations.format(threshold));
            }
        }
    }
}
