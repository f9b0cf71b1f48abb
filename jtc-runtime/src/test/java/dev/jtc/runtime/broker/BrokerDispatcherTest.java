package dev.jtc.runtime.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.Dispatcher.PendingDispatch;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dispatcher turns a job type, payload and options into the message the broker stores. */
class BrokerDispatcherTest {

    private static final JobType SEND = new JobType("SendMail", "mail", 3, Duration.ZERO, Duration.ofSeconds(1),
            Duration.ofMinutes(10), "fp-42", "userId:long");

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final BrokerDispatcher dispatcher = new BrokerDispatcher(broker, clock);

    private JobMessage fetch(String queue) throws InterruptedException {
        return broker.fetch("w", List.of(queue), 1, Duration.ZERO).get(0);
    }

    @Test
    void dispatchSendsTheJobToItsQueueWithItsFingerprint() throws Exception {
        JobHandle handle = dispatcher.dispatch(SEND, "{\"userId\":42}", DispatchOptions.none());

        assertFalse(handle.duplicate());
        assertEquals("mail", JobIds.queueOf(handle.id()));
        assertEquals(Optional.of(JobState.QUEUED), handle.status());
        JobMessage job = fetch("mail");
        assertEquals(handle.id(), job.id());
        assertEquals("SendMail", job.name());
        assertEquals("{\"userId\":42}", job.payload());
        assertEquals("fp-42", job.fingerprint());
        assertEquals(clock.instant(), job.enqueuedAt());
        assertNull(job.uniqueKey());
    }

    @Test
    void optionsChangeQueueTimeAndUniqueness() throws Exception {
        JobHandle delayed = dispatcher.dispatch(SEND, "{}", DispatchOptions.delay(Duration.ofMinutes(5)).withQueue("bulk"));
        assertEquals("bulk", JobIds.queueOf(delayed.id()));
        assertEquals(Optional.of(JobState.SCHEDULED), delayed.status());

        JobHandle at = dispatcher.dispatch(SEND, "{}", DispatchOptions.runAt(Instant.parse("2026-03-02T11:00:00Z")));
        assertEquals(Optional.of(JobState.SCHEDULED), at.status());
        JobHandle past = dispatcher.dispatch(SEND, "{}", DispatchOptions.runAt(Instant.parse("2026-03-02T09:00:00Z")));
        assertEquals(Optional.of(JobState.QUEUED), past.status());

        JobHandle first = dispatcher.dispatch(SEND, "{}", DispatchOptions.uniqueKey("invoice-7"));
        JobHandle second = dispatcher.dispatch(SEND, "{}", DispatchOptions.uniqueKey("invoice-7"));
        assertTrue(second.duplicate());
        assertEquals(first.id(), second.id());

        clock.advance(Duration.ofMinutes(5));
        assertEquals(delayed.id(), fetch("bulk").id());
    }

    @Test
    void dispatchAllKeepsTheOrder() {
        List<JobHandle> handles = dispatcher.dispatchAll(List.of(
                new PendingDispatch(SEND, "{\"userId\":1}", DispatchOptions.none()),
                new PendingDispatch(SEND, "{\"userId\":2}", DispatchOptions.uniqueKey("k")),
                new PendingDispatch(SEND, "{\"userId\":3}", DispatchOptions.uniqueKey("k"))));

        assertEquals(3, handles.size());
        assertFalse(handles.get(0).duplicate());
        assertFalse(handles.get(1).duplicate());
        assertTrue(handles.get(2).duplicate());
        assertEquals(handles.get(1).id(), handles.get(2).id());
        assertEquals(2, broker.stats().queues().get(0).ready());
    }

    @Test
    void cancelThroughTheHandle() {
        JobHandle handle = dispatcher.dispatch(SEND, "{}", DispatchOptions.delay(Duration.ofMinutes(1)));
        assertTrue(handle.cancel());
        assertEquals(Optional.of(JobState.CANCELLED), handle.status());
        assertFalse(handle.cancel());
    }
}
