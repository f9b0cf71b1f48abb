package dev.jtc.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts finished jobs from any thread and notes the moment a target count is reached, which is
 * when a drain (or the tail of a latency phase) is over. The target may be set before or after
 * the jobs finish.
 */
final class CompletionCounter {

    private final AtomicLong done = new AtomicLong();
    private final CountDownLatch reached = new CountDownLatch(1);
    private volatile long target = Long.MAX_VALUE;
    private long reachedAtNanos;

    void add(long jobs) {
        if (done.addAndGet(jobs) >= target) {
            markReached();
        }
    }

    long done() {
        return done.get();
    }

    /** From now on the counter waits for {@code jobs} finished jobs in all. */
    void expect(long jobs) {
        target = jobs;
        if (done.get() >= jobs) {
            markReached();
        }
    }

    /**
     * Waits for the target and returns the {@link System#nanoTime()} at which it was reached.
     *
     * @throws IllegalStateException if it is not reached within {@code timeout}
     */
    long awaitTarget(String what, Duration timeout) {
        try {
            if (!reached.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException(what + ": only " + done.get() + " of " + target + " jobs finished within "
                        + timeout.toSeconds() + " s; the consumers are stuck or far slower than expected (check the log above)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted while waiting for the jobs to finish", e);
        }
        synchronized (this) {
            return reachedAtNanos;
        }
    }

    private synchronized void markReached() {
        if (reached.getCount() > 0) {
            reachedAtNanos = System.nanoTime();
            reached.countDown();
        }
    }
}
