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

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every {@code @Job} diagnostic, each on its exact line and, for attribute values, its exact column. */
final class JobDiagnosticsTest {

    /** A job in package p with the given annotation line and body. */
    private static JavaFileObject job(String annotation, String body) {
        return source("p.SendEmail", """
                package p;

                import dev.jtc.Job;
                import dev.jtc.runtime.JobContext;
                import jakarta.inject.Inject;

                """ + annotation + """

                final class SendEmail {
                    @Inject SendEmail() {}

                """ + body + "\n}\n");
    }

    /** Expects exactly one error for a plain {@code @Job} with {@code body}, on the line that contains {@code lineText}. */
    private static void assertHandleError(String body, String message, String lineText) {
        JavaFileObject source = job("@Job", body);
        assertOnlyError(compile(APP, source), message, source, lineText);
    }

    private static void assertValueError(String tag, String message, String annotation, String value) {
        JavaFileObject source = job(annotation, "    void handle(long userId) {}");
        assertOnlyErrorAt(compile(APP, source), "[jtc:" + tag + "] " + message, source, annotation, value);
    }

    @Test
    void malformedTimeout() {
        assertValueError("invalid-duration", "timeout = \"thirty\" on @Job class p.SendEmail: 'thirty' is not a duration",
                "@Job(timeout = \"thirty\")", "\"thirty\"");
    }

    @Test
    void malformedBackoffBase() {
        assertValueError("invalid-duration", "backoffBase = \"1x\" on @Job class p.SendEmail:", "@Job(backoffBase = \"1x\")", "\"1x\"");
    }

    @Test
    void malformedBackoffCap() {
        assertValueError("invalid-duration", "backoffCap = \"forever\" on @Job class p.SendEmail:", "@Job(backoffCap = \"forever\")",
                "\"forever\"");
    }

    @Test
    void backoffBaseAboveCap() {
        assertValueError("invalid-backoff", "backoffBase = \"2h\" on @Job class p.SendEmail is longer than backoffCap = \"10m\"",
                "@Job(backoffBase = \"2h\")", "\"2h\"");
    }

    @Test
    void negativeRetries() {
        assertValueError("invalid-retries", "retries = -2 on @Job class p.SendEmail is negative", "@Job(retries = -2)", "-2");
    }

    @Test
    void invalidName() {
        assertValueError("invalid-name", "job name \"send email\" of p.SendEmail may only contain ASCII letters, digits, '.', '_' and '-'"
                + " (names become Redis keys): write name = \"send-email\"", "@Job(name = \"send email\")", "\"send email\"");
    }

    @Test
    void nameLongerThanTheLimit() {
        String name = "n".repeat(201);
        assertValueError("name-too-long", "job name \"" + "n".repeat(60) + "... (201 characters)\" of p.SendEmail is 201 characters"
                + " long; at most 200 are allowed", "@Job(name = \"" + name + "\")", "\"" + name + "\"");
    }

    @Test
    void queueLongerThanTheLimit() {
        String queue = "q".repeat(201);
        assertValueError("name-too-long", "queue \"" + "q".repeat(60) + "... (201 characters)\" of @Job class p.SendEmail is 201"
                + " characters long", "@Job(queue = \"" + queue + "\")", "\"" + queue + "\"");
    }

    @Test
    void nameOfExactlyTheLimitIsFine() {
        JavaFileObject source = job("@Job(name = \"" + "n".repeat(200) + "\")", "    void handle(long userId) {}");
        assertThat(compileWithDagger(APP, source)).succeededWithoutWarnings();
    }

    @Test
    void invalidQueue() {
        assertValueError("invalid-queue", "queue \"mail:high\" of @Job class p.SendEmail may only contain", "@Job(queue = \"mail:high\")",
                "\"mail:high\"");
    }

    @Test
    void duplicateNameIsReportedOnBothNamingTheOther() {
        JavaFileObject first = job("@Job(name = \"email\")", "    void handle() {}");
        JavaFileObject second = source("p.SendOtherEmail", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job(name = "email")
                final class SendOtherEmail {
                    @Inject SendOtherEmail() {}

                    void handle() {}
                }
                """);
        Compilation compilation = compile(APP, first, second);
        assertThat(compilation).hadErrorContaining("[jtc:duplicate-name] the name \"email\" of @Job class p.SendOtherEmail is already"
                        + " used by @Job class p.SendEmail")
                .inFile(second).onLine(lineOf(second, "@Job(")).atColumn(columnOf(second, "\"email\""));
        assertThat(compilation).hadErrorContaining("[jtc:duplicate-name] the name \"email\" of @Job class p.SendEmail is already"
                        + " used by @Job class p.SendOtherEmail")
                .inFile(first).onLine(lineOf(first, "@Job(")).atColumn(columnOf(first, "\"email\""));
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void taskAndJobShareOneNamespace() {
        JavaFileObject jobSource = job("@Job(name = \"cleanup\")", "    void handle() {}");
        JavaFileObject owner = source("p.Maintenance", """
                package p;

                import dev.jtc.Every;
                import jakarta.inject.Inject;

                final class Maintenance {
                    @Inject Maintenance() {}

                    @Every(value = "5m", name = "cleanup") void cleanup() {}
                }
                """);
        Compilation compilation = compile(APP, jobSource, owner);
        assertThat(compilation).hadErrorContaining("[jtc:duplicate-name] the name \"cleanup\" of @Every method p.Maintenance.cleanup()"
                        + " is already used by @Job class p.SendEmail")
                .inFile(owner).onLine(lineOf(owner, "@Every(")).atColumn(columnOf(owner, "\"cleanup\""));
        assertThat(compilation).hadErrorContaining("[jtc:duplicate-name] the name \"cleanup\" of @Job class p.SendEmail"
                        + " is already used by @Every method p.Maintenance.cleanup()")
                .inFile(jobSource).onLine(lineOf(jobSource, "@Job(")).atColumn(columnOf(jobSource, "\"cleanup\""));
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void noHandleMethod() {
        assertHandleError("    void run(long userId) {}",
                "[jtc:handle-method] @Job class p.SendEmail has no handle method", "@Job");
    }

    @Test
    void overloadedHandle() {
        assertHandleError("    void handle(long userId) {}\n    void handle(String email) {}",
                "[jtc:handle-method] @Job class p.SendEmail has 2 methods named handle", "void handle(String email)");
    }

    @Test
    void staticHandle() {
        assertHandleError("    static void handle(long userId) {}",
                "[jtc:handle-method] p.SendEmail.handle(...) is static", "static void handle");
    }

    @Test
    void handleThatReturnsAValueWarns() {
        JavaFileObject source = job("@Job", "    int handle(long userId) { return 1; }");
        Compilation compilation = compileWithDagger(APP, source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[jtc:handle-result] p.SendEmail.handle(...) returns int, which jtc"
                        + " discards: a job's result is neither stored nor passed on; declare handle void, or add"
                        + " @SuppressWarnings(\"jtc:handle-result\") to the method or its class if the value is meant for code"
                        + " that calls handle directly")
                .inFile(source).onLine(lineOf(source, "int handle(")).atColumn(columnOf(source, "handle("));
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void handleThatReturnsAFutureWarnsThatNobodyWaits() {
        JavaFileObject source = job("@Job",
                "    java.util.concurrent.CompletableFuture<Void> handle(long userId) { return null; }");
        Compilation compilation = compileWithDagger(APP, source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[jtc:handle-result] p.SendEmail.handle(...) returns"
                        + " java.util.concurrent.CompletableFuture<java.lang.Void>, which jtc neither waits for nor checks: the"
                        + " job counts as done, and a failure of that work as a success, as soon as handle returns; wait for it"
                        + " inside handle (join() or get()) and declare handle void, or add")
                .inFile(source).onLine(lineOf(source, "handle(long userId)")).atColumn(columnOf(source, "handle("));
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void handleResultWarningIsSuppressedOnTheMethod() {
        JavaFileObject source = job("@Job", "    @SuppressWarnings(\"jtc:handle-result\")\n    int handle(long userId) { return 1; }");
        assertThat(compileWithDagger(APP, source)).succeededWithoutWarnings();
    }

    @Test
    void handleResultWarningIsSuppressedOnTheClass() {
        JavaFileObject source = job("@Job\n@SuppressWarnings(\"jtc:handle-result\")", "    int handle(long userId) { return 1; }");
        assertThat(compileWithDagger(APP, source)).succeededWithoutWarnings();
    }

    @Test
    void privateHandle() {
        assertHandleError("    private void handle(long userId) {}",
                "[jtc:handle-method] p.SendEmail.handle(...) is private", "private void handle");
    }

    @Test
    void unsupportedPayloadTypeNamesParameterTypeAndTheSupportedTypes() {
        assertHandleError("    void handle(long userId,\n            Thread worker) {}",
                "[jtc:unsupported-payload-type] parameter 'worker' of p.SendEmail.handle(...) has"
                        + " type java.lang.Thread, which cannot travel in a JSON payload: java.lang.Thread is not a type jtc can"
                        + " encode. Supported: primitives and their boxes, String, enums, java.time",
                "Thread worker");
    }

    @Test
    void unsupportedTypeInsideAContainer() {
        assertHandleError("    void handle(java.util.List<Object> things) {}",
                "[jtc:unsupported-payload-type] parameter 'things' of p.SendEmail.handle(...) has"
                        + " type java.util.List<java.lang.Object>, which cannot travel in a JSON payload: java.lang.Object"
                        + " is not a type jtc can encode",
                "List<Object> things");
    }

    @Test
    void mapKeysMustBeStrings() {
        assertHandleError("    void handle(java.util.Map<Integer, String> names) {}",
                "map keys must be String (they become JSON object keys), not java.lang.Integer", "Map<Integer, String> names");
    }

    @Test
    void recordCycleIsAnError() {
        JavaFileObject node = source("p.Node", """
                package p;

                import java.util.List;

                public record Node(String label, List<Node> children) {}
                """);
        JavaFileObject source = job("@Job", "    void handle(Node tree) {}");
        assertOnlyError(compile(APP, node, source),
                "[jtc:unsupported-payload-type] parameter 'tree' of p.SendEmail.handle(...) has type"
                        + " p.Node, which cannot travel in a JSON payload: component children of record p.Node: the record p.Node"
                        + " contains itself (p.Node -> p.Node)",
                source, "Node tree");
    }

    @Test
    void secondJobContextIsAnError() {
        assertHandleError("    void handle(JobContext first,\n            JobContext second) {}",
                "[jtc:invalid-parameters] p.SendEmail.handle takes (dev.jtc.runtime.JobContext,"
                        + " dev.jtc.runtime.JobContext): a handle method declares JobContext at most once",
                "JobContext second");
    }

    @Test
    void abstractJob() {
        JavaFileObject source = source("p.SendEmail", """
                package p;

                import dev.jtc.Job;

                @Job
                abstract class SendEmail {
                    abstract void handle(long userId);
                }
                """);
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:not-injectable] @Job class p.SendEmail cannot be created by Dagger: it is"
                + " abstract; make it a concrete class").inFile(source).onLineContaining("@Job");
        assertThat(compilation).hadErrorContaining("[jtc:handle-method] p.SendEmail.handle(...) is abstract");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void jobWithoutInjectConstructorEvenWithANoArgConstructor() {
        JavaFileObject source = source("p.SendEmail", """
                package p;

                import dev.jtc.Job;

                @Job
                public final class SendEmail {
                    public SendEmail() {}

                    void handle(long userId) {}
                }
                """);
        assertOnlyError(compile(APP, source),
                "[jtc:not-injectable] @Job class p.SendEmail cannot be created by Dagger: it has"
                        + " no @Inject constructor, and Dagger creates only classes that have one; add @Inject"
                        + " (jakarta.inject.Inject) to a constructor, e.g. @Inject SendEmail() {}",
                source, "@Job");
    }

    @Test
    void privateJob() {
        JavaFileObject source = source("p.Jobs", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                final class Jobs {
                    @Job
                    private static final class SendEmail {
                        @Inject SendEmail() {}

                        void handle(long userId) {}
                    }
                }
                """);
        assertOnlyError(compile(APP, source),
                "[jtc:not-injectable] @Job class p.Jobs.SendEmail cannot be created by Dagger: it"
                        + " is private; make it package-private or public",
                source, "@Job");
    }

    @Test
    void privateInjectConstructor() {
        JavaFileObject source = source("p.SendEmail", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class SendEmail {
                    @Inject private SendEmail() {}

                    void handle(long userId) {}
                }
                """);
        assertOnlyError(compile(APP, source),
                "[jtc:not-injectable] @Job class p.SendEmail cannot be created by Dagger: its @Inject constructor is private",
                source, "@Inject private SendEmail()");
    }

    @Test
    void jobInAnotherPackageNeedsAPublicInjectConstructor() {
        JavaFileObject source = source("q.SendEmail", """
                package q;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                public final class SendEmail {
                    @Inject SendEmail() {}

                    public void handle(long userId) {}
                }
                """);
        assertOnlyError(compile(APP, source),
                "[jtc:not-public] the @Inject constructor of q.SendEmail is not public, but the"
                        + " generated classes are in package p and must call it: make the constructor public",
                source, "@Inject SendEmail()");
    }

    @Test
    void jobInAnotherPackageMustBePublic() {
        JavaFileObject source = source("q.SendEmail", """
                package q;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class SendEmail {
                    @Inject public SendEmail() {}

                    public void handle(long userId) {}
                }
                """);
        assertOnlyError(compile(APP, source),
                "[jtc:not-public] @Job class q.SendEmail is not public, but the generated classes"
                        + " are in package p and must call it: make it public",
                source, "@Job");
    }

    @Test
    void handleInAnotherPackageMayBePackagePrivateSinceItsCodecSitsBesideIt() {
        JavaFileObject source = source("q.SendEmail", """
                package q;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                public final class SendEmail {
                    @Inject public SendEmail() {}

                    void handle(long userId) {}
                }
                """);
        Compilation compilation = compileWithDagger(APP, source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("q.SendEmailCodec").contentsAsUtf8String().contains("job.handle(p.userId());");
    }

    @Test
    void payloadEnumInAnotherPackageMustBePublic() {
        JavaFileObject status = source("q.Status", """
                package q;

                enum Status { NEW, DONE }
                """);
        JavaFileObject source = source("q.Update", """
                package q;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                public final class Update {
                    @Inject public Update() {}

                    public void handle(Status status) {}
                }
                """);
        assertOnlyError(compile(APP, status, source),
                "[jtc:not-public] q.Status, in parameter 'status' of q.Update.handle(...), is not public, but the generated"
                        + " classes are in package p and must call it: make it public",
                source, "Status status");
    }

    @Test
    void namesThatBecomeTheSameMethodClashOnBoth() {
        JavaFileObject first = job("@Job(name = \"ship-order\")", "    void handle() {}");
        JavaFileObject second = source("p.ShipAgain", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job(name = "shipOrder")
                final class ShipAgain {
                    @Inject ShipAgain() {}

                    void handle() {}
                }
                """);
        Compilation compilation = compile(APP, first, second);
        assertThat(compilation).hadErrorContaining("[jtc:name-clash] @Job class p.SendEmail (name \"ship-order\") and @Job class"
                        + " p.ShipAgain (name \"shipOrder\") would both be ShopAppJobs.shipOrder(...) and ShopAppComponent.shipOrder():"
                        + " set another @Job(name = \"...\") on one of them")
                .inFile(first).onLine(lineOf(first, "@Job(")).atColumn(columnOf(first, "\"ship-order\""));
        assertThat(compilation).hadErrorContaining("[jtc:name-clash] @Job class p.ShipAgain (name \"shipOrder\") and @Job class"
                        + " p.SendEmail (name \"ship-order\")")
                .inFile(second).onLine(lineOf(second, "@Job(")).atColumn(columnOf(second, "\"shipOrder\""));
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void classNamedLikeTheJobsCodec() {
        JavaFileObject codec = source("p.SendEmailCodec", """
                package p;

                final class SendEmailCodec {}
                """);
        JavaFileObject source = job("@Job", "    void handle() {}");
        assertOnlyError(compile(APP, codec, source), "[jtc:generated-name-taken] p.SendEmailCodec already exists, but jtc generates"
                + " a class of that name for @Job class p.SendEmail: rename p.SendEmailCodec", source, "@Job");
    }
}
