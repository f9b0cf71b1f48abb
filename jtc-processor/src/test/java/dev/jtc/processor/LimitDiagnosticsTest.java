package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyError;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyErrorAt;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.compile;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic of a job's limits ({@code maxConcurrency}, {@code rateLimit}, {@code limitKey},
 * {@code @WithoutOverlapping}), each on the attribute value it is about: its line and column.
 */
final class LimitDiagnosticsTest {

    /** A job in package p with the given annotation lines and {@code handle} method. */
    private static JavaFileObject job(String annotations, String handle) {
        return source("p.SendEmail", """
                package p;

                import dev.jtc.Job;
                import dev.jtc.WithoutOverlapping;
                import dev.jtc.runtime.JobContext;
                import jakarta.inject.Inject;
                import java.util.List;

                """ + annotations + """

                final class SendEmail {
                    @Inject SendEmail() {}

                    record Address(String street, String city) {}

                """ + "    " + handle + "\n}\n");
    }

    private static void assertValueError(String message, String annotations, String handle, String lineText, String value) {
        JavaFileObject source = job(annotations, handle);
        assertOnlyErrorAt(compile(APP, source), message, source, lineText, value);
    }

    @Test
    void negativeMaxConcurrency() {
        assertValueError("[jtc:invalid-limit] maxConcurrency = -1 on @Job class p.SendEmail is negative: write 0 for no limit, or"
                + " the most attempts that may run at once across all workers",
                "@Job(maxConcurrency = -1)", "void handle(long userId) {}", "@Job(", "-1");
    }

    @Test
    void rateLimitWithoutASlash() {
        assertValueError("[jtc:invalid-limit] rateLimit \"100 per minute\" on @Job class p.SendEmail does not parse: it has no '/'"
                + " between the count and the duration. Write <count>/<duration>, e.g. \"100/1m\" (100 per minute) or \"10/1s\"",
                "@Job(rateLimit = \"100 per minute\")", "void handle(long userId) {}", "@Job(", "\"100 per minute\"");
    }

    @Test
    void rateLimitWhoseDurationDoesNotParse() {
        assertValueError("[jtc:invalid-limit] rateLimit \"100/minute\" on @Job class p.SendEmail does not parse: after the '/',"
                + " 'minute' is not a duration: write 30s, 5m, 1h30m, 2d or ISO-8601 like PT30S. Write <count>/<duration>",
                "@Job(rateLimit = \"100/minute\")", "void handle(long userId) {}", "@Job(", "\"100/minute\"");
    }

    @Test
    void rateLimitOfNoAttempts() {
        assertValueError("[jtc:invalid-limit] rateLimit \"0/1m\" on @Job class p.SendEmail does not parse: the count '0' is not a"
                + " whole number from 1 to 2147483647. Write <count>/<duration>",
                "@Job(rateLimit = \"0/1m\")", "void handle(long userId) {}", "@Job(", "\"0/1m\"");
    }

    @Test
    void rateLimitOverAnEmptyWindow() {
        assertValueError("[jtc:invalid-limit] rateLimit \"10/0s\" on @Job class p.SendEmail does not parse: the duration '0s' is"
                + " not longer than zero. Write <count>/<duration>",
                "@Job(rateLimit = \"10/0s\")", "void handle(long userId) {}", "@Job(", "\"10/0s\"");
    }

    @Test
    void limitKeyThatNamesNoParameterListsThem() {
        assertValueError("[jtc:invalid-limit-key] limitKey = \"customer\" on @Job class p.SendEmail names no payload parameter of"
                + " handle(...): write one of \"userId\", \"region\"",
                "@Job(maxConcurrency = 2, limitKey = \"customer\")", "void handle(long userId, String region, JobContext context) {}",
                "@Job(", "\"customer\"");
    }

    @Test
    void limitKeyThatNamesTheJobContext() {
        assertValueError("[jtc:invalid-limit-key] limitKey = \"context\" on @Job class p.SendEmail names no payload parameter of"
                + " handle(...) ('context' is its JobContext, which is not in the payload): write one of \"userId\"",
                "@Job(rateLimit = \"10/1s\", limitKey = \"context\")", "void handle(long userId, JobContext context) {}",
                "@Job(", "\"context\"");
    }

    @Test
    void limitKeyOfAHandleWithoutPayload() {
        assertValueError("[jtc:invalid-limit-key] limitKey = \"userId\" on @Job class p.SendEmail names no payload parameter of"
                + " handle(...): it takes none; remove the key, or add the parameter to handle",
                "@Job(maxConcurrency = 1, limitKey = \"userId\")", "void handle() {}", "@Job(", "\"userId\"");
    }

    @Test
    void limitKeyOfAList() {
        assertValueError("[jtc:invalid-limit-key] limitKey = \"tags\" on @Job class p.SendEmail names parameter 'tags' of type"
                + " java.util.List<java.lang.String>, which has no plain value to key by: name a parameter that is a String, a"
                + " primitive or its box, an enum, a java.time value, UUID, BigDecimal or BigInteger (an id rather than the object)",
                "@Job(maxConcurrency = 3, limitKey = \"tags\")", "void handle(long userId, List<String> tags) {}", "@Job(",
                "\"tags\"");
    }

    @Test
    void limitKeyWithoutALimit() {
        assertValueError("[jtc:invalid-limit-key] limitKey = \"userId\" on @Job class p.SendEmail keys no limit: add maxConcurrency"
                + " or rateLimit, or remove it",
                "@Job(limitKey = \"userId\")", "void handle(long userId) {}", "@Job(", "\"userId\"");
    }

    @Test
    void overlapKeyThatNamesNoParameter() {
        assertValueError("[jtc:invalid-limit-key] @WithoutOverlapping(key = \"order\") on @Job class p.SendEmail names no payload"
                + " parameter of handle(...): write one of \"orderId\"",
                "@Job\n@WithoutOverlapping(key = \"order\")", "void handle(long orderId) {}", "@WithoutOverlapping(", "\"order\"");
    }

    @Test
    void overlapKeyOfARecord() {
        assertValueError("[jtc:invalid-limit-key] @WithoutOverlapping(key = \"address\") on @Job class p.SendEmail names parameter"
                + " 'address' of type p.SendEmail.Address, which has no plain value to key by",
                "@Job\n@WithoutOverlapping(key = \"address\")", "void handle(Address address) {}", "@WithoutOverlapping(",
                "\"address\"");
    }

    @Test
    void withoutOverlappingOnAClassThatIsNoJob() {
        JavaFileObject helper = source("p.Helper", """
                package p;

                import dev.jtc.WithoutOverlapping;

                @WithoutOverlapping
                final class Helper {}
                """);
        JavaFileObject job = job("@Job", "void handle(long userId) {}");
        assertOnlyError(compile(APP, job, helper), "[jtc:invalid-limit] @WithoutOverlapping on p.Helper has no effect: it holds the"
                + " attempts of a @Job class to one at a time, and Helper is not one; add @Job, or remove @WithoutOverlapping (a"
                + " scheduled method skips overlapping ticks with overlap = false)", helper, "@WithoutOverlapping");
    }

    @Test
    void keysOfEveryPlainKindCompileCleanly() {
        JavaFileObject priority = source("p.Priority", """
                package p;

                enum Priority { LOW, HIGH }
                """);
        JavaFileObject source = job("@Job(maxConcurrency = 2, rateLimit = \"5/PT30S\", limitKey = \"priority\")\n"
                        + "@WithoutOverlapping(key = \"orderId\")",
                "void handle(java.util.UUID orderId, Priority priority, Integer count, java.time.LocalDate day,"
                        + " java.math.BigDecimal amount, char grade, JobContext context) {}");
        assertThat(compileWithDagger(APP, source, priority)).succeededWithoutWarnings();
    }
}
