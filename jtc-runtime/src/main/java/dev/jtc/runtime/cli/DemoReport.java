package dev.jtc.runtime.cli;

import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.schedule.Durations;
import dev.jtc.runtime.worker.WorkerListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code demo} prints while it runs, one line per event, and what it remembers to decide
 * when it is done: the outcome of each dispatched demo job, and whether a scheduled tick has run.
 */
final class DemoReport implements WorkerListener {

    /** Where one demo job ended up. */
    enum Outcome { PENDING, COMPLETED, FAILED }

    private final PrintWriter out;
    private final Clock clock;
    private final Set<String> taskNames;
    private final Map<String, String> demoJobs = new LinkedHashMap<>();
    private final Map<String, Outcome> finished = new HashMap<>();
    private int ticksRun;

    DemoReport(PrintWriter out, Clock clock, Set<String> taskNames) {
        this.out = out;
        this.clock = clock;
        this.taskNames = taskNames;
    }

    /** Notes a dispatched demo job; it may already have finished, the worker being quick. */
    synchronized void dispatched(String jobId, String name) {
        demoJobs.put(jobId, name);
        notifyAll();
    }

    private Outcome outcome(String jobId) {
        return finished.getOrDefault(jobId, Outcome.PENDING);
    }

    private boolean isTick(JobMessage job) {
        return taskNames.contains(job.name());
    }

    private synchronized void print(String tag, JobMessage job, String text) {
        out.printf("%-8s %-28s %s %s%n", tag, job.name(), job.id(), text);
        out.flush();
    }

    @Override
    public void jobStarted(JobMessage job) {
        print(isTick(job) ? "[tick]" : "[run]", job, "attempt " + job.attempt() + (isTick(job) ? " (scheduled task)" : ""));
    }

    @Override
    public synchronized void jobCompleted(JobMessage job, Duration took) {
        print("[done]", job, "in " + Durations.format(took.truncatedTo(ChronoUnit.MILLIS)));
        finished.put(job.id(), Outcome.COMPLETED);
        if (isTick(job)) {
            ticksRun++;
        }
        notifyAll();
    }

    @Override
    public void jobRetried(JobMessage job, Failure failure, Instant retryAt) {
        Duration in = Duration.between(clock.instant(), retryAt);
        print("[retry]", job, "attempt " + job.attempt() + " failed: " + failure.reason() + "; next attempt in "
                + Durations.format((in.isNegative() ? Duration.ZERO : in).truncatedTo(ChronoUnit.MILLIS)));
    }

    @Override
    public synchronized void jobFailed(JobMessage job, Failure failure) {
        print("[failed]", job, failure.reason());
        finished.put(job.id(), Outcome.FAILED);
        if (isTick(job)) {
            ticksRun++;
        }
        notifyAll();
    }

    /**
     * Waits until every demo job has finished and, if the application has scheduled tasks, one
     * tick has run; or until {@code maxWait} has passed. Returns whether everything happened.
     */
    synchronized boolean awaitDone(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!done()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private boolean done() {
        boolean jobsDone = demoJobs.keySet().stream().noneMatch(id -> outcome(id) == Outcome.PENDING);
        return jobsDone && (taskNames.isEmpty() || ticksRun > 0);
    }

    synchronized long count(Outcome outcome) {
        return demoJobs.keySet().stream().filter(id -> outcome(id) == outcome).count();
    }

    synchronized int ticksRun() {
        return ticksRun;
    }

    synchronized Map<String, String> pendingJobs() {
        Map<String, String> pending = new LinkedHashMap<>();
        demoJobs.forEach((id, name) -> {
            if (outcome(id) == Outcome.PENDING) {
                pending.put(id, name);
            }
        });
        return pending;
    }
}
