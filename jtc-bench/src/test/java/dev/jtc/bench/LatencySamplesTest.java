package dev.jtc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void percentilesAreNearestRankOverEverySample() {
        LatencySamples samples = new LatencySamples(2_000);
        LatencySamples lag = new LatencySamples(10);
        LatencySamples enqueue = new LatencySamples(10);
        enqueue.record(3_000);
        for (int i = 1000; i >= 1; i--) { // arrival order must not matter
            samples.record(i * 1_000L); // 1..1000 µs
        }
        lag.record(7_000);
        LatencySummary summary = samples.summary(new ProducerThreads.Pacing(lag, enqueue));
        assertEquals(1000, summary.count());
        assertEquals(500.0, summary.p50());
        assertEquals(990.0, summary.p99());
        assertEquals(999.0, summary.p999());
        assertEquals(1000.0, summary.max());
        assertEquals(7.0, summary.lagP99());
        assertEquals(3.0, summary.enqueueP99());
    }

    @Test
    void samplesBeyondTheCapacityAreCountedNotStored() {
        LatencySamples samples = new LatencySamples(3);
        for (int i = 0; i < 5; i++) {
            samples.record(1_000);
        }
        assertEquals(5, samples.count());
        assertEquals(1.0, samples.summary(ProducerThreads.Pacing.forPhase(1, java.time.Duration.ofSeconds(1))).p99());
    }

    @Test
    void noSamplesGiveZeroes() {
        LatencySummary summary = new LatencySamples(4).summary(ProducerThreads.Pacing.forPhase(1, java.time.Duration.ofSeconds(1)));
        assertEquals(new LatencySummary(0, 0, 0, 0, 0, 0, 0), summary);
    }
}
