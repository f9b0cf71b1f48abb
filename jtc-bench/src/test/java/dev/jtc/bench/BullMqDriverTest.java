package dev.jtc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BullMqDriverTest {

    @Test
    void readsTheDriversResultLine() throws Exception {
        List<Measurement> results = BullMqDriver.parse("""
                {"results":[{"phase":"enqueue-single","jobs":2750,"nanos":1000305353,"cpu":{"redisMicros":138.5,"clientMicros":190.5,\
                "redisCommands":[{"command":"evalsha","calls":1,"micros":60.25},{"command":"hmset","calls":1.5,"micros":4}]}},\
                {"phase":"drain","jobs":20000,"nanos":6151370022,"cpu":{}},\
                {"phase":"latency-1000","jobs":1000,"nanos":999315684,"cpu":{"redisMicros":283.5,"clientMicros":623.25},\
                "latency":{"count":1000,"p50":1216.5,"p99":31830.25,"p999":39975.5,"max":39976,"lagP99":6273.75,"enqueueP99":950.5}}]}""");
        assertEquals(3, results.size());
        assertEquals(Measurement.throughput(LoadOptions.BULLMQ, Phase.ENQUEUE_SINGLE, 2750, 1000305353, new CpuPerJob(138.5, 190.5,
                List.of(new CpuPerJob.CommandCost("evalsha", 1, 60.25), new CpuPerJob.CommandCost("hmset", 1.5, 4)))), results.get(0));
        assertEquals(Phase.DRAIN, results.get(1).phase());
        assertEquals(Double.NaN, results.get(1).cpu().redisMicros());
        Measurement latency = results.get(2);
        assertEquals(Phase.latency(1000), latency.phase());
        assertEquals(Optional.of(new LatencySummary(1000, 1216.5, 31830.25, 39975.5, 39976, 6273.75, 950.5)), latency.latency());
    }

    @Test
    void phaseKeysMatchTheJavaSide() {
        for (Phase phase : List.of(Phase.ENQUEUE_SINGLE, Phase.ENQUEUE_BATCH, Phase.DRAIN, Phase.latency(2000))) {
            assertEquals(phase, BullMqDriver.phase(phase.key()));
        }
        assertThrows(IllegalStateException.class, () -> BullMqDriver.phase("warmup"));
    }
}
