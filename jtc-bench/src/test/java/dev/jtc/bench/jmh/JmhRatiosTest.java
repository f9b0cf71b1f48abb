package dev.jtc.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.bench.jmh.JmhRatios.Score;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JmhRatiosTest {

    private static final String RESULT = """
            [
              {"benchmark":"dev.jtc.bench.jmh.JobIdsBenchmark.idJtc","mode":"avgt",
               "primaryMetric":{"score":100.0,"scoreError":2.5,"scoreUnit":"ns/op"}},
              {"benchmark":"dev.jtc.bench.jmh.JobIdsBenchmark.idRandomUuid","mode":"avgt",
               "primaryMetric":{"score":400.0,"scoreError":"NaN","scoreUnit":"ns/op"}},
              {"benchmark":"dev.jtc.bench.jmh.JobIdsBenchmark.idTwoThreadsJtc","mode":"avgt",
               "primaryMetric":{"score":300.0,"scoreError":1.0,"scoreUnit":"ns/op"}},
              {"benchmark":"dev.jtc.bench.jmh.JobIdsBenchmark.idTwoThreadsRandomUuid","mode":"avgt",
               "primaryMetric":{"score":150.0,"scoreError":1.0,"scoreUnit":"ns/op"}},
              {"benchmark":"dev.jtc.bench.jmh.CronBenchmark.nextRunJtc","mode":"avgt","params":{"expression":"0 9 * * *"},
               "primaryMetric":{"score":50.0,"scoreError":1.0,"scoreUnit":"ns/op"}},
              {"benchmark":"dev.jtc.bench.jmh.CronBenchmark.nextRunCronUtils","mode":"avgt","params":{"expression":"0 9 * * *"},
               "primaryMetric":{"score":500.0,"scoreError":1.0,"scoreUnit":"ns/op"}},
              {"benchmark":"dev.jtc.bench.jmh.CronBenchmark.nextRunCronUtils","mode":"avgt","params":{"expression":"*/5 * * * *"},
               "primaryMetric":{"score":700.0,"scoreError":1.0,"scoreUnit":"ns/op"}}
            ]
            """;

    @Test
    void readsJmhJson() throws Exception {
        List<Score> scores = JmhRatios.read(RESULT);
        assertEquals(7, scores.size());
        assertEquals(new Score("JobIdsBenchmark", "idJtc", "", 100.0, 2.5, "ns/op"), scores.get(0));
        assertEquals(Double.NaN, scores.get(1).error());
        assertEquals("expression=0 9 * * *", scores.get(4).params());
    }

    @Test
    void baselinesPairWithTheLongestGroupAndTheSameParameters() throws Exception {
        List<Score> scores = JmhRatios.read(RESULT);
        assertEquals(Optional.of(scores.get(0)), JmhRatios.jtcOf(scores.get(1), scores));
        assertEquals(Optional.of(scores.get(2)), JmhRatios.jtcOf(scores.get(3), scores));
        assertEquals(Optional.of(scores.get(4)), JmhRatios.jtcOf(scores.get(5), scores));
        assertEquals(Optional.empty(), JmhRatios.jtcOf(scores.get(6), scores), "no jtc run with that expression");
        assertEquals(Optional.empty(), JmhRatios.jtcOf(scores.get(0), scores), "a jtc run is no baseline");
    }

    @Test
    void rendersRatiosJtcOverBaseline() throws Exception {
        String text = JmhRatios.render(JmhRatios.read(RESULT));
        assertTrue(text.lines().anyMatch(l -> l.startsWith("JobIdsBenchmark.idRandomUuid") && l.endsWith("0.25")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("JobIdsBenchmark.idTwoThreadsRandomUuid") && l.endsWith("2.00")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("CronBenchmark.nextRunCronUtils") && l.endsWith("0.10")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("CronBenchmark.nextRunCronUtils") && l.endsWith("-")), text);
    }
}
