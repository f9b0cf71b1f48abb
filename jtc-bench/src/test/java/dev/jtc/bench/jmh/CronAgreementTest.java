package dev.jtc.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cronutils.model.time.ExecutionTime;
import dev.jtc.schedule.CronSchedule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cron benchmark compares like with like: for its expressions jtc and cron-utils find the same next runs. */
class CronAgreementTest {

    @Test
    void jtcAndCronUtilsAgreeOnTheBenchmarkedExpressions() {
        SplittableRandom random = new SplittableRandom(7);
        for (String expression : CronBenchmark.EXPRESSIONS) {
            CronSchedule jtc = CronSchedule.of(expression, ZoneOffset.UTC);
            ExecutionTime cronUtils = CronBenchmark.cronUtils(expression);
            for (int i = 0; i < 200; i++) {
                Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextLong(4 * 365L * 86_400L));
                Instant expected = cronUtils.nextExecution(start.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toInstant).orElseThrow();
                assertEquals(expected, jtc.nextRunAfter(start).orElseThrow(), expression + " after " + start);
            }
        }
    }

    @Test
    void theParameterListIsTheTestedList() throws Exception {
        String[] declared = CronBenchmark.class.getField("expression")
                .getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
        assertEquals(java.util.List.of(CronBenchmark.EXPRESSIONS), java.util.List.of(declared));
    }
}
