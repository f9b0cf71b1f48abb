package dev.jtc.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Runs the enqueueing side of a phase on several threads, the same way for every system: either
 * as fast as it goes until a deadline or a job cap ({@link #flatOut}), or at a steady rate
 * ({@link #paced}). Each thread gets its own sender (its own connection), made on that thread
 * before the clock starts.
 */
final class ProducerThreads {

    /** Sends as fast as it can: one call is one round trip carrying one or more jobs. */
    interface Sender extends AutoCloseable {
        /** Sends once and returns how many jobs that call carried. */
        int send() throws Exception;

        @Override
        default void close() {}
    }

    /** Sends one job, stamped with the {@link System#nanoTime()} at which it is handed to the system. */
    interface StampedSender extends AutoCloseable {
        void send(long stampNanos) throws Exception;

        @Override
        default void close() {}
    }

    /** What the producers did: how many jobs, and over how long (first send to last reply). */
    record Sent(long jobs, long nanos) {}

    /**
     * What a paced phase records about its producers: how late each send was against the
     * schedule, and how long each enqueue call took.
     */
    record Pacing(LatencySamples lag, LatencySamples enqueueCalls) {
        static Pacing forPhase(int rate, Duration duration) {
            return new Pacing(LatencySamples.forPhase(rate, duration), LatencySamples.forPhase(rate, duration));
        }
    }

    private ProducerThreads() {}

    /** Sends with {@code threads} threads until {@code duration} has passed or {@code cap} jobs are out. */
    static Sent flatOut(int threads, Duration duration, long cap, IntFunction<? extends Sender> senders) {
        AtomicLong total = new AtomicLong();
        long[] window = new long[2];
        runOnThreads(threads, window, producer -> {
            Sender sender = senders.apply(producer);
            return () -> {
                try (sender) {
                    long deadline = window[0] + duration.toNanos();
                    while (System.nanoTime() < deadline && total.get() < cap) {
                        total.addAndGet(sender.send());
                    }
                }
            };
        });
        return new Sent(total.get(), window[1] - window[0]);
    }

    /**
     * Sends {@code ratePerSecond} jobs a second in all, spread evenly over the threads and over
     * time, for {@code duration}. Each job is stamped just before it is handed over; how late
     * that was against the schedule, and how long the call took, go to {@code pacing}.
     */
    static Sent paced(int threads, Duration duration, int ratePerSecond, Pacing pacing,
            IntFunction<? extends StampedSender> senders) {
        AtomicLong total = new AtomicLong();
        long[] window = new long[2];
        double intervalNanos = 1e9 * threads / ratePerSecond;
        runOnThreads(threads, window, producer -> {
            StampedSender sender = senders.apply(producer);
            return () -> {
                try (sender) {
                    long start = window[0] + Math.round(intervalNanos * producer / threads);
                    long deadline = window[0] + duration.toNanos();
                    for (long k = 0; ; k++) {
                        long due = start + Math.round(k * intervalNanos);
                        if (due >= deadline) {
                            return;
                        }
                        long now = awaitUntil(due);
                        pacing.lag().record(now - due);
                        sender.send(now);
                        pacing.enqueueCalls().record(System.nanoTime() - now);
                        total.incrementAndGet();
                    }
                }
            };
        });
        return new Sent(total.get(), window[1] - window[0]);
    }

    private static long awaitUntil(long due) {
        long now = System.nanoTime();
        while (now < due) {
            LockSupport.parkNanos(due - now);
            now = System.nanoTime();
        }
        return now;
    }

    /** A producer's work once its sender is ready. */
    private interface Body {
        void run() throws Exception;
    }

    /**
     * Starts the threads, lets each prepare (open its sender: {@code bodies} runs on the producer's
     * own thread), starts the clock ({@code window[0]}) once all are
     * ready, and stops it ({@code window[1]}) when the last has finished. The first exception of
     * any thread is rethrown.
     */
    private static void runOnThreads(int threads, long[] window, IntFunction<Body> bodies) {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int producer = t;
            Thread thread = new Thread(() -> {
                try {
                    Body body = bodies.apply(producer);
                    ready.countDown();
                    go.await();
                    body.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    ready.countDown();
                }
            }, "bench-producer-" + t);
            thread.setDaemon(true);
            started.add(thread);
            thread.start();
        }
        awaitQuietly(ready);
        window[0] = System.nanoTime();
        go.countDown();
        for (Thread thread : started) {
            joinQuietly(thread);
        }
        window[1] = System.nanoTime();
        if (failure.get() != null) {
            throw new IllegalStateException("a producer failed: " + failure.get(), failure.get());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the producers", e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the producers", e);
        }
    }
}
