package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyError;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyErrorAt;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.columnOf;
import static dev.jtc.processor.TestSources.compile;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.lineOf;
import static dev.jtc.processor.TestSources.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every {@code @Cron}/{@code @Every} diagnostic, each on its exact line and, for values, its exact column. */
final class ScheduleDiagnosticsTest {

    private static JavaFileObject maintenance(String members) {
        return source("p.Maintenance", """
                package p;

                import dev.jtc.Cron;
                import dev.jtc.Every;
                import dev.jtc.runtime.JobContext;
                import jakarta.inject.Inject;

                final class Maintenance {
                    @Inject Maintenance() {}

                """ + members + "\n}\n");
    }

    /** Expects exactly one error for {@code members} of p.Maintenance, at {@code value} on the first line with {@code lineText}. */
    private static void assertValueError(String members, String message, String lineText, String value) {
        JavaFileObject source = maintenance(members);
        assertOnlyErrorAt(compile(APP, source), message, source, lineText, value);
    }

    /** Expects exactly one error for {@code members} of p.Maintenance, on the line that contains {@code lineText}. */
    private static void assertMethodError(String members, String message, String lineText) {
        JavaFileObject source = maintenance(members);
        assertOnlyError(compile(APP, source), message, source, lineText);
    }

    @Test
    void cronErrorWithFiveFieldsIsNotToldAboutFiveFields() {
        JavaFileObject source = maintenance("    @Cron(\"0 0 32 * *\") void cleanup() {}");
        Compilation compilation = compile(APP, source);
        assertOnlyErrorAt(compilation, "[jtc:invalid-cron] @Cron(\"0 0 32 * *\") on p.Maintenance.cleanup() is not a valid"
                + " cron expression: day-of-month 32 is out of range 1-31", source, "@Cron(", "\"0 0 32 * *\"");
        String text = compilation.errors().get(0).getMessage(Locale.ROOT);
        assertTrue(text.endsWith("day-of-month 32 is out of range 1-31"), text);
    }

    @Test
    void cronWithTooFewFieldsIsToldAboutFiveFields() {
        assertValueError("    @Cron(\"0 9 * *\") void cleanup() {}",
                "[jtc:invalid-cron] @Cron(\"0 9 * *\") on p.Maintenance.cleanup() is not a valid cron expression: 5 fields"
                        + " expected (minute hour day-of-month month day-of-week), got 4: write e.g. \"0 9 * * MON-FRI\""
                        + " (09:00 on weekdays), or an alias such as @daily",
                "@Cron(", "\"0 9 * *\"");
    }

    @Test
    void quartzCronIsToldToDropTheSecondsField() {
        assertValueError("    @Cron(\"0 0 12 * * ?\") void cleanup() {}",
                "[jtc:invalid-cron] @Cron(\"0 0 12 * * ?\") on p.Maintenance.cleanup() is not a valid cron expression: 5"
                        + " fields expected (minute hour day-of-month month day-of-week), got 6: this looks like Quartz or"
                        + " Spring cron, whose first field is seconds, and jtc has no seconds field: drop it and write '?' as"
                        + " '*': \"0 12 * * *\"",
                "@Cron(", "\"0 0 12 * * ?\"");
    }

    @Test
    void cronWithAYearIsToldToDropTheYear() {
        assertValueError("    @Cron(\"0 12 * * * 2026\") void cleanup() {}",
                "[jtc:invalid-cron] @Cron(\"0 12 * * * 2026\") on p.Maintenance.cleanup() is not a valid cron expression:"
                        + " 5 fields expected (minute hour day-of-month month day-of-week), got 6: the last field looks like a"
                        + " year, and jtc has no year field: drop it: \"0 12 * * *\"",
                "@Cron(", "\"0 12 * * * 2026\"");
    }

    @Test
    void cronWithSubMinuteSecondsIsToldToUseEvery() {
        assertValueError("    @Cron(\"*/10 * * * * *\") void cleanup() {}",
                "[jtc:invalid-cron] @Cron(\"*/10 * * * * *\") on p.Maintenance.cleanup() is not a valid cron expression:"
                        + " 5 fields expected (minute hour day-of-month month day-of-week), got 6: the first field reads as"
                        + " seconds ('*/10'), and cron runs at most once a minute: for a schedule more often than that use"
                        + " @Every(\"10s\")",
                "@Cron(", "\"*/10 * * * * *\"");
    }

    @Test
    void goStyleEveryIsToldToUseTheEveryAnnotation() {
        assertValueError("    @Cron(\"@every 5m\") void cleanup() {}",
                "[jtc:invalid-cron] @Cron(\"@every 5m\") on p.Maintenance.cleanup() is not a valid cron expression: @every"
                        + " is an interval in Go's robfig/cron syntax, not a cron expression: write @Every(\"5m\") on the"
                        + " method instead of @Cron",
                "@Cron(", "\"@every 5m\"");
    }

    @Test
    void cronThatNeverFires() {
        assertValueError("    @Cron(\"0 0 30 2 *\") void cleanup() {}",
                "[jtc:cron-never-fires] @Cron(\"0 0 30 2 *\") on p.Maintenance.cleanup() can never fire: day-of-month 30 never"
                        + " occurs in February (February has 28 days, 29 in leap years); choose a day that exists, such as"
                        + " \"0 0 28 2 *\"",
                "@Cron(", "\"0 0 30 2 *\"");
    }

    @Test
    void cronThatNeverFiresInAprilIsToldAboutApril() {
        assertValueError("    @Cron(value = \"0 0 31 4 *\", zone = \"Europe/Berlin\") void cleanup() {}",
                "[jtc:cron-never-fires] @Cron(\"0 0 31 4 *\") on p.Maintenance.cleanup() can never fire: day-of-month 31 never"
                        + " occurs in April (April has 30 days); choose a day that exists, such as \"0 0 30 4 *\"",
                "@Cron(", "\"0 0 31 4 *\"");
    }

    @Test
    void unknownZoneSuggestsAValidOne() {
        assertValueError("    @Cron(value = \"0 9 * * *\", zone = \"Europe/Berln\") void report() {}",
                "[jtc:invalid-zone] zone \"Europe/Berln\" on p.Maintenance.report() is not a time-zone id (did you mean"
                        + " \"Europe/Berlin\"?). Write a region id such as \"Europe/Berlin\" or \"America/New_York\", \"UTC\","
                        + " or a fixed offset such as \"+01:00\", or leave zone out for UTC",
                "@Cron(", "\"Europe/Berln\"");
    }

    @Test
    void abbreviatedZoneSuggestsTheRegionNotAnotherAbbreviation() {
        assertValueError("    @Cron(value = \"0 9 * * *\", zone = \"PST\") void report() {}",
                "[jtc:invalid-zone] zone \"PST\" on p.Maintenance.report() is a time-zone abbreviation, not a region id"
                        + " (did you mean \"America/Los_Angeles\"?)",
                "@Cron(", "\"PST\"");
    }

    @Test
    void cetIsRejectedThoughJavaTimeKnowsIt() {
        assertValueError("    @Cron(value = \"0 9 * * *\", zone = \"CET\") void report() {}",
                "[jtc:invalid-zone] zone \"CET\" on p.Maintenance.report() is a time-zone abbreviation, not a region id"
                        + " (did you mean \"Europe/Berlin\"?)",
                "@Cron(", "\"CET\"");
    }

    @Test
    void utcAndOffsetZonesCompile() {
        JavaFileObject source = maintenance("""
                    @Cron(value = "0 9 * * *", zone = "UTC") void one() {}
                    @Cron(value = "0 9 * * *", zone = "+05:30") void two() {}
                    @Cron(value = "0 9 * * *", zone = "Etc/GMT+5") void three() {}
                """);
        assertThat(compileWithDagger(APP, source)).succeededWithoutWarnings();
    }

    @Test
    void fixedTimeInTheSpringGapWarns() {
        JavaFileObject source = maintenance("    @Cron(value = \"30 2 * * *\", zone = \"Europe/Berlin\") void nightly() {}");
        Compilation compilation = compileWithDagger(APP, source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[jtc:dst] @Cron(\"30 2 * * *\") on p.Maintenance.nightly():")
                .inFile(source).onLine(lineOf(source, "@Cron(")).atColumn(columnOf(source, "\"30 2 * * *\""));
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void starMinuteInTheTransitionHourWarnsWithTheRunsOfTheDay() {
        JavaFileObject source = maintenance("    @Cron(value = \"*/30 2 * * *\", zone = \"Europe/Berlin\") void halfHourly() {}");
        Compilation compilation = compileWithDagger(APP, source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[jtc:dst] @Cron(\"*/30 2 * * *\") on p.Maintenance.halfHourly(): 02:00"
                        + " and 02:30 fall in the daylight-saving gap of Europe/Berlin (clocks jump 02:00→03:00 on the last Sunday"
                        + " of March) and do not happen that day, so it does not run at all that day; also, 02:00 and 02:30 fall"
                        + " in the repeated hour of Europe/Berlin (clocks go back 03:00→02:00 on the last Sunday of October) and"
                        + " happen twice, so it runs 4 times that day instead of 2. Pick a time outside the transition window")
                .inFile(source).onLine(lineOf(source, "@Cron(")).atColumn(columnOf(source, "\"*/30 2 * * *\""));
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void starMinuteDstWarningIsSuppressedLikeTheFixedTimeOne() {
        JavaFileObject source = maintenance("    @SuppressWarnings(\"jtc:dst\")\n"
                + "    @Cron(value = \"*/30 2 * * *\", zone = \"Europe/Berlin\") void halfHourly() {}");
        assertThat(compileWithDagger(APP, source)).succeededWithoutWarnings();
    }

    @Test
    void dstWarningIsSuppressedOnTheMethod() {
        JavaFileObject source = maintenance("    @SuppressWarnings(\"jtc:dst\")\n"
                + "    @Cron(value = \"30 2 * * *\", zone = \"Europe/Berlin\") void nightly() {}");
        assertThat(compileWithDagger(APP, source)).succeededWithoutWarnings();
    }

    @Test
    void dstWarningIsSuppressedOnTheClass() {
        JavaFileObject source = source("p.Maintenance", """
                package p;

                import dev.jtc.Cron;
                import jakarta.inject.Inject;

                @SuppressWarnings("jtc:dst")
                final class Maintenance {
                    @Inject Maintenance() {}

                    @Cron(value = "30 2 * * *", zone = "Europe/Berlin") void nightly() {}
                }
                """);
        assertThat(compileWithDagger(APP, source)).succeededWithoutWarnings();
    }

    @Test
    void everyThatDoesNotParse() {
        assertValueError("    @Every(\"30 seconds\") void ping() {}",
                "[jtc:invalid-duration] @Every(\"30 seconds\") on p.Maintenance.ping():", "@Every(", "\"30 seconds\"");
    }

    @Test
    void everyOfZero() {
        assertValueError("    @Every(\"0s\") void ping() {}",
                "[jtc:invalid-duration] @Every(\"0s\") on p.Maintenance.ping(): the duration must be longer than zero",
                "@Every(", "\"0s\"");
    }

    @Test
    void negativeIsoInterval() {
        assertValueError("    @Every(\"PT-5S\") void ping() {}",
                "[jtc:invalid-duration] @Every(\"PT-5S\")", "@Every(", "\"PT-5S\"");
    }

    @Test
    void everyBelowAMillisecondWarns() {
        JavaFileObject source = maintenance("    @Every(\"PT0.0005S\") void spin() {}");
        Compilation compilation = compileWithDagger(APP, source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[jtc:every-resolution] @Every(\"PT0.0005S\") on p.Maintenance.spin() is"
                        + " shorter than the scheduler's resolution of 1ms: ticks are told apart by their millisecond (Redis"
                        + " records them as epoch milliseconds, the key that runs each tick once), so at most one tick a"
                        + " millisecond runs: the task runs about every 1ms, not every PT0.0005S. Write 1ms or more")
                .inFile(source).onLine(lineOf(source, "@Every(")).atColumn(columnOf(source, "\"PT0.0005S\""));
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void subSecondEveryOfAMillisecondOrMoreCompilesWithoutWarnings() {
        JavaFileObject source = maintenance("    @Every(\"200ms\") void fast() {}\n    @Every(\"1ms\") void fastest() {}");
        assertThat(compileWithDagger(APP, source)).succeededWithoutWarnings();
    }

    @Test
    void everyResolutionWarningIsSuppressed() {
        JavaFileObject source = maintenance("    @SuppressWarnings(\"jtc:every-resolution\")\n    @Every(\"PT0.0005S\") void spin() {}");
        assertThat(compileWithDagger(APP, source)).succeededWithoutWarnings();
    }

    @Test
    void malformedTaskTimeout() {
        assertValueError("    @Every(value = \"1m\", timeout = \"soon\") void ping() {}",
                "[jtc:invalid-duration] timeout = \"soon\" on p.Maintenance.ping():", "@Every(", "\"soon\"");
    }

    @Test
    void negativeTaskRetries() {
        assertValueError("    @Cron(value = \"@hourly\", retries = -1) void cleanup() {}",
                "[jtc:invalid-retries] retries = -1 on p.Maintenance.cleanup() is negative", "@Cron(", "-1");
    }

    @Test
    void bothCronAndEvery() {
        assertMethodError("    @Cron(\"@hourly\")\n    @Every(\"5m\") void cleanup() {}",
                "[jtc:conflicting-schedules] p.Maintenance.cleanup() has both @Cron and @Every", "@Every(\"5m\")");
    }

    @Test
    void privateScheduledMethod() {
        assertMethodError("    @Every(\"5m\") private void cleanup() {}",
                "[jtc:invalid-scheduled-method] p.Maintenance.cleanup() is private", "@Every(\"5m\")");
    }

    @Test
    void staticScheduledMethod() {
        assertMethodError("    @Every(\"5m\") static void cleanup() {}",
                "[jtc:invalid-scheduled-method] p.Maintenance.cleanup() is static", "@Every(\"5m\")");
    }

    @Test
    void abstractScheduledMethod() {
        JavaFileObject source = source("p.Maintenance", """
                package p;

                import dev.jtc.Every;

                interface Maintenance {
                    @Every("5m") void cleanup();
                }
                """);
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:invalid-scheduled-method] p.Maintenance.cleanup() is abstract")
                .inFile(source).onLineContaining("@Every(\"5m\")");
        assertThat(compilation).hadErrorContaining("[jtc:not-injectable] p.Maintenance (it has scheduled methods) cannot be"
                + " created by Dagger: it is an interface").inFile(source).onLineContaining("interface Maintenance");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void scheduledMethodWithPayloadParameters() {
        assertMethodError("    @Every(\"5m\") void cleanup(String folder) {}",
                "[jtc:invalid-parameters] p.Maintenance.cleanup() takes (java.lang.String):"
                        + " a scheduled method takes no parameters or a single dev.jtc.runtime.JobContext",
                "@Every(\"5m\")");
    }

    @Test
    void invalidTaskName() {
        assertValueError("    @Every(value = \"5m\", name = \"clean up\") void cleanup() {}",
                "[jtc:invalid-name] task name \"clean up\" of p.Maintenance.cleanup() may only"
                        + " contain ASCII letters, digits, '.', '_' and '-' (names become Redis keys): write name = \"clean-up\"",
                "@Every(", "\"clean up\"");
    }

    @Test
    void invalidTaskQueue() {
        assertValueError("    @Every(value = \"5m\", queue = \"low/prio\") void cleanup() {}",
                "[jtc:invalid-queue] queue \"low/prio\" of p.Maintenance.cleanup()", "@Every(", "\"low/prio\"");
    }

    @Test
    void taskOwnerWithoutInjectConstructor() {
        JavaFileObject source = source("p.Maintenance", """
                package p;

                import dev.jtc.Every;

                final class Maintenance {
                    Maintenance(String folder) {}

                    @Every("5m") void cleanup() {}
                }
                """);
        assertOnlyError(compile(APP, source),
                "[jtc:not-injectable] p.Maintenance (it has scheduled methods) cannot be created"
                        + " by Dagger: it has no @Inject constructor, and Dagger creates only classes that have one; add @Inject"
                        + " (jakarta.inject.Inject) to a constructor, e.g. @Inject Maintenance() {}",
                source, "final class Maintenance");
    }

    @Test
    void innerTaskOwner() {
        JavaFileObject source = source("p.Outer", """
                package p;

                import dev.jtc.Every;

                final class Outer {
                    final class Maintenance {
                        Maintenance() {}

                        @Every("5m") void cleanup() {}
                    }
                }
                """);
        assertOnlyError(compile(APP, source),
                "[jtc:not-injectable] p.Outer.Maintenance (it has scheduled methods) cannot be"
                        + " created by Dagger: it is an inner (non-static) class, which needs an outer instance; make it static",
                source, "final class Maintenance");
    }

    @Test
    void taskOwnerInAnotherPackageMustBePublic() {
        JavaFileObject source = source("q.Maintenance", """
                package q;

                import dev.jtc.Every;
                import jakarta.inject.Inject;

                final class Maintenance {
                    @Inject public Maintenance() {}

                    @Every("5m") public void cleanup() {}
                }
                """);
        assertOnlyError(compile(APP, source),
                "[jtc:not-public] q.Maintenance (it has scheduled methods) is not public, but the"
                        + " generated classes are in package p and must call it: make it public",
                source, "final class Maintenance");
    }

    @Test
    void scheduledMethodInAnotherPackageMayBePackagePrivateSinceItsScheduleSitsBesideIt() {
        JavaFileObject source = source("q.Maintenance", """
                package q;

                import dev.jtc.Every;
                import jakarta.inject.Inject;

                public final class Maintenance {
                    @Inject public Maintenance() {}

                    @Every("5m") void cleanup() {}
                }
                """);
        Compilation compilation = compileWithDagger(APP, source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("q.MaintenanceSchedule").contentsAsUtf8String().contains("owner.cleanup();");
    }

    @Test
    void allErrorsOfACompilationAreReported() {
        JavaFileObject source = maintenance("""
                    @Cron("0 0 32 * *") void one() {}
                    @Every("0s") void two() {}
                    @Cron(value = "@daily", zone = "Mars/Olympus") void three() {}
                """);
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:invalid-cron]").inFile(source).onLineContaining("void one()");
        assertThat(compilation).hadErrorContaining("[jtc:invalid-duration]").inFile(source).onLineContaining("void two()");
        assertThat(compilation).hadErrorContaining("[jtc:invalid-zone]").inFile(source).onLineContaining("void three()");
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    void overloadedScheduledMethodsAreToldApartInTheDuplicateNameMessage() {
        JavaFileObject source = maintenance("""
                    @Every("1m") void ping() {}
                    @Every("5m") void ping(JobContext context) {}
                """);
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:duplicate-name] the name \"Maintenance.ping\" of @Every method"
                + " p.Maintenance.ping(JobContext) is already used by @Every method p.Maintenance.ping()")
                .inFile(source).onLineContaining("void ping(JobContext context)");
        assertThat(compilation).hadErrorContaining("[jtc:duplicate-name] the name \"Maintenance.ping\" of @Every method"
                + " p.Maintenance.ping() is already used by @Every method p.Maintenance.ping(JobContext)")
                .inFile(source).onLineContaining("void ping() {}");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void overloadedScheduledMethodsWithTheirOwnNamesStillClashInTheSchedule() {
        assertMethodError("""
                    @Every(value = "1m", name = "ping-often") void ping() {}
                    @Every(value = "5m", name = "ping-rarely") void ping(JobContext context) {}
                """,
                "[jtc:name-clash] p.Maintenance.ping() and p.Maintenance.ping(JobContext) would both be the generated"
                        + " MaintenanceSchedule.ping(...): rename one of the methods",
                "void ping(JobContext context)");
    }

    @Test
    void overloadOfAScheduledMethodWithoutScheduleIsLeftAlone() {
        JavaFileObject source = maintenance("""
                    @Every("1m") void ping() {}
                    void ping(JobContext context) {}
                """);
        Compilation compilation = compileWithDagger(APP, source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.ShopAppJobRunner").contentsAsUtf8String()
                .contains("case \"Maintenance.ping\" -> MaintenanceSchedule.ping(component.maintenancePing(), context);");
    }

    @Test
    void classWithMoreScheduledMethodsThanOneScheduleHolds() {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            members.append("    @Every(\"").append(i + 1).append("m\") void task").append(i).append("() {}\n");
        }
        JavaFileObject source = maintenance(members.toString());
        assertOnlyError(compile(APP, source), "[jtc:too-many-tasks] p.Maintenance has 101 scheduled methods; its generated"
                + " schedule holds at most 100", source, "final class Maintenance");
    }
}
