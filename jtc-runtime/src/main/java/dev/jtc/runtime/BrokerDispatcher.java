package dev.jtc.runtime;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.EnqueueResult;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Dispatcher} every process uses, worker or not: it turns a job type, an encoded
 * payload and the dispatch options into a {@link JobMessage} and hands it to a {@link Broker}.
 * The generated {@code <App>Jobs} calls it; so do the scheduler (for ticks) and the command line
 * ({@code enqueue}).
 */
public final class BrokerDispatcher implements Dispatcher {

    private final Broker broker;
    private final Clock clock;

    public BrokerDispatcher(Broker broker, Clock clock) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A new, never attempted message for {@code type}: its id names the queue it goes to (the
     * options' queue, else the type's), it carries the type's schema fingerprint, and its run-at
     * time is resolved against {@code now}.
     */
    public static JobMessage newMessage(JobType type, String payload, DispatchOptions options, Instant now) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(options, "options");
        String queue = options.queue().orElse(type.queue());
        return JobMessage.create(JobIds.next(queue), type.name(), queue, payload, type.fingerprint(), now,
                options.effectiveRunAt(now).orElse(null), options.uniqueKey().orElse(null));
    }

    @Override
    public JobHandle dispatch(JobType type, String payload, DispatchOptions options) {
        EnqueueResult result = broker.enqueue(newMessage(type, payload, options, clock.instant()));
        return new JobHandle(result.id(), result.duplicate(), this);
    }

    @Override
    public List<JobHandle> dispatchAll(List<PendingDispatch> dispatches) {
        Instant now = clock.instant();
        List<JobMessage> messages = new ArrayList<>(dispatches.size());
        for (PendingDispatch d : dispatches) {
            messages.add(newMessage(d.type(), d.payload(), d.options(), now));
        }
        List<EnqueueResult> results = broker.enqueueAll(messages);
        List<JobHandle> handles = new ArrayList<>(results.size());
        for (EnqueueResult result : results) {
            handles.add(new JobHandle(result.id(), result.duplicate(), this));
        }
        return handles;
    }

    @Override
    public Optional<JobState> status(String jobId) {
        return broker.status(jobId);
    }

    @Override
    public boolean cancel(String jobId) {
        return broker.cancel(jobId);
    }
}
