package dev.jtc.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobLimits;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.ForwardingBroker;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.Lease;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The limiter's own bookkeeping: which holds it renews, when a release or a renewal goes wrong. */
class JobLimiterTest {

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final List<Lease> releaseAttempts = new ArrayList<>();
    private boolean releaseFails;
    private final ForwardingBroker broker = new ForwardingBroker(new InMemoryBroker(clock)) {
        @Override
        public void releaseLease(Lease lease) {
            releaseAttempts.add(lease);
            if (releaseFails) {
                throw new BrokerException("Redis is away");
            }
            super.releaseLease(lease);
        }
    };
    private final JobLimiter limiter = new JobLimiter(broker, "w1", clock, Duration.ofSeconds(15));
    private final JobType ship = new JobType("Ship", "default", 0, JobType.NO_TIMEOUT, Duration.ofMillis(1), Duration.ofMillis(1), "",
            "", JobLimits.NONE.withMaxConcurrency(2).withoutOverlapping("orderId"));

    private JobMessage job(int orderId) {
        return JobMessage.create(JobIds.next("default"), "Ship", "default", "{\"orderId\":" + orderId + "}", "", clock.instant(), null, null);
    }

    @Test
    void aFailedReleaseStillStopsRenewingEveryLeaseOfTheAttempt() {
        JobLimiter.Admission admission = limiter.admit(job(7), ship);
        assertEquals(2, admission.leases().size());
        releaseFails = true;

        assertThrows(BrokerException.class, () -> limiter.release(admission.leases()));

        assertEquals(admission.leases(), releaseAttempts, "both were tried");
        assertEquals(List.of(), limiter.held(), "neither is renewed: they lapse within the TTL");
        clock.advance(Duration.ofSeconds(16));
        assertTrue(limiter.admit(job(7), ship).admitted(), "lapsed, so the order may run again");
    }

    @Test
    void aLapsedLeaseIsReportedOnceAndNoLongerRenewed() {
        JobLimiter.Admission admission = limiter.admit(job(8), ship);
        clock.advance(Duration.ofSeconds(16));

        assertEquals(Set.copyOf(admission.leases()), Set.copyOf(limiter.renew()), "in any order");
        assertEquals(List.of(), limiter.renew());
        assertEquals(List.of(), limiter.held());
    }

    @Test
    void aKeyValueThatIsNotPlainIsHashedIntoAValidKey() {
        JobMessage odd = JobMessage.create(JobIds.next("default"), "Ship", "default", "{\"orderId\":\"a b/{c}\"}", "",
                clock.instant(), null, null);
        String key = JobLimiter.key("overlap", odd, "orderId");
        assertTrue(key.matches("overlap:Ship:h[0-9a-f]{32}"), key);
        assertTrue(Lease.isValidKey(key));
        assertEquals("concurrency:Ship:null", JobLimiter.key("concurrency", job(1), "customerId"), "an absent field keys the null value");
    }
}
