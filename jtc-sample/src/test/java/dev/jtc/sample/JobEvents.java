package dev.jtc.sample;

import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.worker.WorkerListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a worker did, recorded from its listener events, with waits that return as soon as the
 * awaited event has happened (a monitor, not a sleep). A wait that runs out fails the test with
 * everything seen so far, which is usually the explanation.
 */
final class JobEvents implements WorkerListener {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** One outcome of one attempt. */
    record Event(String kind, JobMessage job, Failure failure) {}

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void jobCompleted(JobMessage job, Duration took) {
        events.add(new Event("completed", job, null));
        notifyAll();
    }

    @Override
    public synchronized void jobRetried(JobMessage job, Failure failure, Instant retryAt) {
        events.add(new Event("retried", job, failure));
        notifyAll();
    }

    @Override
    public synchronized void jobFailed(JobMessage job, Failure failure) {
        events.add(new Event("failed", job, failure));
        notifyAll();
    }

    /** Waits until the job with {@code id} has completed. */
    JobMessage awaitCompleted(String id) throws InterruptedException {
        return await("completed", event -> event.job().id().equals(id)).job();
    }

    /** Waits until {@code count} jobs named {@code name} have completed; returns them in order. */
    List<JobMessage> awaitCompletedByName(String name, int count) throws InterruptedException {
        awaitCount("completed", event -> event.job().name().equals(name), count);
        return matching("completed", event -> event.job().name().equals(name)).stream().map(Event::job).toList();
    }

    /** Waits until the job with {@code id} has gone to the failed set; returns the last failure. */
    Failure awaitFailed(String id) throws InterruptedException {
        return await("failed", event -> event.job().id().equals(id)).failure();
    }

    /** The failed attempts of the job with {@code id} that were retried, oldest first. */
    synchronized List<Failure> retriesOf(String id) {
        return matching("retried", event -> event.job().id().equals(id)).stream().map(Event::failure).toList();
    }

    private Event await(String kind, Predicate<Event> match) throws InterruptedException {
        List<Event> found = awaitCount(kind, match, 1);
        return found.get(0);
    }

    private synchronized List<Event> awaitCount(String kind, Predicate<Event> match, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (matching(kind, match).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + TIMEOUT.toSeconds() + " s for " + count + " '" + kind
                        + "' event(s); the worker reported: " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return matching(kind, match);
    }

    private synchronized List<Event> matching(String kind, Predicate<Event> match) {
        return events.stream().filter(event -> event.kind().equals(kind) && match.test(event)).toList();
    }
}
