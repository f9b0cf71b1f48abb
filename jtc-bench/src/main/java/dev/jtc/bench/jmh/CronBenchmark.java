package dev.jtc.bench.jmh;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.jtc.schedule.CronSchedule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long jtc takes to find a cron expression's next run ({@link CronSchedule#nextRunAfter}),
 * against cron-utils' {@code ExecutionTime.nextExecution} for the same expression in UTC, from
 * start times spread over a year. The expressions avoid the two places where jtc deliberately
 * differs from cron-utils (Vixie's star rule, DST gaps), so both compute the same answer (the
 * bench's tests check that).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CronBenchmark {

    static final String[] EXPRESSIONS = {"*/5 * * * *", "0 9 * * MON-FRI", "30 2 1,15 * *", "0 0 29 2 *"};
    private static final int STARTS = 1024;

    @Param({"*/5 * * * *", "0 9 * * MON-FRI", "30 2 1,15 * *", "0 0 29 2 *"})
    public String expression;

    private CronSchedule jtc;
    private ExecutionTime cronUtils;
    private final Instant[] instants = new Instant[STARTS];
    private final ZonedDateTime[] zoned = new ZonedDateTime[STARTS];
    private int next;

    @Setup
    public void setUp() {
        jtc = CronSchedule.of(expression, ZoneOffset.UTC);
        cronUtils = cronUtils(expression);
        SplittableRandom random = new SplittableRandom(20261122L);
        long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < STARTS; i++) {
            instants[i] = Instant.ofEpochSecond(from + random.nextLong(365L * 86_400L));
            zoned[i] = instants[i].atZone(ZoneOffset.UTC);
        }
    }

    static ExecutionTime cronUtils(String expression) {
        return ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(expression));
    }

    @Benchmark
    public Optional<Instant> nextRunJtc() {
        next = (next + 1) & (STARTS - 1);
        return jtc.nextRunAfter(instants[next]);
    }

    @Benchmark
    public Optional<ZonedDateTime> nextRunCronUtils() {
        next = (next + 1) & (STARTS - 1);
        return cronUtils.nextExecution(zoned[next]);
    }
}
