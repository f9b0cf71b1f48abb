package dev.jtc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final long SECOND = 1_000_000_000L;

    private final Measurement floorDrain = Measurement.throughput(LoadOptions.FLOOR, Phase.DRAIN, 100_000, SECOND, new CpuPerJob(4, 6));
    private final Measurement jtcDrain = Measurement.throughput(LoadOptions.JTC_REDIS, Phase.DRAIN, 50_000, SECOND, new CpuPerJob(20, 30));
    private final Measurement floorLatency = Measurement.latency(LoadOptions.FLOOR, Phase.latency(1000), 3000, 3 * SECOND,
            CpuPerJob.UNKNOWN, new LatencySummary(3000, 100, 200, 300, 400, 10, 60));
    private final Measurement jtcLatency = Measurement.latency(LoadOptions.JTC_REDIS, Phase.latency(1000), 3000, 3 * SECOND,
            CpuPerJob.UNKNOWN, new LatencySummary(3000, 250, 500, 900, 1000, 12, 80));
    private final List<Measurement> all = List.of(floorDrain, jtcDrain, floorLatency, jtcLatency);

    @Test
    void ratiosAreAgainstTheFloorOfTheSamePhase() {
        assertEquals(Optional.of(0.5), ResultTable.throughputRatio(jtcDrain, all));
        assertEquals(Optional.of(1.0), ResultTable.throughputRatio(floorDrain, all));
        assertEquals(Optional.of(2.5), ResultTable.p99Ratio(jtcLatency, all));
        assertEquals(Optional.empty(), ResultTable.throughputRatio(jtcDrain, List.of(jtcDrain)));
    }

    @Test
    void tableShowsAbsoluteFiguresAndRatios() {
        String table = ResultTable.render(all);
        assertTrue(table.contains("drain"), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("jtc-redis") && l.contains("50,000") && l.contains("0.50×")
                && l.contains("20.0") && l.contains("30.0")), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("latency @ 1000/s") && l.contains("redis-floor") && l.contains("0.200")),
                table);
        assertTrue(table.lines().anyMatch(l -> l.contains("jtc-redis") && l.contains("0.500") && l.contains("2.50×")), table);
    }

    @Test
    void csvHasOneLinePerMeasurement() {
        List<String> lines = ResultFiles.csv(all).lines().toList();
        assertEquals(5, lines.size());
        assertEquals("redis-floor,drain,100000,1.000,100000.000,1.000,,,,,,,,4.000,6.000", lines.get(1));
        assertEquals("jtc-redis,latency-1000,3000,3.000,1000.000,1.000,250.000,500.000,900.000,1000.000,2.500,80.000,12.000,,", lines.get(4));
    }
}
