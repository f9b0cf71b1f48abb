package dev.jtc.processor;

import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A dispatcher that keeps what the generated code sends, for tests that then run it through the generated table. */
final class CapturingDispatcher implements Dispatcher {

    /** One dispatch: the job type and the encoded payload. */
    record Sent(JobType type, String payload) {}

    final List<String> payloads = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();

    @Override
    public JobHandle dispatch(JobType type, String payload, DispatchOptions options) {
        payloads.add(payload);
        sent.add(new Sent(type, payload));
        return new JobHandle("job-" + payloads.size(), false, this);
    }

    @Override
    public List<JobHandle> dispatchAll(List<PendingDispatch> dispatches) {
        List<JobHandle> handles = new ArrayList<>();
        dispatches.forEach(pending -> handles.add(dispatch(pending.type(), pending.payload(), pending.options())));
        return handles;
    }

    @Override
    public Optional<JobState> status(String jobId) {
        return Optional.empty();
    }

    @Override
    public boolean cancel(String jobId) {
        return false;
    }
}
