package dev.jtc.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsTest {

    private static final long SECOND = 1_000_000_000L;

    private static Measurement drain(String system, long jobsPerSecond) {
        return Measurement.throughput(system, Phase.DRAIN, jobsPerSecond, SECOND, CpuPerJob.UNKNOWN);
    }

    private static Measurement latency(String system, double p99) {
        return Measurement.latency(system, Phase.latency(100), 300, 3 * SECOND, CpuPerJob.UNKNOWN,
                new LatencySummary(300, 50, p99, p99, p99, 1, 1));
    }

    @Test
    void eachRowIsItsMedianRoundInTheFirstRoundsOrder() {
        List<List<Measurement>> rounds = List.of(
                List.of(drain(LoadOptions.FLOOR, 100), drain(LoadOptions.JTC_REDIS, 30), latency(LoadOptions.JTC_REDIS, 900)),
                List.of(drain(LoadOptions.FLOOR, 300), drain(LoadOptions.JTC_REDIS, 10), latency(LoadOptions.JTC_REDIS, 500)),
                List.of(drain(LoadOptions.FLOOR, 200), drain(LoadOptions.JTC_REDIS, 20), latency(LoadOptions.JTC_REDIS, 700)));
        List<Measurement> medians = Rounds.medians(rounds);
        assertEquals(List.of(rounds.get(2).get(0), rounds.get(2).get(1), rounds.get(2).get(2)), medians);
        assertArrayEquals(new double[] {10, 30}, Rounds.range(medians.get(1), rounds).orElseThrow());
        assertArrayEquals(new double[] {500, 900}, Rounds.range(medians.get(2), rounds).orElseThrow());
        assertTrue(ResultTable.render(medians, rounds).lines().anyMatch(l -> l.contains("jtc-redis") && l.endsWith("10–30")));
    }

    @Test
    void oneRoundHasNoRange() {
        List<List<Measurement>> rounds = List.of(List.of(drain(LoadOptions.FLOOR, 100)));
        assertEquals(rounds.get(0), Rounds.medians(rounds));
        assertTrue(Rounds.range(rounds.get(0).get(0), rounds).isEmpty());
    }
}
