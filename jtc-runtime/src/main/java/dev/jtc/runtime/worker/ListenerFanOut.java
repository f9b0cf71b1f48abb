package dev.jtc.runtime.worker;

import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes each event to every registered listener; one listener's exception never reaches the
 * worker. That includes errors such as a test's {@link AssertionError}: thrown into the worker,
 * it would leave the job it was told about unreported and stuck in flight.
 */
final class ListenerFanOut implements WorkerListener {

    private static final Logger log = LoggerFactory.getLogger(ListenerFanOut.class);

    private final List<WorkerListener> listeners = new CopyOnWriteArrayList<>();

    void add(WorkerListener listener) {
        listeners.add(listener);
    }

    void remove(WorkerListener listener) {
        listeners.remove(listener);
    }

    private void each(String event, Consumer<WorkerListener> call) {
        for (WorkerListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (RuntimeException | Error e) {
                log.warn("worker listener {} threw on {}: {}", listener, event, Failures.reason(e), e);
            }
        }
    }

    @Override
    public void workerStarted(String workerId) {
        each("workerStarted", l -> l.workerStarted(workerId));
    }

    @Override
    public void jobStarted(JobMessage job) {
        each("jobStarted", l -> l.jobStarted(job));
    }

    @Override
    public void jobCompleted(JobMessage job, Duration took) {
        each("jobCompleted", l -> l.jobCompleted(job, took));
    }

    @Override
    public void jobRetried(JobMessage job, Failure failure, Instant retryAt) {
        each("jobRetried", l -> l.jobRetried(job, failure, retryAt));
    }

    @Override
    public void jobFailed(JobMessage job, Failure failure) {
        each("jobFailed", l -> l.jobFailed(job, failure));
    }

    @Override
    public void tickEnqueued(String task, Instant tick, Duration lag) {
        each("tickEnqueued", l -> l.tickEnqueued(task, tick, lag));
    }

    @Override
    public void jobPostponed(JobMessage job, Instant runAt, String reason) {
        each("jobPostponed", l -> l.jobPostponed(job, runAt, reason));
    }

    @Override
    public void jobReleased(JobMessage job) {
        each("jobReleased", l -> l.jobReleased(job));
    }

    @Override
    public void waitingForJobs(int stillRunning, Duration graceLeft) {
        each("waitingForJobs", l -> l.waitingForJobs(stillRunning, graceLeft));
    }

    @Override
    public void workerStopped(String workerId) {
        each("workerStopped", l -> l.workerStopped(workerId));
    }
}
