package dev.jtc;

/**
 * What the scheduler does with the ticks of a task that came due while no worker was running
 * (or while every worker was too busy to look).
 */
public enum MissedTicks {
    /** Forget the missed ticks; run again at the next tick. */
    SKIP,
    /** Run once for all the missed ticks together, as soon as a worker is back. */
    RUN_ONCE,
    /** Run once per missed tick, oldest first, up to the worker's catch-up cap. */
    RUN_ALL
}
