package dev.jtc.runtime.worker;

import java.time.Duration;

/**
 * How a loop waits between rounds. Production code sleeps on the real clock; tests pass a
 * sleeper that advances a {@code ManualClock} instead, so hundreds of scheduler ticks run in
 * milliseconds.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the system clock. */
    Sleeper SYSTEM = duration -> {
        if (duration.isNegative() || duration.isZero()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return;
        }
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    };

    /** Waits about {@code duration}; returns at once for zero or negative durations. */
    void sleep(Duration duration) throws InterruptedException;
}
