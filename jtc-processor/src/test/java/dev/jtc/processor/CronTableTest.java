package dev.jtc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyErrorAt;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.compile;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cron expressions through the compiler: every valid one compiles (into the registry, as written),
 * every invalid or never-firing one fails with its tag on the {@code @Cron} line. The evaluation of
 * these expressions is tested in jtc-runtime's {@code CronNextRunTest}.
 */
final class CronTableTest {

    private static final List<String> VALID = List.of(
            "* * * * *", "0 * * * *", "*/15 * * * *", "5-50/5 * * * *", "0,15,30,45 * * * *",
            "0 9 * * MON-FRI", "0 9 * * mon-fri", "30 8 * * 1-5", "0 0 * * 0", "0 0 * * 7", "0 0 * * SUN",
            "0 0 * * FRI-SUN", "0 0 1 * *", "0 12 15 * *", "0 0 29 2 *",
            "0 0 31 1,3,5,7,8,10,12 *", "0 0 1 JAN *", "0 12 1 JAN-MAR,OCT *", "0 0 */2 * 1", "0 0 1 * 1",
            "0 0 13 * FRI", "59 23 31 12 *", "0 */6 * * *", "0 0-2,22-23 * * *",
            "*/7 * * * *", "0 0 1-7 * MON", "0 4 8-14 * *",
            "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

    @Test
    void everyValidExpressionCompilesIntoTheScheduleAsWritten() throws IOException {
        String methods = IntStream.range(0, VALID.size())
                .mapToObj(i -> "    @Cron(\"" + VALID.get(i) + "\") void task" + i + "() {}")
                .collect(Collectors.joining("\n"));
        JavaFileObject owner = source("p.Maintenance", """
                package p;

                import dev.jtc.Cron;
                import jakarta.inject.Inject;

                final class Maintenance {
                    @Inject Maintenance() {}

                """ + methods + "\n}\n");

        Compilation compilation = compileWithDagger(APP, owner);

        assertThat(compilation).succeededWithoutWarnings();
        String schedule = compilation.generatedSourceFile("p.MaintenanceSchedule").orElseThrow()
                .getCharContent(true).toString();
        for (int i = 0; i < VALID.size(); i++) {
            assertThat(schedule).contains("ScheduledTask.cron(\"Maintenance.task" + i + "\", \"" + VALID.get(i) + "\"");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                     | invalid-cron
            '* * * *'              | invalid-cron
            '0 0 * * * *'          | invalid-cron
            '60 * * * *'           | invalid-cron
            '0 24 * * *'           | invalid-cron
            '0 0 0 * *'            | invalid-cron
            '0 0 32 * *'           | invalid-cron
            '0 0 * 13 *'           | invalid-cron
            '0 0 * 0 *'            | invalid-cron
            '0 0 * * 8'            | invalid-cron
            '0 0 * * MONDAY'       | invalid-cron
            '0 0 * JANUARY *'      | invalid-cron
            '*/0 * * * *'          | invalid-cron
            '30-10 * * * *'        | invalid-cron
            '0 0 ? * MON'          | invalid-cron
            '0 0 L * *'            | invalid-cron
            '0 0 * * MON#2'        | invalid-cron
            '@reboot'              | invalid-cron
            '@every 5m'            | invalid-cron
            'a b c d e'            | invalid-cron
            '0 0 30 2 *'           | cron-never-fires
            '0 0 31 2 *'           | cron-never-fires
            '0 0 31 4,6,9,11 *'    | cron-never-fires
            '0 0 31 APR *'         | cron-never-fires
            '0 0 30-31 FEB *'      | cron-never-fires
            """)
    void everyInvalidOrNeverFiringExpressionFailsOnTheCronLine(String expression, String tag) {
        JavaFileObject owner = source("p.Maintenance", """
                package p;

                import dev.jtc.Cron;
                import jakarta.inject.Inject;

                final class Maintenance {
                    @Inject Maintenance() {}

                    @Cron("%s") void cleanup() {}
                }
                """.formatted(expression));

        assertOnlyErrorAt(compile(APP, owner), "[jtc:" + tag + "] @Cron(\"" + expression + "\") on p.Maintenance.cleanup()",
                owner, "@Cron(", "\"" + expression + "\"");
    }
}
