package dev.jtc.runtime.testing;

import dev.jtc.runtime.worker.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to, so tests of brokers, workers and schedulers can cover
 * hours of ticks, retries and expiries in milliseconds. Thread-safe; copies made with
 * {@link #withZone} share the same time.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at("2026-01-05T08:59:00Z");
 * InMemoryBroker broker = new InMemoryBroker(clock);
 * clock.advance(Duration.ofMinutes(1));
 * }</pre>
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public ManualClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock standing at an ISO-8601 instant such as {@code 2026-01-05T08:59:00Z}. */
    public static ManualClock at(String instant) {
        return new ManualClock(Instant.parse(instant));
    }

    /** Moves the clock forward by {@code duration} and returns the new time. */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward; got " + duration);
        }
        return now.updateAndGet(current -> current.plus(duration));
    }

    /** Sets the clock to {@code instant}; it may move backwards, as a real wall clock can. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * A sleeper that, instead of waiting, advances this clock by the requested time. A scheduler
     * or worker loop driven by it runs through simulated hours as fast as it can compute.
     */
    public Sleeper advancingSleeper() {
        return duration -> {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted before sleeping " + duration);
            }
            if (!duration.isNegative()) {
                advance(duration);
            }
        };
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ManualClock(now, zone);
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + ", " + zone + "]";
    }
}
