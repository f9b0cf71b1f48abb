package dev.jtc.test;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.TypedJob;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.QueueStats;
import dev.jtc.runtime.testing.ManualClock;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that gives every test a fresh jtc application: its Dagger component, a
 * {@link FakeDispatcher} that records every dispatch, and one of two ways to run the jobs.
 *
 * <pre>{@code
 * @RegisterExtension
 * final JtcExtension<ShopAppComponent> jtc = JtcExtension.forApp(ShopAppWorker.definition())
 *         .component(DaggerShopAppComponent.factory()::create, ShopAppJobRunner::new)
 *         .build();
 * }</pre>
 *
 * <ul>
 *   <li><b>Inline</b> (the default): nothing runs by itself. {@link #runPending()} runs the due
 *       jobs on the test's thread through the generated {@code JobRunner}, and
 *       {@link #advance(Duration)} moves a {@link ManualClock} forward, running every scheduled
 *       task's ticks and every delayed job as their times come. Each job runs once: a job that
 *       throws fails the test with {@link JobFailedError}.</li>
 *   <li><b>Worker</b> ({@link Builder#worker()}): a real {@link Worker} on an in-memory broker
 *       (or any broker, {@link Builder#worker(Supplier)}: a Redis one for an end-to-end test) and
 *       the system clock, listening to every queue of the application, with retries, backoff,
 *       timeouts and the failed set as in production, and the scheduler if asked
 *       ({@link Builder#scheduler()}). {@link #awaitCompleted}, {@link #awaitFailed} and
 *       {@link #awaitIdle()} wait for outcomes without sleeping.</li>
 * </ul>
 *
 * <p>The component is built for each test with the factory given to
 * {@link Builder#component}: the generated one, or a test component that extends it (to reach
 * the application's singletons, or to swap a module for one with fakes). Register the
 * extension on an instance field, as above, so that tests running in parallel do not share it.
 *
 * @param <C> the component's type ({@code Void} if the application's own runner is used)
 */
public final class JtcExtension<C> implements BeforeEachCallback, AfterEachCallback {

    private final AppDefinition app;
    private final ComponentFactory<C> componentFactory;
    private final Function<? super C, ? extends JobRunner> runnerFactory;
    private final Settings settings;
    private final Instant start;
    private final boolean worker;
    private final Supplier<? extends Broker> brokers;
    private final boolean scheduler;
    private final List<String> queues;
    private final int concurrency;
    private final Duration timeout;
    private State<C> state;

    private JtcExtension(Builder<C> builder) {
        this.app = builder.app;
        this.componentFactory = builder.componentFactory;
        this.runnerFactory = builder.runnerFactory;
        this.settings = builder.settings;
        this.start = builder.start;
        this.worker = builder.worker;
        this.brokers = builder.brokers;
        this.scheduler = builder.scheduler;
        Set<String> queues = new LinkedHashSet<>(app.queues());
        queues.addAll(builder.extraQueues);
        this.queues = List.copyOf(queues);
        this.concurrency = builder.concurrency;
        this.timeout = builder.timeout;
    }

    /** Starts an extension for the application the generated {@code <App>Worker.definition()} describes. */
    public static Builder<Void> forApp(AppDefinition app) {
        return new Builder<>(Objects.requireNonNull(app, "app"), null, null);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        state = worker ? startWorker() : startInline();
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        State<C> finished = state;
        state = null;
        if (finished != null && finished.worker != null) {
            finished.worker.shutdown();
            boolean stopped = finished.worker.awaitTermination(Duration.ofSeconds(10));
            finished.broker.close();
            if (!stopped) {
                throw new AssertionError("the test's worker did not stop within 10 s: a job is still running");
            }
        }
    }

    // --- what every test has --------------------------------------------------------------------

    /**
     * The application's component for this test, built over {@link #dispatcher()}, {@link #clock()}
     * and the settings.
     *
     * @throws IllegalStateException if the builder was given no component factory
     */
    public C component() {
        State<C> current = current();
        if (current.component == null) {
            throw new IllegalStateException("this JtcExtension was built without a component; give the builder one with"
                    + " .component(DaggerMyAppComponent.factory()::create, MyAppJobRunner::new)");
        }
        return current.component;
    }

    /** The dispatcher the component's jobs go through: every dispatch of the test is recorded there. */
    public FakeDispatcher dispatcher() {
        return current().dispatcher;
    }

    /** The generated dispatch table, over this test's component. */
    public JobRunner runner() {
        return current().runner;
    }

    /** The clock bound in the component: a {@link ManualClock} inline, the system clock with a worker. */
    public Clock clock() {
        return current().clock;
    }

    /** The current time by {@link #clock()}. */
    public Instant now() {
        return clock().instant();
    }

    /** Every queue the application's jobs and tasks use, plus those added with {@link Builder#queues}. */
    public List<String> queues() {
        return queues;
    }

    // --- inline ---------------------------------------------------------------------------------

    /**
     * Runs every due job on this thread, oldest first, including the jobs they dispatch.
     *
     * @return how many jobs ran
     * @throws JobFailedError if one of them threw
     */
    public int runPending() {
        State<C> current = inline("runPending()");
        return current.dispatcher.runPending(current.runner);
    }

    /**
     * Moves the clock forward by {@code duration}. Every scheduled task's ticks inside that time are
     * dispatched and run at their instant, in time order, and so is every delayed job as its run-at
     * time comes; the jobs due now run first.
     *
     * @throws JobFailedError if one of them threw; the clock stays at that job's time
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + duration);
        }
        advanceTo(inline("advance(Duration)").clock.instant().plus(duration));
    }

    /** As {@link #advance(Duration)}, up to {@code target}. */
    public void advanceTo(Instant target) {
        State<C> current = inline("advanceTo(Instant)");
        ManualClock clock = (ManualClock) current.clock;
        if (target.isBefore(clock.instant())) {
            throw new IllegalArgumentException("the clock only moves forward: it is " + clock.instant() + ", asked for " + target);
        }
        current.dispatcher.runPending(current.runner);
        while (true) {
            Map<ScheduledTask, Instant> ticks = nextTicks(current.ticksUpTo);
            List<Instant> candidates = new ArrayList<>(ticks.values());
            current.dispatcher.nextRunAt().ifPresent(candidates::add);
            Optional<Instant> next = candidates.stream().filter(at -> !at.isAfter(target)).min(Instant::compareTo);
            if (next.isEmpty()) {
                break;
            }
            Instant at = next.get();
            clock.set(at);
            ticks.forEach((task, tick) -> {
                if (tick.equals(at)) {
                    current.dispatcher.dispatch(task.jobType(), "{}", DispatchOptions.none());
                }
            });
            current.ticksUpTo = at;
            current.dispatcher.runPending(current.runner);
        }
        clock.set(target);
        current.ticksUpTo = target;
    }

    /** Each task's first tick after {@code after}, in the registry's order. */
    private Map<ScheduledTask, Instant> nextTicks(Instant after) {
        Map<ScheduledTask, Instant> ticks = new LinkedHashMap<>();
        for (ScheduledTask task : app.scheduledTasks()) {
            task.schedule().nextRunAfter(after).ifPresent(tick -> ticks.put(task, tick));
        }
        return ticks;
    }

    // --- with a worker --------------------------------------------------------------------------

    /** The broker the worker reads: its failed set, pending jobs and stats. */
    public Broker broker() {
        return withWorker("broker()").broker;
    }

    /** Waits until the job has completed; fails at once if it goes to the failed set instead. */
    public JobMessage awaitCompleted(JobHandle handle) throws InterruptedException {
        String id = handle.id();
        return withWorker("awaitCompleted").events.await(WorkerEvents.Kind.COMPLETED, job -> job.id().equals(id),
                "job " + id + " to complete").job();
    }

    /** Waits until {@code count} runs of {@code job} have completed; returns them, oldest first. */
    public List<JobMessage> awaitCompleted(TypedJob<?> job, int count) throws InterruptedException {
        return awaitCompleted(job.name(), count);
    }

    /** Waits until {@code count} runs of the job or task named {@code name} have completed. */
    public List<JobMessage> awaitCompleted(String name, int count) throws InterruptedException {
        return withWorker("awaitCompleted").events.awaitCount(WorkerEvents.Kind.COMPLETED, job -> job.name().equals(name), count,
                        count + " run(s) of " + name + " to complete")
                .stream().map(WorkerEvents.Event::job).toList();
    }

    /** Waits until the job has gone to the failed set; returns its last failure. */
    public Failure awaitFailed(JobHandle handle) throws InterruptedException {
        String id = handle.id();
        return withWorker("awaitFailed").events.await(WorkerEvents.Kind.FAILED, job -> job.id().equals(id),
                "job " + id + " to fail").failure();
    }

    /** The failed attempts of the job that were retried so far, oldest first. */
    public List<Failure> retriesOf(JobHandle handle) {
        String id = handle.id();
        return withWorker("retriesOf").events.retries(job -> job.id().equals(id));
    }

    /**
     * Waits until nothing is left to run: no job ready, waiting for its run-at time (a retry
     * included) or running, on any queue.
     */
    public void awaitIdle() throws InterruptedException {
        State<C> current = withWorker("awaitIdle()");
        current.events.awaitCondition(() -> isIdle(current.broker),
                () -> "the broker to hold no ready, scheduled or active job (it holds " + current.broker.stats().queues() + ")");
    }

    private static boolean isIdle(Broker broker) {
        for (QueueStats queue : broker.stats().queues()) {
            if (queue.ready() + queue.scheduled() + queue.active() > 0) {
                return false;
            }
        }
        return true;
    }

    // --- set-up ---------------------------------------------------------------------------------

    private State<C> startInline() {
        ManualClock clock = new ManualClock(start != null ? start : Instant.now().truncatedTo(ChronoUnit.SECONDS));
        FakeDispatcher dispatcher = new FakeDispatcher(clock);
        State<C> state = build(dispatcher, clock);
        state.ticksUpTo = clock.instant();
        return state;
    }

    private State<C> startWorker() {
        Clock clock = Clock.systemUTC();
        Broker broker = Objects.requireNonNull(brokers.get(), "the broker supplier returned null");
        State<C> state = build(FakeDispatcher.forwardingTo(new BrokerDispatcher(broker, clock), clock), clock);
        state.broker = broker;
        state.events = new WorkerEvents(timeout);
        WorkerConfig config = WorkerConfig.builder()
                .queues(queues)
                .concurrency(concurrency)
                .schedulerEnabled(scheduler)
                .shutdownGrace(Duration.ofSeconds(5))
                .build();
        state.worker = new Worker(broker, state.runner, app.jobTypes(), app.scheduledTasks(), config, clock);
        state.worker.addListener(state.events);
        state.worker.start();
        return state;
    }

    private State<C> build(FakeDispatcher dispatcher, Clock clock) {
        if (componentFactory == null) {
            return new State<>(null, dispatcher, app.runnerFactory().create(dispatcher, clock, settings), clock);
        }
        C component = Objects.requireNonNull(componentFactory.create(dispatcher, clock, settings),
                "the component factory returned null");
        return new State<>(component, dispatcher, runnerFactory.apply(component), clock);
    }

    private State<C> current() {
        if (state == null) {
            throw new IllegalStateException("JtcExtension works inside a test: register it with @RegisterExtension on a field");
        }
        return state;
    }

    private State<C> inline(String what) {
        State<C> current = current();
        if (current.worker != null) {
            throw new IllegalStateException(what + " runs jobs inline; this JtcExtension runs a worker (built with .worker()),"
                    + " which runs them by itself: wait with awaitCompleted or awaitIdle");
        }
        return current;
    }

    private State<C> withWorker(String what) {
        State<C> current = current();
        if (current.worker == null) {
            throw new IllegalStateException(what + " waits for a worker; this JtcExtension runs jobs inline: call runPending()"
                    + " or advance(...), or build it with .worker()");
        }
        return current;
    }

    /** What one test has. */
    private static final class State<C> {
        final C component;
        final FakeDispatcher dispatcher;
        final JobRunner runner;
        final Clock clock;
        Instant ticksUpTo;
        Broker broker;
        WorkerEvents events;
        Worker worker;

        State(C component, FakeDispatcher dispatcher, JobRunner runner, Clock clock) {
            this.component = component;
            this.dispatcher = dispatcher;
            this.runner = runner;
            this.clock = clock;
        }
    }

    /**
     * Builds a component over the test's dispatcher, clock and settings: the generated factory's
     * {@code create}, e.g. {@code DaggerShopAppComponent.factory()::create}.
     */
    @FunctionalInterface
    public interface ComponentFactory<C> {
        C create(Dispatcher dispatcher, Clock clock, Settings settings);
    }

    /** Configures a {@link JtcExtension}. */
    public static final class Builder<C> {
        private final AppDefinition app;
        private final ComponentFactory<C> componentFactory;
        private final Function<? super C, ? extends JobRunner> runnerFactory;
        private Settings settings = Settings.empty();
        private Instant start;
        private boolean worker;
        private Supplier<? extends Broker> brokers = () -> new InMemoryBroker(Clock.systemUTC());
        private boolean scheduler;
        private final List<String> extraQueues = new ArrayList<>();
        private int concurrency = 4;
        private Duration timeout = Duration.ofSeconds(20);

        private Builder(AppDefinition app, ComponentFactory<C> componentFactory, Function<? super C, ? extends JobRunner> runnerFactory) {
            this.app = app;
            this.componentFactory = componentFactory;
            this.runnerFactory = runnerFactory;
        }

        /**
         * Builds each test's component with {@code factory} and the dispatch table over it with
         * {@code runner}: {@code .component(DaggerShopAppComponent.factory()::create, ShopAppJobRunner::new)},
         * or a test component that extends the generated one.
         */
        public <D> Builder<D> component(ComponentFactory<D> factory, Function<? super D, ? extends JobRunner> runner) {
            Builder<D> typed = new Builder<>(app, Objects.requireNonNull(factory, "factory"), Objects.requireNonNull(runner, "runner"));
            typed.settings = settings;
            typed.start = start;
            typed.worker = worker;
            typed.brokers = brokers;
            typed.scheduler = scheduler;
            typed.extraQueues.addAll(extraQueues);
            typed.concurrency = concurrency;
            typed.timeout = timeout;
            return typed;
        }

        /** The settings bound in the component (none by default; the environment is never read). */
        public Builder<C> settings(Map<String, String> values) {
            return settings(Settings.of(values));
        }

        /** The settings bound in the component. */
        public Builder<C> settings(Settings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Where the inline mode's clock starts (by default the time the test starts, to the second). */
        public Builder<C> startingAt(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /** As {@link #startingAt(Instant)}, from an ISO-8601 instant such as {@code 2026-03-02T09:00:00Z}. */
        public Builder<C> startingAt(String instant) {
            return startingAt(Instant.parse(instant));
        }

        /** Runs the jobs on a real worker over an in-memory broker instead of inline. */
        public Builder<C> worker() {
            this.worker = true;
            return this;
        }

        /**
         * Runs the jobs on a real worker over a broker from {@code brokers}, one per test and closed
         * after it: {@code .worker(() -> RedisBroker.connect(redis.url(), "test", Clock.systemUTC()))}.
         */
        public Builder<C> worker(Supplier<? extends Broker> brokers) {
            this.brokers = Objects.requireNonNull(brokers, "brokers");
            return worker();
        }

        /** Lets the worker's scheduler tick the application's tasks on the system clock (off by default). */
        public Builder<C> scheduler() {
            this.scheduler = true;
            return this;
        }

        /** Queues the worker listens to besides the application's own (for jobs dispatched to another queue). */
        public Builder<C> queues(String... queues) {
            extraQueues.addAll(List.of(queues));
            return this;
        }

        /** The worker's concurrency (4 by default). */
        public Builder<C> concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /** How long a wait may take before it fails the test (20 s by default). */
        public Builder<C> timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public JtcExtension<C> build() {
            return new JtcExtension<>(this);
        }
    }
}
