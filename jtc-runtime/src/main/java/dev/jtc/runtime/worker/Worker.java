package dev.jtc.runtime.worker;

import dev.jtc.runtime.AttemptPostponedException;
import dev.jtc.runtime.Backoff;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.UnknownJobException;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.Lease;
import dev.jtc.runtime.broker.RecoveryResult;
import dev.jtc.runtime.broker.BusySlot;
import dev.jtc.runtime.broker.WorkerInfo;
import dev.jtc.schedule.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an application's jobs: fetches them from a {@link Broker}, runs each attempt through the
 * generated {@link JobRunner} on a pool thread, and reports the outcome. It also heartbeats,
 * takes back the jobs of dead workers, and runs the {@link Scheduler}.
 *
 * <p><b>Lifecycle.</b> {@link WorkerState NEW → RUNNING → STOPPING → STOPPED}, each step a
 * compare-and-set; {@link WorkerListener}s hear every job and lifecycle event.
 *
 * <p><b>Fetching.</b> One thread fetches as many jobs as there are free slots (at most
 * {@link WorkerConfig#fetchBatchSize()}) from the queues in order, or in a weighted random order
 * per fetch when weights are given. While a job runs, the SLF4J MDC holds {@code jtc.jobId} and
 * {@code jtc.jobName}.
 *
 * <p><b>Outcomes.</b> A job that returns is completed. One that throws is retried after an
 * exponential, fully jittered backoff ({@link Backoff}) while attempts remain ({@code retries + 1}
 * in all), then goes to the failed set with its history. A job whose name has no {@link JobType}
 * or whose payload does not decode ({@link UnknownJobException}, {@link PayloadException}) goes to
 * the failed set at once, with a reason naming the problem (and, for payloads, both schema
 * fingerprints). Every failure is logged once with its reason; nothing is dropped silently.
 *
 * <p><b>Timeouts.</b> At a job's timeout the attempt counts as failed (and is retried by the same
 * policy), {@link dev.jtc.runtime.JobContext#stopRequested()} turns true and the thread is
 * interrupted. Java cannot stop a thread that ignores interrupts: such a thread keeps its slot
 * until it returns, so the worker never runs more than {@link WorkerConfig#concurrency()} jobs at
 * once, and whatever the job does after its deadline is ignored.
 *
 * <p><b>Shutdown.</b> {@link #shutdown(Duration)} stops fetching (interrupting a fetch that is
 * waiting for jobs, so an idle worker stops at once whatever its fetch wait), lets running jobs finish within
 * the grace, then asks the rest to stop, interrupts them and releases them to the head of their
 * queues in one broker call, in the order they were fetched, so they run next and in their
 * original order (another worker runs them again; the attempt is not counted), acknowledges everything
 * outstanding and unregisters. {@link #awaitTermination} waits for all of that.
 *
 * <p><b>Broker failures</b> (Redis away) never kill a loop: each logs one line, backs off up to
 * 5 s and carries on. An acknowledgement that failed is retried, never dropped.
 */
public final class Worker {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration ACK_FLUSH_LIMIT = Duration.ofSeconds(10);
    /** How long a job waits when the broker cannot say whether its limits allow it to run now. */
    private static final Duration LIMITS_UNAVAILABLE_WAIT = Duration.ofSeconds(5);

    private final String id;
    private final Broker broker;
    private final JobRunner runner;
    private final Map<String, JobType> jobTypes;
    private final List<ScheduledTask> tasks;
    private final WorkerConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final QueueOrder queueOrder;
    private final ListenerFanOut listeners = new ListenerFanOut();
    private final AtomicReference<WorkerState> state = new AtomicReference<>(WorkerState.NEW);
    private final Semaphore slots;
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private final Object runningChanged = new Object();
    private final AtomicInteger busyThreads = new AtomicInteger();
    /** Parties that are claiming an attempt's outcome and handing it to the acknowledger (see {@link #report}). */
    private final AtomicInteger reportsUnderWay = new AtomicInteger();
    /** Until when (clock millis) the last successful heartbeat keeps this worker alive in the broker's eyes. */
    private volatile long aliveUntilMillis = Long.MIN_VALUE;
    private final AtomicLong fetchOrder = new AtomicLong();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Acknowledger acknowledger;
    private final JobLimiter limiter;
    private final ExecutorService jobThreads;
    private final ScheduledExecutorService timers;
    private final ScheduledExecutorService watchdogs;
    private final PeriodicFailureLog heartbeatErrors = new PeriodicFailureLog("heartbeat");
    private final PeriodicFailureLog recoveryErrors = new PeriodicFailureLog("recovery of dead workers");
    private final Scheduler scheduler;
    private volatile DiagnosticContext diagnostics = DiagnosticContext.SLF4J;
    private volatile RandomGenerator backoffRandom;
    private volatile Instant startedAt;
    private Thread fetchThread;
    private Thread schedulerThread;

    /**
     * A worker for one application.
     *
     * @param jobTypes every {@code @Job} of the application (for retries, timeout, backoff, fingerprint)
     * @param tasks every scheduled task; their runs are jobs named after them, and the scheduler ticks them
     */
    public Worker(Broker broker, JobRunner runner, List<JobType> jobTypes, List<ScheduledTask> tasks,
            WorkerConfig config, Clock clock) {
        this(broker, runner, jobTypes, tasks, config, clock, Sleeper.SYSTEM);
    }

    /**
     * As the main constructor, with the sleeper the scheduler waits through: tests pass a
     * {@code ManualClock}'s advancing sleeper to run many ticks quickly.
     */
    public Worker(Broker broker, JobRunner runner, List<JobType> jobTypes, List<ScheduledTask> tasks,
            WorkerConfig config, Clock clock, Sleeper sleeper) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.tasks = List.copyOf(tasks);
        Map<String, JobType> types = new HashMap<>();
        for (JobType type : jobTypes) {
            types.put(type.name(), type);
        }
        for (ScheduledTask task : tasks) {
            types.put(task.name(), task.jobType());
        }
        this.jobTypes = Map.copyOf(types);
        this.id = config.workerId().orElseGet(WorkerIdentity::newId);
        this.queueOrder = new QueueOrder(config.queues(), config.weighted(), new SplittableRandom());
        this.slots = new Semaphore(config.concurrency());
        this.acknowledger = new Acknowledger(broker, id, listeners, Sleeper.SYSTEM);
        this.limiter = new JobLimiter(broker, id, clock, config.heartbeatTtl());
        this.jobThreads = Executors.newFixedThreadPool(config.concurrency(), daemonThreads("jtc-job-" + id + "-"));
        this.timers = Executors.newScheduledThreadPool(1, daemonThreads("jtc-heartbeat-" + id + "-"));
        this.watchdogs = Executors.newScheduledThreadPool(1, daemonThreads("jtc-timeout-" + id + "-"));
        this.scheduler = new Scheduler(broker, tasks, clock, config, sleeper, listeners);
    }

    public String id() {
        return id;
    }

    public WorkerState state() {
        return state.get();
    }

    public WorkerConfig config() {
        return config;
    }

    /**
     * Whether the broker still counts this worker alive: its last successful heartbeat has not run
     * out. False before the first and once heartbeats have failed for the whole TTL (a health
     * check's "not ready").
     */
    public boolean heartbeatCurrent() {
        return clock.millis() < aliveUntilMillis;
    }

    /** How many jobs are running right now (including ones past their timeout that have not returned). */
    public int runningJobs() {
        return busyThreads.get();
    }

    /** Replaces where the job id and name are written while a job runs (SLF4J's MDC by default). */
    Worker diagnosticContext(DiagnosticContext context) {
        this.diagnostics = Objects.requireNonNull(context, "context");
        return this;
    }

    /**
     * Replaces where retry backoffs draw their jitter from (by default a thread-local random per
     * draw); tests pass a fixed source so that a backoff is exactly known.
     */
    Worker backoffRandom(RandomGenerator random) {
        this.backoffRandom = Objects.requireNonNull(random, "random");
        return this;
    }

    /** Adds a listener; add them before {@link #start()} to hear everything. */
    public Worker addListener(WorkerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    public void removeListener(WorkerListener listener) {
        listeners.remove(listener);
    }

    // --- lifecycle -----------------------------------------------------------------------------

    /**
     * Starts heartbeating, fetching and scheduling, and returns at once.
     *
     * @throws IllegalStateException if the worker was started before
     */
    public void start() {
        if (!state.compareAndSet(WorkerState.NEW, WorkerState.RUNNING)) {
            throw new IllegalStateException("worker " + id + " is " + state.get() + "; a worker starts only once");
        }
        startedAt = clock.instant();
        try {
            heartbeat();
        } catch (BrokerException e) {
            log.warn("worker {}: first heartbeat failed: {} (the worker keeps trying)", id, e.getMessage());
        }
        acknowledger.start();
        timers.scheduleWithFixedDelay(this::heartbeatQuietly, config.heartbeatInterval().toMillis(),
                config.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::recoverQuietly, 0, config.recoveryInterval().toMillis(), TimeUnit.MILLISECONDS);
        fetchThread = new Thread(this::fetchLoop, "jtc-fetch-" + id);
        fetchThread.setDaemon(true);
        fetchThread.start();
        if (config.schedulerEnabled() && !tasks.isEmpty()) {
            schedulerThread = new Thread(scheduler::run, "jtc-scheduler-" + id);
            schedulerThread.setDaemon(true);
            schedulerThread.start();
        }
        log.info("worker {} started: queues {}{}, concurrency {}, {} job types, {} scheduled tasks", id, config.queueNames(),
                config.weighted() ? " (weighted)" : "", config.concurrency(), jobTypes.size() - tasks.size(), tasks.size());
        listeners.workerStarted(id);
    }

    /** Shuts down with the configured grace ({@link WorkerConfig#shutdownGrace()}). */
    public void shutdown() {
        shutdown(config.shutdownGrace());
    }

    /**
     * Begins a graceful shutdown and returns at once; {@link #awaitTermination} waits for it. A
     * second call does nothing. A worker that never started goes straight to STOPPED.
     */
    public void shutdown(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (state.compareAndSet(WorkerState.NEW, WorkerState.STOPPED)) {
            jobThreads.shutdown();
            timers.shutdown();
            watchdogs.shutdown();
            terminated.countDown();
            return;
        }
        if (!state.compareAndSet(WorkerState.RUNNING, WorkerState.STOPPING)) {
            return;
        }
        log.info("worker {} stopping: no new jobs; waiting up to {} for {} running jobs", id, Durations.format(grace),
                running.size());
        Thread stopper = new Thread(() -> stop(grace), "jtc-shutdown-" + id);
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Waits until the worker has stopped; true if it did within {@code timeout}. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void stop(Duration grace) {
        try {
            scheduler.stop();
            // Ends a blocking fetch at once instead of sitting out the fetch wait. Brokers take jobs
            // only in steps an interrupt does not cut short, so a fetch either returns its jobs (and
            // the loop, seeing the worker stopping, releases them) or throws having taken none.
            if (fetchThread != null) {
                fetchThread.interrupt();
            }
            join(fetchThread, config.fetchWait().plus(ErrorBackoff.CAP).plusSeconds(1));
            join(schedulerThread, Duration.ofSeconds(10));
            waitForRunningJobs(grace);
            releaseUnfinished();
            awaitReportsUnderWay(ACK_FLUSH_LIMIT);
            int left = acknowledger.close(ACK_FLUSH_LIMIT);
            timers.shutdownNow();
            watchdogs.shutdownNow();
            if (left == 0) {
                try {
                    broker.unregister(id);
                } catch (BrokerException e) {
                    log.warn("worker {}: could not unregister: {} (its heartbeat simply expires)", id, e.getMessage());
                }
            }
            jobThreads.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("worker {}: shutdown interrupted; unfinished jobs stay in flight and will be recovered", id);
        } catch (RuntimeException e) {
            log.error("worker {}: shutdown failed: {}; unfinished jobs stay in flight and will be recovered", id,
                    Failures.reason(e), e);
        } finally {
            state.set(WorkerState.STOPPED);
            log.info("worker {} stopped", id);
            listeners.workerStopped(id);
            terminated.countDown();
        }
    }

    private static void join(Thread thread, Duration timeout) throws InterruptedException {
        if (thread != null) {
            thread.join(Math.max(1, timeout.toMillis()));
        }
    }

    private void waitForRunningJobs(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        synchronized (runningChanged) {
            while (!unsettledRunning().isEmpty()) {
                long now = System.nanoTime();
                long left = deadline - now;
                if (left <= 0) {
                    return;
                }
                if (now - nextProgress >= 0) {
                    int count = unsettledRunning().size();
                    log.info("worker {}: waiting for {} running jobs ({}s of the grace left)", id, count,
                            TimeUnit.NANOSECONDS.toSeconds(left));
                    listeners.waitingForJobs(count, Duration.ofNanos(left));
                    nextProgress = now + PROGRESS_EVERY.toNanos();
                }
                long waitNanos = Math.min(left, Math.max(1, nextProgress - now));
                TimeUnit.NANOSECONDS.timedWait(runningChanged, waitNanos);
            }
        }
    }

    /**
     * Waits until every outcome already claimed has reached the acknowledger. A job thread or the
     * timeout watchdog may have claimed one just before shutdown settled the rest (the job may even
     * have left {@link #running} since); closing the acknowledger under it would leave that job in
     * flight, to be run again after recovery.
     */
    private void awaitReportsUnderWay(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (runningChanged) {
            while (reportsUnderWay.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("worker {}: {} outcome(s) still being reported after {}; closing without them (their jobs"
                            + " stay in flight and will be recovered)", id, reportsUnderWay.get(), Durations.format(limit));
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(runningChanged, left);
            }
        }
    }

    private List<RunningJob> unsettledRunning() {
        List<RunningJob> result = new ArrayList<>();
        for (RunningJob job : running.values()) {
            if (!job.isSettled()) {
                result.add(job);
            }
        }
        return result;
    }

    /** Interrupts the jobs still running and puts them back, in fetch order and in one broker call. */
    private void releaseUnfinished() {
        List<RunningJob> unfinished = unsettledRunning();
        unfinished.sort(Comparator.comparingLong(RunningJob::fetchOrder));
        List<Outcome> released = new ArrayList<>();
        for (RunningJob job : unfinished) {
            if (job.settle()) {
                job.stop();
                log.warn("job {} ({}) did not finish within the shutdown grace; interrupted and put back on queue {}",
                        job.id(), job.name(), job.queue());
                released.add(new Outcome.Released(job.message()));
            }
        }
        acknowledger.submitAll(released);
    }

    // --- fetching ------------------------------------------------------------------------------

    private void fetchLoop() {
        ErrorBackoff backoff = new ErrorBackoff("fetch for worker " + id, log, Sleeper.SYSTEM);
        try {
            while (state.get() == WorkerState.RUNNING) {
                if (clock.millis() >= aliveUntilMillis) {
                    // Jobs fetched while the broker sees no live heartbeat would be recovered by
                    // any worker (this one included) and run twice: heartbeat first.
                    try {
                        heartbeat();
                    } catch (BrokerException e) {
                        backoff.failed(e);
                        continue;
                    }
                }
                int free = acquireSlots();
                if (free == 0) {
                    continue;
                }
                List<JobMessage> jobs;
                try {
                    jobs = broker.fetch(id, queueOrder.next(), free, config.fetchWait());
                    backoff.succeeded();
                } catch (BrokerException e) {
                    slots.release(free);
                    backoff.failed(e);
                    continue;
                }
                slots.release(free - jobs.size());
                if (state.get() != WorkerState.RUNNING) {
                    // Shutdown began while the fetch waited: these never start, and go back in their order.
                    acknowledger.submitAll(jobs.stream().<Outcome>map(Outcome.Released::new).toList());
                    slots.release(jobs.size());
                    break;
                }
                for (JobMessage job : jobs) {
                    launch(job);
                }
            }
        } catch (InterruptedException e) {
            log.debug("worker {}: fetch loop interrupted", id);
        } catch (RuntimeException e) {
            log.error("worker {}: fetch loop failed: {}; stopping the worker", id, Failures.reason(e), e);
            shutdown();
        }
    }

    /** Waits for at least one free slot, then takes up to a batch; 0 if the worker stopped running meanwhile. */
    private int acquireSlots() throws InterruptedException {
        while (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (state.get() != WorkerState.RUNNING) {
                return 0;
            }
        }
        int taken = 1;
        while (taken < config.fetchBatchSize() && slots.tryAcquire()) {
            taken++;
        }
        return taken;
    }

    private void launch(JobMessage job) {
        RunningJob context = new RunningJob(job, fetchOrder.incrementAndGet(), clock.instant());
        running.put(job.id(), context);
        busyThreads.incrementAndGet();
        try {
            jobThreads.execute(() -> runAttempt(context));
        } catch (RuntimeException rejected) {
            // The pool is shutting down; the job has not run, so it goes back untouched.
            finished(context);
            if (context.settle()) {
                acknowledger.submit(new Outcome.Released(job));
            }
        }
    }

    // --- running -------------------------------------------------------------------------------

    private void runAttempt(RunningJob context) {
        JobMessage job = context.message();
        context.attach(Thread.currentThread());
        diagnostics.put(DiagnosticContext.JOB_ID, job.id());
        diagnostics.put(DiagnosticContext.JOB_NAME, job.name());
        ScheduledFuture<?> watchdog = null;
        List<Lease> leases = List.of();
        try {
            JobType type = jobTypes.get(job.name());
            if (type != null && !type.limits().isNone()) {
                JobLimiter.Admission admission = admit(job, type);
                if (!admission.admitted()) {
                    postpone(context, admission.waitUntil(), admission.reason());
                    return;
                }
                leases = admission.leases();
            }
            listeners.jobStarted(job);
            if (type == null) {
                reject(context, Failures.unknownJob(job, new UnknownJobException(job.name()).getMessage(), clock.instant()));
                return;
            }
            if (type.hasTimeout()) {
                watchdog = watchdogs.schedule(() -> timeOut(context, type), saturatedNanos(type.timeout()), TimeUnit.NANOSECONDS);
            }
            try {
                runner.run(job.name(), job.payload(), context);
                report(context, () -> acknowledger.submit(
                        new Outcome.Completed(job, Duration.ofNanos(System.nanoTime() - context.startedNanos()))));
            } catch (AttemptPostponedException e) {
                postpone(context, clock.instant().plus(e.delay()), e.getMessage());
            } catch (UnknownJobException e) {
                reject(context, Failures.unknownJob(job, e.getMessage(), clock.instant()));
            } catch (PayloadException e) {
                reject(context, Failures.undecodablePayload(job, type, e, clock.instant()));
            } catch (Throwable e) {
                attemptFailed(context, type, Failures.thrown(job, e, clock.instant()));
                if (e instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
            }
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            releaseQuietly(leases);
            context.detach();
            Thread.interrupted(); // an interrupt meant for this job must not reach the next one
            diagnostics.remove(DiagnosticContext.JOB_ID);
            diagnostics.remove(DiagnosticContext.JOB_NAME);
            finished(context);
        }
    }

    /** The limits' verdict on one attempt; while the broker cannot answer, the attempt waits a few seconds. */
    private JobLimiter.Admission admit(JobMessage job, JobType type) {
        try {
            return limiter.admit(job, type);
        } catch (RuntimeException e) {
            log.warn("job {} ({}): cannot check its limits ({}); it waits {} and is tried again", job.id(), job.name(),
                    Failures.reason(e), Durations.format(LIMITS_UNAVAILABLE_WAIT));
            return new JobLimiter.Admission(List.of(), clock.instant().plus(LIMITS_UNAVAILABLE_WAIT),
                    "its limits could not be checked: " + Failures.reason(e));
        }
    }

    private void postpone(RunningJob context, Instant until, String reason) {
        log.debug("job {} ({}) waits until {}: {}", context.id(), context.name(), until, reason);
        report(context, () -> acknowledger.submit(new Outcome.Postponed(context.message(), until, reason)));
    }

    /** Gives back an attempt's leases; one the broker cannot take back now lapses by itself within the heartbeat TTL. */
    private void releaseQuietly(List<Lease> leases) {
        if (leases.isEmpty()) {
            return;
        }
        try {
            limiter.release(leases);
        } catch (RuntimeException e) {
            log.warn("worker {}: cannot give back the holds {} ({}); they lapse within {}", id, leases, Failures.reason(e),
                    Durations.format(config.heartbeatTtl()));
        }
    }

    private void finished(RunningJob context) {
        // Only this attempt's entry: a retry of the same job may already run here beside a
        // timed-out attempt that is only now returning.
        running.remove(context.id(), context);
        busyThreads.decrementAndGet();
        slots.release();
        synchronized (runningChanged) {
            runningChanged.notifyAll();
        }
    }

    private void timeOut(RunningJob context, JobType type) {
        report(context, () -> {
            Failure failure = Failures.timedOut(context.message(), type.timeout(), context.stackTrace(), clock.instant());
            context.stop();
            // This runs on the watchdog thread: its log line carries the job in the MDC like every other.
            diagnostics.put(DiagnosticContext.JOB_ID, context.id());
            diagnostics.put(DiagnosticContext.JOB_NAME, context.name());
            try {
                settleFailure(context.message(), type, failure);
            } finally {
                diagnostics.remove(DiagnosticContext.JOB_ID);
                diagnostics.remove(DiagnosticContext.JOB_NAME);
            }
        });
    }

    private void attemptFailed(RunningJob context, JobType type, Failure failure) {
        if (!report(context, () -> settleFailure(context.message(), type, failure))) {
            log.debug("job {} ended after it was timed out or released: {}", context.id(), failure.reason());
        }
    }

    /**
     * Claims the attempt's outcome ({@link RunningJob#settle()}) and, if this caller won, hands it
     * on with {@code submit}. The count of reports under way goes up before the claim, so that
     * shutdown, once it has settled every other attempt, can wait for those to reach the acknowledger.
     *
     * @return whether this caller won the claim
     */
    private boolean report(RunningJob context, Runnable submit) {
        reportsUnderWay.incrementAndGet();
        try {
            if (!context.settle()) {
                return false;
            }
            submit.run();
            return true;
        } finally {
            if (reportsUnderWay.decrementAndGet() == 0) {
                synchronized (runningChanged) {
                    runningChanged.notifyAll();
                }
            }
        }
    }

    /** Retries the job after its backoff while attempts remain, else fails it; one log line either way. */
    private void settleFailure(JobMessage job, JobType type, Failure failure) {
        int attempts = type.retries() + 1;
        if (job.attempt() < attempts) {
            RandomGenerator random = backoffRandom;
            Backoff backoff = random == null ? Backoff.of(type) : Backoff.exponential(type.backoffBase(), type.backoffCap(), random);
            Duration delay = backoff.delayBeforeRetry(job.attempt());
            Instant retryAt = clock.instant().plus(delay);
            log.warn("job {} ({}) attempt {} of {} failed: {}; retrying in {}", job.id(), job.name(), job.attempt(), attempts,
                    failure.reason(), Durations.format(delay.truncatedTo(ChronoUnit.MILLIS)));
            acknowledger.submit(new Outcome.Retried(job, failure, retryAt));
        } else {
            log.error("job {} ({}) failed on its last attempt ({} of {}): {}; moved to the failed set", job.id(), job.name(),
                    job.attempt(), attempts, failure.reason());
            acknowledger.submit(new Outcome.Failed(job, failure));
        }
    }

    private void reject(RunningJob context, Failure failure) {
        report(context, () -> {
            JobMessage job = context.message();
            log.error("job {} ({}) cannot run and went to the failed set: {}", job.id(), job.name(), failure.reason());
            acknowledger.submit(new Outcome.Rejected(job, failure));
        });
    }

    // --- heartbeat and recovery ----------------------------------------------------------------

    private void heartbeat() {
        Instant now = clock.instant();
        List<BusySlot> busy = running.values().stream().sorted(Comparator.comparingLong(RunningJob::fetchOrder))
                .map(RunningJob::slot).toList();
        broker.heartbeat(new WorkerInfo(id, WorkerIdentity.host(), WorkerIdentity.pid(), config.queueNames(),
                config.concurrency(), startedAt, now, busy), config.heartbeatTtl());
        aliveUntilMillis = now.plus(config.heartbeatTtl()).toEpochMilli();
        List<Lease> lapsed = limiter.renew();
        if (!lapsed.isEmpty()) {
            log.warn("worker {}: the holds {} lapsed before this heartbeat renewed them (a pause longer than {}?);"
                    + " another attempt may run beside them", id, lapsed, Durations.format(config.heartbeatTtl()));
        }
    }

    private void heartbeatQuietly() {
        try {
            heartbeat();
            heartbeatErrors.succeeded();
        } catch (RuntimeException e) {
            heartbeatErrors.failed(e);
        }
    }

    private void recoverQuietly() {
        try {
            RecoveryResult result = broker.recoverDeadWorkers(config.maxRecoveries());
            recoveryErrors.succeeded();
            if (!result.deadWorkers().isEmpty()) {
                log.warn("worker {}: took back the jobs of dead workers {}: {} requeued, {} poison pills to the failed set",
                        id, result.deadWorkers(), result.requeued(), result.poisoned());
            }
        } catch (RuntimeException e) {
            recoveryErrors.failed(e);
        }
    }

    /** Logs the first failure of a periodic task and its recovery, not every failure in between. */
    private final class PeriodicFailureLog {
        private final String what;
        private int failures;

        PeriodicFailureLog(String what) {
            this.what = what;
        }

        void failed(RuntimeException e) {
            if (failures++ == 0) {
                log.warn("worker {}: {} failed: {} (retrying every run until it works)", id, what, Failures.reason(e));
            }
        }

        void succeeded() {
            if (failures > 0) {
                log.info("worker {}: {} works again after {} failures", id, what, failures);
            }
            failures = 0;
        }
    }

    /** A timeout longer than a long holds in nanoseconds (292 years) is as good as none. */
    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException longerThan292Years) {
            return Long.MAX_VALUE;
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
