package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.columnOf;
import static dev.jtc.processor.TestSources.compile;
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

    private static void assertValueError(String tag, String message, String annotation, String value) {
        JavaFileObject source = job(annotation, "    void handle(long userId) {}");
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:" + tag + "] " + message)
                .inFile(source).onLine(lineOf(source, annotation)).atColumn(columnOf(source, value));
        assertThat(compilation).hadErrorCount(1);
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
        assertValueError("invalid-name", "job name \"send email\" of p.SendEmail may only contain letters, digits, '.', '_' and '-'"
                + " (names become Redis keys): write name = \"send-email\"", "@Job(name = \"send email\")", "\"send email\"");
    }

    @Test
    void invalidQueue() {
        assertValueError("invalid-queue", "queue \"mail:high\" of @Job class p.SendEmail may only contain", "@Job(queue = \"mail:high\")",
                "\"mail:high\"");
    }

    @Test
    void duplicateNameIsReportedOnTheSecondNamingTheFirst() {
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
        assertThat(compilation).hadErrorCount(1);
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
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void noHandleMethod() {
        JavaFileObject source = job("@Job", "    void run(long userId) {}");
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:handle-method] @Job class p.SendEmail has no handle method")
                .inFile(source).onLineContaining("@Job");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void overloadedHandle() {
        JavaFileObject source = job("@Job", "    void handle(long userId) {}\n    void handle(String email) {}");
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:handle-method] @Job class p.SendEmail has 2 methods named handle")
                .inFile(source).onLineContaining("void handle(String email)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void staticHandle() {
        JavaFileObject source = job("@Job", "    static void handle(long userId) {}");
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:handle-method] p.SendEmail.handle(...) is static")
                .inFile(source).onLineContaining("static void handle");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void privateHandle() {
        JavaFileObject source = job("@Job", "    private void handle(long userId) {}");
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:handle-method] p.SendEmail.handle(...) is private")
                .inFile(source).onLineContaining("private void handle");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void unsupportedPayloadTypeNamesParameterTypeAndTheSupportedTypes() {
        JavaFileObject source = job("@Job", "    void handle(long userId,\n            Thread worker) {}");
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:unsupported-payload-type] parameter 'worker' of p.SendEmail.handle(...) has"
                        + " type java.lang.Thread, which cannot travel in a JSON payload: java.lang.Thread is not a type jtc can"
                        + " encode. Supported: primitives and their boxes, String, enums, java.time")
                .inFile(source).onLineContaining("Thread worker");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void unsupportedTypeInsideAContainer() {
        JavaFileObject source = job("@Job", "    void handle(java.util.List<Object> things) {}");
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:unsupported-payload-type] parameter 'things' of p.SendEmail.handle(...) has"
                + " type java.util.List<java.lang.Object>, which cannot travel in a JSON payload: java.lang.Object is not a type jtc"
                + " can encode").inFile(source).onLineContaining("List<Object> things");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void mapKeysMustBeStrings() {
        JavaFileObject source = job("@Job", "    void handle(java.util.Map<Integer, String> names) {}");
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("map keys must be String (they become JSON object keys), not java.lang.Integer")
                .inFile(source).onLineContaining("Map<Integer, String> names");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void recordCycleIsAnError() {
        JavaFileObject node = source("p.Node", """
                package p;

                import java.util.List;

                public record Node(String label, List<Node> children) {}
                """);
        JavaFileObject source = job("@Job", "    void handle(Node tree) {}");
        Compilation compilation = compile(APP, node, source);
        assertThat(compilation).hadErrorContaining("[jtc:unsupported-payload-type] parameter 'tree' of p.SendEmail.handle(...) has type"
                        + " p.Node, which cannot travel in a JSON payload: component children of record p.Node: the record p.Node"
                        + " contains itself (p.Node -> p.Node)")
                .inFile(source).onLineContaining("Node tree");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void secondJobContextIsAnError() {
        JavaFileObject source = job("@Job", "    void handle(JobContext first,\n            JobContext second) {}");
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:invalid-parameters] p.SendEmail.handle takes (dev.jtc.runtime.JobContext,"
                + " dev.jtc.runtime.JobContext): a handle method declares JobContext at most once")
                .inFile(source).onLineContaining("JobContext second");
        assertThat(compilation).hadErrorCount(1);
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
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:not-injectable] @Job class p.SendEmail cannot be created by Dagger: it has"
                + " no @Inject constructor, and Dagger creates only classes that have one; add @Inject (jakarta.inject.Inject) to"
                + " a constructor, e.g. @Inject SendEmail() {}").inFile(source).onLineContaining("@Job");
        assertThat(compilation).hadErrorCount(1);
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
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:not-injectable] @Job class p.Jobs.SendEmail cannot be created by Dagger: it"
                + " is private; make it package-private or public").inFile(source).onLineContaining("@Job");
        assertThat(compilation).hadErrorCount(1);
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
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:not-injectable] @Job class p.SendEmail cannot be created by Dagger: its"
                + " @Inject constructor is private").inFile(source).onLineContaining("@Inject private SendEmail()");
        assertThat(compilation).hadErrorCount(1);
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
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:not-public] the @Inject constructor of q.SendEmail is not public, but the"
                + " generated classes are in package p and must call it: make the constructor public")
                .inFile(source).onLineContaining("@Inject SendEmail()");
        assertThat(compilation).hadErrorCount(1);
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
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:not-public] @Job class q.SendEmail is not public, but the generated classes"
                + " are in package p and must call it: make it public").inFile(source).onLineContaining("@Job");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void handleInAnotherPackageMustBePublic() {
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
        Compilation compilation = compile(APP, source);
        assertThat(compilation).hadErrorContaining("[jtc:not-public] q.SendEmail.handle(...) is not public")
                .inFile(source).onLineContaining("void handle(long userId)");
        assertThat(compilation).hadErrorCount(1);
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
        Compilation compilation = compile(APP, status, source);
        assertThat(compilation).hadErrorContaining("q.Status is not visible from package p where the generated codec lives; make it public")
                .inFile(source).onLineContaining("Status status");
        assertThat(compilation).hadErrorCount(1);
    }
}
