package dev.jtc.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random expressions evaluated by jtc and by cron-utils, an independent implementation, in UTC.
 * Left out on purpose are the two places where jtc deliberately differs (FACTS.md): a day field
 * written as {@code *}{@code /n} next to a restricted other day field (Vixie's star rule), and
 * daylight-saving gaps (no DST in UTC).
 */
class CronUtilsAgreementTest {

    private static final int EXPRESSIONS = 400;
    private static final int TICKS = 4;
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final CronParser oracle = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private final Random random = new Random(20261122L);

    @Test
    void agreesWithCronUtilsOnRandomExpressions() {
        int compared = 0;
        for (int i = 0; i < EXPRESSIONS; i++) {
            String expression = randomExpression();
            CronExpression cron = CronSchedule.check(expression).cron();
            if (cron.neverFires()) {
                continue;
            }
            CronSchedule schedule = CronSchedule.of(cron, ZoneOffset.UTC);
            ExecutionTime reference = reference(expression);
            Instant start = Instant.ofEpochSecond(1_577_836_800L + (long) (random.nextDouble() * 315_360_000L)); // 2020..2030
            assertEquals(referenceTicks(reference, start), ticks(schedule, start), expression + " after " + start);
            compared++;
        }
        assertEquals(true, compared > EXPRESSIONS * 3 / 4, "compared " + compared);
    }

    private ExecutionTime reference(String expression) {
        try {
            return ExecutionTime.forCron(oracle.parse(expression));
        } catch (IllegalArgumentException rejected) {
            throw new AssertionError("cron-utils rejects " + expression + ": " + rejected.getMessage(), rejected);
        }
    }

    private static List<Instant> ticks(CronSchedule schedule, Instant start) {
        List<Instant> ticks = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i < TICKS; i++) {
            at = schedule.nextRunAfter(at).orElseThrow();
            ticks.add(at);
        }
        return ticks;
    }

    private static List<Instant> referenceTicks(ExecutionTime reference, Instant start) {
        List<Instant> ticks = new ArrayList<>();
        ZonedDateTime at = start.atZone(ZoneOffset.UTC);
        for (int i = 0; i < TICKS; i++) {
            at = reference.nextExecution(at).orElseThrow();
            ticks.add(at.toInstant());
        }
        return ticks;
    }

    private String randomExpression() {
        String dayOfMonth;
        String dayOfWeek;
        switch (random.nextInt(4)) {
            case 0 -> {
                dayOfMonth = "*";
                dayOfWeek = "*";
            }
            case 1 -> {
                dayOfMonth = field(1, 31, null, true);
                dayOfWeek = "*";
            }
            case 2 -> {
                dayOfMonth = "*";
                dayOfWeek = field(0, 6, DAYS, true);
            }
            default -> {
                dayOfMonth = field(1, 31, null, false);
                dayOfWeek = field(0, 6, DAYS, false);
            }
        }
        return String.join(" ", field(0, 59, null, true), field(0, 23, null, true), dayOfMonth,
                field(1, 12, MONTHS, true), dayOfWeek);
    }

    /** A random field: *, a value, a range, a stepped star or range, or a list of those. */
    private String field(int min, int max, String[] names, boolean starAllowed) {
        int items = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            int kind = random.nextInt(starAllowed && items == 1 ? 5 : 3);
            int a = min + random.nextInt(max - min + 1);
            int b = a + random.nextInt(max - a + 1);
            int step = 1 + random.nextInt(Math.max(1, (max - min) / 2));
            parts.add(switch (kind) {
                case 0 -> value(a, names);
                case 1 -> value(a, names) + "-" + value(b, names);
                case 2 -> a + "-" + b + "/" + step;
                case 3 -> "*/" + step;
                default -> "*";
            });
        }
        return String.join(",", parts);
    }

    private String value(int value, String[] names) {
        // cron-utils reads the name SUN as 7, which breaks SUN-5; jtc reads it as 0 (Vixie), so leave it out here.
        if (names != null && random.nextBoolean() && !(names == DAYS && value == 0)) {
            return names[value - (names.length == 12 ? 1 : 0)];
        }
        return Integer.toString(value);
    }
}
