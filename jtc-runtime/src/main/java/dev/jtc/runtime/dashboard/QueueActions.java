package dev.jtc.runtime.dashboard;

import dev.jtc.runtime.broker.Broker;

/** Pausing and resuming a queue from the dashboard; workers honour it at their next fetch. */
final class QueueActions {

    private final Broker broker;

    QueueActions(Broker broker) {
        this.broker = broker;
    }

    /** Whether the queue was running before (false: it was paused already). */
    boolean pause(String queue) {
        return broker.pause(queue);
    }

    /** Whether the queue was paused before (false: it was running already). */
    boolean resume(String queue) {
        return broker.resume(queue);
    }
}
