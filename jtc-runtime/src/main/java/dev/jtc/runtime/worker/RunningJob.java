package dev.jtc.runtime.worker;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.broker.BusySlot;
import dev.jtc.runtime.broker.JobMessage;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt of a job while it runs on a worker thread: the {@link JobContext} the job sees,
 * and the two flags that keep its end orderly. Exactly one party settles the attempt (the thread
 * when the job returns, the timeout watchdog at the deadline, or shutdown when the grace runs
 * out); whoever wins {@link #settle()} reports the outcome, the others stay silent. The thread is
 * only ever interrupted while it still runs this job, never after it moved on to the next one.
 */
final class RunningJob implements JobContext {

    private final JobMessage message;
    private final long fetchOrder;
    private final long startedNanos;
    private final Instant startedAt;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile boolean stopRequested;
    private Thread thread;
    private boolean finished;

    /**
     * @param fetchOrder increases with every job the worker fetches, so that jobs put back at
     *     shutdown return to their queue in the order they left it
     */
    RunningJob(JobMessage message, long fetchOrder, Instant startedAt) {
        this.message = message;
        this.fetchOrder = fetchOrder;
        this.startedNanos = System.nanoTime();
        this.startedAt = startedAt;
    }

    JobMessage message() {
        return message;
    }

    long fetchOrder() {
        return fetchOrder;
    }

    long startedNanos() {
        return startedNanos;
    }

    /** The slot this attempt takes, as the worker's heartbeat reports it. */
    BusySlot slot() {
        return new BusySlot(message.id(), message.name(), message.queue(), startedAt);
    }

    /** Called by the worker thread before it runs the job. */
    synchronized void attach(Thread thread) {
        this.thread = thread;
    }

    /** Called by the worker thread once the job returned; from now on it is never interrupted for this job. */
    synchronized void detach() {
        finished = true;
        thread = null;
    }

    /** Claims the right to report this attempt's outcome; true for the first caller only. */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }

    boolean isSettled() {
        return settled.get();
    }

    /** Asks the job to stop and interrupts its thread if it is still running this job. */
    synchronized void stop() {
        stopRequested = true;
        if (!finished && thread != null) {
            thread.interrupt();
        }
    }

    /** The running thread's stack, for the failure record of a timed-out job; empty when it finished. */
    synchronized StackTraceElement[] stackTrace() {
        return finished || thread == null ? new StackTraceElement[0] : thread.getStackTrace();
    }

    @Override
    public String id() {
        return message.id();
    }

    @Override
    public String name() {
        return message.name();
    }

    @Override
    public String queue() {
        return message.queue();
    }

    @Override
    public int attempt() {
        return message.attempt();
    }

    @Override
    public Instant enqueuedAt() {
        return message.enqueuedAt();
    }

    @Override
    public boolean stopRequested() {
        return stopRequested;
    }

    @Override
    public String toString() {
        return "JobContext[" + message.id() + ", " + message.name() + ", attempt " + message.attempt() + "]";
    }
}
