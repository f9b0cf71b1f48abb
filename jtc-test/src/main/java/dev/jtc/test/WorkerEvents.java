package dev.jtc.test;

import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.worker.WorkerListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a test's worker did, from its listener events, with waits that return the moment the
 * awaited outcome is recorded (a monitor, not a sleep). A wait that runs out fails with every
 * event seen so far, which usually explains why.
 */
final class WorkerEvents implements WorkerListener {

    /** Also re-checks an idle condition this often, in case it was reached without an event. */
    private static final long RECHECK_MILLIS = 50;

    enum Kind { COMPLETED, RETRIED, FAILED, RELEASED }

    /** One outcome of one attempt. */
    record Event(Kind kind, JobMessage job, Failure failure) {
        @Override
        public String toString() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + job.name() + " (id " + job.id() + ", attempt "
                    + job.attempt() + ")" + (failure == null ? "" : ": " + failure.reason());
        }
    }

    private final Duration timeout;
    private final List<Event> events = new ArrayList<>();

    WorkerEvents(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void jobCompleted(JobMessage job, Duration took) {
        add(new Event(Kind.COMPLETED, job, null));
    }

    @Override
    public void jobRetried(JobMessage job, Failure failure, Instant retryAt) {
        add(new Event(Kind.RETRIED, job, failure));
    }

    @Override
    public void jobFailed(JobMessage job, Failure failure) {
        add(new Event(Kind.FAILED, job, failure));
    }

    @Override
    public void jobReleased(JobMessage job) {
        add(new Event(Kind.RELEASED, job, null));
    }

    private synchronized void add(Event event) {
        events.add(event);
        notifyAll();
    }

    /** Waits for the first event of {@code kind} that {@code match} accepts. */
    Event await(Kind kind, Predicate<JobMessage> match, String what) throws InterruptedException {
        return awaitCount(kind, match, 1, what).get(0);
    }

    /** Waits until {@code count} events of {@code kind} that {@code match} accepts were recorded. */
    synchronized List<Event> awaitCount(Kind kind, Predicate<JobMessage> match, int count, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> found;
        while ((found = matching(kind, match)).size() < count) {
            Event failedInstead = kind == Kind.COMPLETED ? firstFailed(match) : null;
            if (failedInstead != null) {
                throw new AssertionError("waited for " + what + ", but it went to the failed set: " + failedInstead
                        + failureTrace(failedInstead));
            }
            waitUntil(deadline, () -> what);
        }
        return found;
    }

    /** Waits until {@code idle} holds, checked after every event (and every few milliseconds). */
    synchronized void awaitCondition(BooleanSupplier idle, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!idle.getAsBoolean()) {
            waitUntil(deadline, what);
        }
    }

    /** The attempts of the matching jobs that failed and were retried, oldest first. */
    synchronized List<Failure> retries(Predicate<JobMessage> match) {
        return matching(Kind.RETRIED, match).stream().map(Event::failure).toList();
    }

    synchronized List<Event> all() {
        return List.copyOf(events);
    }

    /** Waits for the next event, or fails describing {@code what} (as it stands then) once the deadline has passed. */
    private void waitUntil(long deadline, Supplier<String> what) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError("waited " + describe(timeout) + " for " + what.get() + "; the worker reported "
                    + (events.isEmpty() ? "nothing" : events.size() + " outcome(s): " + events));
        }
        wait(Math.max(1, Math.min(RECHECK_MILLIS, left / 1_000_000)));
    }

    private Event firstFailed(Predicate<JobMessage> match) {
        List<Event> failed = matching(Kind.FAILED, match);
        return failed.isEmpty() ? null : failed.get(0);
    }

    private List<Event> matching(Kind kind, Predicate<JobMessage> match) {
        return events.stream().filter(event -> event.kind() == kind && match.test(event.job())).toList();
    }

    private static String failureTrace(Event event) {
        String trace = event.failure().stackTrace();
        return trace == null || trace.isEmpty() ? "" : "\n" + trace;
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
