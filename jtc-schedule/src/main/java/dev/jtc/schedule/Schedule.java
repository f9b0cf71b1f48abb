package dev.jtc.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * When a scheduled task's ticks fall. A tick is identified by its UTC instant, which every worker
 * computes alike; that instant is the key that makes each tick run exactly once.
 */
public interface Schedule {

    /** The first tick strictly after {@code instant}, or empty if there is none (never again). */
    Optional<Instant> nextRunAfter(Instant instant);

    /** The schedule in plain words, e.g. "at minute 0 of every hour, UTC" or "every 30 seconds". */
    String describe();
}
