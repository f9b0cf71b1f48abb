package dev.jtc.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records a worker's events so tests can wait for them instead of sleeping. */
final class RecordingListener implements WorkerListener {

    /** One event; {@code retryAt} only for "retried". */
    record Event(String kind, JobMessage job, Failure failure, Instant retryAt) {}

    private final List<Event> events = new ArrayList<>();

    private void add(String kind, JobMessage job, Failure failure) {
        add(kind, job, failure, null);
    }

    private synchronized void add(String kind, JobMessage job, Failure failure, Instant retryAt) {
        events.add(new Event(kind, job, failure, retryAt));
        notifyAll();
    }

    @Override
    public void workerStarted(String workerId) {
        add("workerStarted", null, null);
    }

    @Override
    public void jobStarted(JobMessage job) {
        add("started", job, null);
    }

    @Override
    public void jobCompleted(JobMessage job, Duration took) {
        add("completed", job, null);
    }

    @Override
    public void jobRetried(JobMessage job, Failure failure, Instant retryAt) {
        add("retried", job, failure, retryAt);
    }

    @Override
    public void jobFailed(JobMessage job, Failure failure) {
        add("failed", job, failure);
    }

    @Override
    public void jobReleased(JobMessage job) {
        add("released", job, null);
    }

    @Override
    public void workerStopped(String workerId) {
        add("workerStopped", null, null);
    }

    synchronized List<Event> events(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    synchronized int count(String kind) {
        return events(kind).size();
    }

    /** Waits until at least {@code n} events of {@code kind} happened; fails the test after 10 s. */
    List<Event> await(String kind, int n) throws InterruptedException {
        return await(kind, n, e -> true);
    }

    synchronized List<Event> await(String kind, int n, Predicate<Event> filter) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<Event> matching = events(kind).stream().filter(filter).toList();
            if (matching.size() >= n) {
                return matching;
            }
            long left = deadline - System.nanoTime();
            assertTrue(left > 0, "waited 10 s for " + n + " '" + kind + "' events; have " + new ArrayList<>(events));
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
