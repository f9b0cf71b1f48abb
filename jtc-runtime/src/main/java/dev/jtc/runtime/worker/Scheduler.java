package dev.jtc.runtime.worker;

import dev.jtc.MissedTicks;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.TickResult;
import dev.jtc.schedule.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the ticks of {@code @Cron} and {@code @Every} tasks into jobs. Every worker runs one, and
 * any number may run against one broker: each tick is claimed with
 * {@link Broker#claimTick}, which enqueues it exactly once however many schedulers race for it.
 *
 * <p>On each poll, for each task, the scheduler continues from the last tick any scheduler
 * claimed ({@link Broker#lastTick}). The very first time a task is seen, that position is set to
 * now and nothing runs: a new task does not replay its past. While every tick due came due within
 * {@link WorkerConfig#missedThreshold()}, the scheduler is on time and each tick runs. Once one is
 * older (no worker ran, or the broker was away), the poll is a catch-up and the task's
 * {@link MissedTicks} policy decides for every tick due at that moment, those still inside the
 * threshold included: {@code SKIP} moves past them all without running, {@code RUN_ONCE} runs
 * once for all of them (for the newest), {@code RUN_ALL} runs each, oldest first, but at most
 * {@link WorkerConfig#catchUpCap()} of them (the newest; older ones are skipped with a warning).
 * So a catch-up never enqueues a burst beyond what the policy says. A task with {@code overlap = false}
 * spends a tick without running while its previous run is still waiting or running.
 *
 * <p>All time comes from the {@link Clock}, and the loop waits through a {@link Sleeper}, so a test
 * with a {@code ManualClock} and its advancing sleeper runs hundreds of ticks in milliseconds.
 */
public final class Scheduler {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    private static final int MAX_ON_TIME_TICKS = 1000;

    private final Broker broker;
    private final List<ScheduledTask> tasks;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration missedThreshold;
    private final int catchUpCap;
    private final Sleeper sleeper;
    private final WorkerListener listener;
    private final Object sleepLock = new Object();
    private volatile boolean stopped;
    private boolean sleeping;
    private Thread loopThread;

    /** A scheduler with the poll interval, missed-tick threshold and catch-up cap of {@code config}. */
    public Scheduler(Broker broker, List<ScheduledTask> tasks, Clock clock, WorkerConfig config, Sleeper sleeper) {
        this(broker, tasks, clock, config, sleeper, new WorkerListener() {});
    }

    /** The same, telling {@code listener} of every run it enqueues. */
    public Scheduler(Broker broker, List<ScheduledTask> tasks, Clock clock, WorkerConfig config, Sleeper sleeper,
            WorkerListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.tasks = List.copyOf(tasks);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pollInterval = config.schedulerPoll();
        this.missedThreshold = config.missedThreshold();
        this.catchUpCap = config.catchUpCap();
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public List<ScheduledTask> tasks() {
        return tasks;
    }

    /**
     * Looks at every task once and claims whatever is due. A task whose poll fails for a reason
     * other than the broker is logged and skipped, so one bad task never stops the others.
     *
     * @return when the next tick of any task falls; empty if no task will ever tick again
     * @throws BrokerException if the broker cannot be reached
     */
    public Optional<Instant> pollOnce() {
        Instant next = null;
        for (ScheduledTask task : tasks) {
            Optional<Instant> taskNext;
            try {
                taskNext = poll(task, clock.instant());
            } catch (BrokerException e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("scheduler: task {} failed to schedule: {}", task.name(), Failures.reason(e), e);
                continue;
            }
            if (taskNext.isPresent() && (next == null || taskNext.get().isBefore(next))) {
                next = taskNext.get();
            }
        }
        return Optional.ofNullable(next);
    }

    private Optional<Instant> poll(ScheduledTask task, Instant now) {
        Optional<Instant> last = broker.lastTick(task.name());
        if (last.isEmpty()) {
            // Brokers keep ticks to the millisecond; a finer "now" would not read back equal.
            broker.claimTick(task.name(), now.truncatedTo(ChronoUnit.MILLIS), null, false);
            Optional<Instant> first = task.schedule().nextRunAfter(now);
            log.info("scheduler: task {} seen for the first time; its ticks count from now (first run {})", task.name(),
                    first.map(Instant::toString).orElse("never"));
            return first;
        }
        Instant from = last.get();
        Instant missedUntil = now.minus(missedThreshold).minusNanos(1);
        Optional<Instant> oldestDue = task.schedule().nextRunAfter(from);
        if (oldestDue.isPresent() && !oldestDue.get().isAfter(missedUntil)) {
            // Behind (no worker ran, or the broker was away): the policy decides for every tick due
            // by now, also those still inside the threshold, so a catch-up is never a burst.
            catchUp(task, from, now, now);
        } else {
            for (Instant tick : TickFinder.oldest(task.schedule(), from, now, MAX_ON_TIME_TICKS)) {
                claim(task, tick, true, now);
            }
        }
        return task.schedule().nextRunAfter(now);
    }

    /** Applies the task's missed-tick policy to the ticks in {@code (from, until]}. */
    private void catchUp(ScheduledTask task, Instant from, Instant until, Instant now) {
        MissedTicks policy = task.missed();
        int wanted = policy == MissedTicks.RUN_ALL ? catchUpCap : 1;
        TickFinder.Newest missed = TickFinder.newest(task.schedule(), from, until, wanted);
        if (missed.ticks().isEmpty()) {
            return;
        }
        List<Instant> ticks = missed.ticks();
        Instant newest = ticks.get(ticks.size() - 1);
        switch (policy) {
            case SKIP -> {
                if (claim(task, newest, false, now) == TickResult.ADVANCED) {
                    log.info("scheduler: skipped the missed ticks of {} up to {} (missed = SKIP)", task.name(), newest);
                }
            }
            case RUN_ONCE -> {
                if (claim(task, newest, true, now) == TickResult.ENQUEUED) {
                    log.info("scheduler: running {} once for its missed ticks up to {} (missed = RUN_ONCE)", task.name(), newest);
                }
            }
            case RUN_ALL -> {
                if (missed.olderLeftOut()) {
                    log.warn("scheduler: task {} missed more than {} ticks; running the newest {} (from {}) and skipping the"
                            + " older ones (raise the catch-up cap to run more)", task.name(), catchUpCap, ticks.size(), ticks.get(0));
                }
                int ran = 0;
                for (Instant tick : ticks) {
                    ran += claim(task, tick, true, now) == TickResult.ENQUEUED ? 1 : 0;
                }
                if (ran > 0) {
                    log.info("scheduler: running {} for {} missed ticks (missed = RUN_ALL)", task.name(), ran);
                }
            }
        }
    }

    private TickResult claim(ScheduledTask task, Instant tick, boolean run, Instant now) {
        JobMessage job = run ? task.newRun(now) : null;
        TickResult result = broker.claimTick(task.name(), tick, job, !task.overlap());
        switch (result) {
            case ENQUEUED -> {
                log.debug("scheduler: enqueued {} for tick {} as job {}", task.name(), tick, job.id());
                listener.tickEnqueued(task.name(), tick, Duration.between(tick, now));
            }
            case SKIPPED_OVERLAP -> log.info("scheduler: skipped tick {} of {}: its previous run is still going (overlap = false)",
                    tick, task.name());
            case ADVANCED, ALREADY_CLAIMED -> log.trace("scheduler: tick {} of {}: {}", tick, task.name(), result);
        }
        return result;
    }

    /**
     * Polls until {@link #stop()}: claims what is due, then sleeps until the next tick or the
     * poll interval, whichever comes first. Broker failures are logged once and retried with
     * backoff; the loop never dies of them.
     */
    public void run() {
        synchronized (sleepLock) {
            loopThread = Thread.currentThread();
        }
        ErrorBackoff backoff = new ErrorBackoff("scheduler poll", log, sleeper);
        log.info("scheduler: {} tasks, polling every {}", tasks.size(), Durations.format(pollInterval));
        try {
            while (!stopped) {
                Optional<Instant> next;
                try {
                    next = pollOnce();
                    backoff.succeeded();
                } catch (BrokerException e) {
                    sleepInterruptibly(() -> backoff.failed(e));
                    continue;
                }
                Duration wait = pollInterval;
                if (next.isPresent()) {
                    Duration untilNext = Duration.between(clock.instant(), next.get());
                    if (untilNext.compareTo(wait) < 0) {
                        wait = untilNext.isNegative() ? Duration.ZERO : untilNext;
                    }
                }
                Duration sleepFor = wait;
                sleepInterruptibly(() -> sleeper.sleep(sleepFor));
            }
        } catch (InterruptedException e) {
            if (!stopped) {
                Thread.currentThread().interrupt();
            }
        } finally {
            synchronized (sleepLock) {
                loopThread = null;
            }
        }
    }

    /** Makes {@link #run()} return; a sleeping loop wakes at once, a polling one after its poll. */
    public void stop() {
        stopped = true;
        synchronized (sleepLock) {
            if (sleeping && loopThread != null) {
                loopThread.interrupt();
            }
        }
    }

    /**
     * Sleeps so that {@link #stop()} can cut the sleep short, without ever interrupting a broker
     * call (an interrupted Redis connection would have to be thrown away).
     */
    private void sleepInterruptibly(InterruptibleAction sleep) throws InterruptedException {
        synchronized (sleepLock) {
            if (stopped) {
                return;
            }
            sleeping = true;
        }
        try {
            sleep.run();
        } catch (InterruptedException e) {
            if (!stopped) {
                throw e;
            }
        } finally {
            synchronized (sleepLock) {
                sleeping = false;
            }
            if (stopped) {
                Thread.interrupted();
            }
        }
    }

    @FunctionalInterface
    private interface InterruptibleAction {
        void run() throws InterruptedException;
    }
}
