package dev.jtc.test;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.TypedJob;
import dev.jtc.runtime.broker.JobMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link Dispatcher} for tests: it records every job the code under test dispatches, so the
 * test can assert on which jobs were sent, with which payload (decoded by the job's generated
 * codec) and which options. Give it to the generated {@code <App>Jobs}
 * ({@code new ShopAppJobs(fake)}) or bind it in the component.
 *
 * <pre>{@code
 * FakeDispatcher fake = new FakeDispatcher();
 * new Checkout(new ShopAppJobs(fake)).placeOrder(order);
 * fake.assertDispatched(ChargePaymentCodec.job(), p -> p.orderId() == 1001L);
 * fake.assertNotDispatched(SendOrderConfirmationCodec.job());
 * }</pre>
 *
 * <p>A fake made with a constructor keeps the jobs: nothing runs until {@link #runPending}
 * runs the due ones inline through the application's generated {@code JobRunner}. One made with
 * {@link #forwardingTo} records and passes every job on, to a broker a worker reads. Unique keys
 * behave as on a broker: a second dispatch with the key of a job still pending or running is not
 * recorded, and its handle is the first job's, marked duplicate. Thread-safe.
 */
public final class FakeDispatcher implements Dispatcher {

    /** Runs one {@link #runPending} call may make before it decides a job keeps dispatching itself. */
    static final int RUN_LIMIT = 10_000;

    private final Clock clock;
    private final Dispatcher forwardTo;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byId = new HashMap<>();

    /** A fake that keeps its jobs, on the system clock. */
    public FakeDispatcher() {
        this(Clock.systemUTC());
    }

    /** A fake that keeps its jobs; delays and run-at times are measured by {@code clock}. */
    public FakeDispatcher(Clock clock) {
        this(clock, null);
    }

    private FakeDispatcher(Clock clock, Dispatcher forwardTo) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.forwardTo = forwardTo;
    }

    /** A fake that records every job and sends it on through {@code dispatcher}. */
    public static FakeDispatcher forwardingTo(Dispatcher dispatcher, Clock clock) {
        return new FakeDispatcher(clock, Objects.requireNonNull(dispatcher, "dispatcher"));
    }

    @Override
    public JobHandle dispatch(JobType type, String payload, DispatchOptions options) {
        if (forwardTo != null) {
            JobHandle handle = forwardTo.dispatch(type, payload, options);
            if (!handle.duplicate()) {
                record(handle.id(), type, payload, options);
            }
            return handle;
        }
        synchronized (this) {
            JobMessage message = BrokerDispatcher.newMessage(type, payload, options, clock.instant());
            Optional<Entry> holder = uniqueKeyHolder(message.uniqueKey());
            if (holder.isPresent()) {
                return new JobHandle(holder.get().dispatch.id(), true, this);
            }
            record(message.id(), type, payload, options);
            return new JobHandle(message.id(), false, this);
        }
    }

    @Override
    public List<JobHandle> dispatchAll(List<PendingDispatch> dispatches) {
        if (forwardTo != null) {
            List<JobHandle> handles = forwardTo.dispatchAll(dispatches);
            for (int i = 0; i < handles.size(); i++) {
                PendingDispatch d = dispatches.get(i);
                if (!handles.get(i).duplicate()) {
                    record(handles.get(i).id(), d.type(), d.payload(), d.options());
                }
            }
            return handles;
        }
        List<JobHandle> handles = new ArrayList<>(dispatches.size());
        for (PendingDispatch d : dispatches) {
            handles.add(dispatch(d.type(), d.payload(), d.options()));
        }
        return handles;
    }

    @Override
    public Optional<JobState> status(String jobId) {
        if (forwardTo != null) {
            return forwardTo.status(jobId);
        }
        synchronized (this) {
            Entry entry = byId.get(jobId);
            return entry == null ? Optional.empty() : Optional.of(entry.state(clock.instant()));
        }
    }

    @Override
    public boolean cancel(String jobId) {
        if (forwardTo != null) {
            return forwardTo.cancel(jobId);
        }
        synchronized (this) {
            Entry entry = byId.get(jobId);
            if (entry == null || entry.state != Progress.PENDING) {
                return false;
            }
            entry.state = Progress.CANCELLED;
            return true;
        }
    }

    /** Every job dispatched so far, oldest first, its payload left as JSON. */
    public synchronized List<Dispatch<String>> all() {
        return entries.stream().map(entry -> entry.dispatch).toList();
    }

    /** The jobs (or task ticks) named {@code name} dispatched so far, oldest first, payloads as JSON. */
    public synchronized List<Dispatch<String>> dispatched(String name) {
        return entries.stream().map(entry -> entry.dispatch).filter(d -> d.name().equals(name)).toList();
    }

    /** The dispatches of {@code job} so far, oldest first, each payload decoded by the job's codec. */
    public <P> List<Dispatch<P>> dispatched(TypedJob<P> job) {
        List<Dispatch<P>> typed = new ArrayList<>();
        for (Dispatch<String> d : dispatched(job.name())) {
            typed.add(new Dispatch<>(d.id(), d.type(), decode(job, d), d.json(), d.options(), d.queue(), d.dispatchedAt()));
        }
        return typed;
    }

    /** The jobs kept and not yet run (queued or waiting for their run-at time), oldest first. */
    public synchronized List<Dispatch<String>> pending() {
        return entries.stream().filter(entry -> entry.state == Progress.PENDING).map(entry -> entry.dispatch).toList();
    }

    /** Forgets every job recorded so far. */
    public synchronized void clear() {
        entries.clear();
        byId.clear();
    }

    /**
     * Asserts that {@code job} was dispatched at least once.
     *
     * @return its first dispatch
     */
    public <P> Dispatch<P> assertDispatched(TypedJob<P> job) {
        List<Dispatch<P>> found = dispatched(job);
        if (found.isEmpty()) {
            throw new AssertionError("expected job '" + job.name() + "' to be dispatched, but it was not; " + everything());
        }
        return found.get(0);
    }

    /**
     * Asserts that {@code job} was dispatched with a payload that {@code matching} accepts.
     *
     * @return the first such dispatch, for assertions on its options
     */
    public <P> Dispatch<P> assertDispatched(TypedJob<P> job, Predicate<? super P> matching) {
        List<Dispatch<P>> found = dispatched(job);
        for (Dispatch<P> d : found) {
            if (matching.test(d.payload())) {
                return d;
            }
        }
        if (found.isEmpty()) {
            throw new AssertionError("expected job '" + job.name() + "' to be dispatched with a matching payload, but it was not"
                    + " dispatched at all; " + everything());
        }
        throw new AssertionError("expected job '" + job.name() + "' to be dispatched with a matching payload, but none of its "
                + times(found.size()) + " matched:" + lines(found));
    }

    /**
     * Asserts that {@code job} was dispatched exactly {@code times} times.
     *
     * @return its dispatches, oldest first
     */
    public <P> List<Dispatch<P>> assertDispatchedTimes(TypedJob<P> job, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
        List<Dispatch<P>> found = dispatched(job);
        if (found.size() != times) {
            throw new AssertionError("expected job '" + job.name() + "' to be dispatched " + times(times) + ", but it was dispatched "
                    + times(found.size()) + (found.isEmpty() ? "; " + everything() : ":" + lines(found)));
        }
        return found;
    }

    /** Asserts that {@code job} was dispatched exactly once and returns that dispatch. */
    public <P> Dispatch<P> dispatchedOnce(TypedJob<P> job) {
        return assertDispatchedTimes(job, 1).get(0);
    }

    /** Asserts that {@code job} was not dispatched. */
    public void assertNotDispatched(TypedJob<?> job) {
        List<? extends Dispatch<?>> found = dispatched(job);
        if (!found.isEmpty()) {
            throw new AssertionError("expected job '" + job.name() + "' not to be dispatched, but it was dispatched "
                    + times(found.size()) + ":" + lines(found));
        }
    }

    /** Asserts that {@code job} was not dispatched with a payload that {@code matching} accepts. */
    public <P> void assertNotDispatched(TypedJob<P> job, Predicate<? super P> matching) {
        List<Dispatch<P>> found = dispatched(job).stream().filter(d -> matching.test(d.payload())).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("expected job '" + job.name() + "' not to be dispatched with a matching payload, but it was "
                    + times(found.size()) + ":" + lines(found));
        }
    }

    /** Asserts that no job at all was dispatched. */
    public void assertNothingDispatched() {
        List<Dispatch<String>> all = all();
        if (!all.isEmpty()) {
            throw new AssertionError("expected nothing to be dispatched, but " + all.size() + (all.size() == 1 ? " job was:" : " jobs were:")
                    + lines(all));
        }
    }

    /**
     * Runs every kept job that is due by the clock, oldest first, each once, inline on the calling
     * thread through {@code runner} (the application's generated {@code JobRunner}), until none is
     * left: jobs that the jobs dispatch run too. A job waiting for a later run-at time stays
     * pending.
     *
     * @return how many jobs ran
     * @throws JobFailedError if a job threw; it is recorded as failed and the rest stay pending
     */
    public int runPending(JobRunner runner) {
        Objects.requireNonNull(runner, "runner");
        if (forwardTo != null) {
            throw new IllegalStateException("this FakeDispatcher forwards its jobs to " + forwardTo
                    + ", where a worker runs them; runPending runs the jobs of a FakeDispatcher made with a constructor");
        }
        int ran = 0;
        for (Entry next = nextDue(); next != null; next = nextDue()) {
            if (ran == RUN_LIMIT) {
                throw new AssertionError("runPending ran " + RUN_LIMIT + " jobs and more are due (the next is " + next.dispatch
                        + "): does a job dispatch itself every time it runs?");
            }
            ran++;
            run(next, runner);
        }
        return ran;
    }

    /** The earliest run-at time after now of a kept job, if one waits for it. */
    synchronized Optional<Instant> nextRunAt() {
        Instant now = clock.instant();
        return entries.stream()
                .filter(entry -> entry.state == Progress.PENDING)
                .map(entry -> entry.runAt)
                .filter(runAt -> runAt != null && runAt.isAfter(now))
                .min(Instant::compareTo);
    }

    private void run(Entry entry, JobRunner runner) {
        Dispatch<String> d = entry.dispatch;
        JobContext context = new InlineJobContext(d.id(), d.name(), d.queue(), d.dispatchedAt());
        try {
            runner.run(d.name(), d.json(), context);
        } catch (Exception | Error e) {
            setState(entry, Progress.FAILED);
            throw new JobFailedError(d, e);
        }
        setState(entry, Progress.COMPLETED);
    }

    private synchronized Entry nextDue() {
        Instant now = clock.instant();
        for (Entry entry : entries) {
            if (entry.state == Progress.PENDING && (entry.runAt == null || !entry.runAt.isAfter(now))) {
                entry.state = Progress.ACTIVE;
                return entry;
            }
        }
        return null;
    }

    private synchronized void setState(Entry entry, Progress state) {
        entry.state = state;
    }

    private synchronized void record(String id, JobType type, String payload, DispatchOptions options) {
        Instant now = clock.instant();
        String queue = options.queue().orElse(type.queue());
        Entry entry = new Entry(new Dispatch<>(id, type, payload, payload, options, queue, now),
                options.effectiveRunAt(now).orElse(null));
        entries.add(entry);
        byId.put(id, entry);
    }

    private Optional<Entry> uniqueKeyHolder(String uniqueKey) {
        if (uniqueKey == null) {
            return Optional.empty();
        }
        return entries.stream()
                .filter(entry -> entry.state == Progress.PENDING || entry.state == Progress.ACTIVE)
                .filter(entry -> uniqueKey.equals(entry.dispatch.uniqueKey().orElse(null)))
                .findFirst();
    }

    private static <P> P decode(TypedJob<P> job, Dispatch<String> d) {
        try {
            return job.decode(d.json());
        } catch (PayloadException e) {
            throw new AssertionError("job '" + job.name() + "' (id " + d.id() + ") was dispatched with a payload its codec cannot"
                    + " decode, so a worker would fail it: " + e.getMessage() + "; the payload: " + d.json(), e);
        }
    }

    private String everything() {
        List<Dispatch<String>> all = all();
        return all.isEmpty() ? "nothing was dispatched" : "what was dispatched:" + lines(all);
    }

    private static String lines(List<? extends Dispatch<?>> dispatches) {
        StringBuilder text = new StringBuilder();
        for (Dispatch<?> d : dispatches) {
            text.append("\n  ").append(d);
        }
        return text.toString();
    }

    private static String times(int count) {
        return count == 1 ? "1 time" : count + " times";
    }

    @Override
    public String toString() {
        return forwardTo == null ? "FakeDispatcher" : "FakeDispatcher forwarding to " + forwardTo;
    }

    /** Where a kept job is; the public state adds {@code SCHEDULED} for a pending job not yet due. */
    private enum Progress { PENDING, ACTIVE, COMPLETED, FAILED, CANCELLED }

    private static final class Entry {
        final Dispatch<String> dispatch;
        final Instant runAt;
        Progress state = Progress.PENDING;

        Entry(Dispatch<String> dispatch, Instant runAt) {
            this.dispatch = dispatch;
            this.runAt = runAt;
        }

        JobState state(Instant now) {
            return switch (state) {
                case PENDING -> runAt != null && runAt.isAfter(now) ? JobState.SCHEDULED : JobState.QUEUED;
                case ACTIVE -> JobState.ACTIVE;
                case COMPLETED -> JobState.COMPLETED;
                case FAILED -> JobState.FAILED;
                case CANCELLED -> JobState.CANCELLED;
            };
        }
    }

    /** What an inline run tells the job about itself: always a first attempt. */
    private record InlineJobContext(String id, String name, String queue, Instant enqueuedAt) implements JobContext {
        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public boolean stopRequested() {
            return false;
        }
    }
}
