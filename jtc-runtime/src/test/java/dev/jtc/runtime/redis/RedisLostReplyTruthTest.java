package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code cancel} and {@code retryFailed} whose reply is lost after Redis ran them: the broker
 * sends the call again on a new connection, and it must still answer true, since it did cancel
 * or retry the job; a later, separate call answers false, since that one did nothing. The reply
 * is lost for real, by a proxy that cuts the connection instead of passing the reply on.
 */
class RedisLostReplyTruthTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final LossyProxy proxy = new LossyProxy(redis.port());
    private final RedisBroker broker = RedisBroker.connect(proxy.url(), "jtc", clock);

    @AfterEach
    void close() {
        broker.close();
        proxy.close();
    }

    private JobMessage enqueue() {
        JobMessage job = JobMessage.create(JobIds.next("default"), "Job", "default", "{}", "", clock.instant(), null, "key-1");
        broker.enqueue(job);
        return job;
    }

    @Test
    void aCancelWhoseReplyWasLostStillSaysItCancelled() {
        JobMessage job = enqueue();

        proxy.loseNextReply();
        boolean cancelled = broker.cancel(job.id());

        assertEquals(1, proxy.repliesLost(), "the reply really was lost");
        assertTrue(cancelled, "the call that cancelled the job says so, even though it was sent twice");
        assertEquals(Optional.of(JobState.CANCELLED), broker.status(job.id()));
        assertFalse(broker.cancel(job.id()), "another call finds nothing to cancel");
        assertFalse(broker.enqueue(JobMessage.create(JobIds.next("default"), "Job", "default", "{}", "", clock.instant(), null,
                "key-1")).duplicate(), "the unique key was released once");
    }

    @Test
    void aRetryOfAFailedJobWhoseReplyWasLostStillSaysItRetried() throws Exception {
        JobMessage job = enqueue();
        JobMessage taken = broker.fetch("w1", List.of("default"), 1, Duration.ZERO).get(0);
        broker.fail("w1", taken, new Failure(1, clock.instant(), "boom", ""));

        proxy.loseNextReply();
        boolean retried = broker.retryFailed(job.id());

        assertEquals(1, proxy.repliesLost());
        assertTrue(retried, "the call that retried the job says so, even though it was sent twice");
        assertEquals(Optional.of(JobState.QUEUED), broker.status(job.id()));
        assertFalse(broker.retryFailed(job.id()), "another call finds nothing to retry");
        assertEquals(List.of(job.id()), broker.fetch("w2", List.of("default"), 5, Duration.ZERO).stream().map(JobMessage::id).toList(),
                "it is on the ready list once");
    }
}
