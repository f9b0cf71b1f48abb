package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.broker.InMemoryBroker;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code handle} methods users write besides {@code void handle(...)}: one that returns a
 * value (ignored at run time, with a {@code [jtc:handle-result]} warning at compile time), one that declares checked exceptions (they fail the attempt as they are), and
 * a generic one whose type variable is not part of the payload.
 */
final class HandleMethodsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static final JavaFileObject JOBS = source("p.Jobs", """
            package p;

            import dev.jtc.Job;
            import jakarta.inject.Inject;
            import java.io.IOException;
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;

            public final class Jobs {
                public static final List<String> DONE = new CopyOnWriteArrayList<>();

                private Jobs() {}

                @Job
                public static final class Count {
                    @Inject Count() {}

                    int handle(String text) {
                        DONE.add("counted " + text);
                        return text.length();
                    }
                }

                @Job
                public static final class Fetch {
                    @Inject Fetch() {}

                    void handle(String url) throws IOException, InterruptedException {
                        throw new IOException("cannot reach " + url);
                    }
                }

                @Job
                public static final class Echo {
                    @Inject Echo() {}

                    <T extends CharSequence> void handle(long id) {
                        DONE.add("echo " + id);
                    }
                }
            }
            """);

    private static CompiledClasses classes;

    @BeforeAll
    static void compile() {
        Compilation compilation = compileWithDagger(APP, JOBS);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[jtc:handle-result] p.Jobs.Count.handle(...) returns int, which jtc"
                + " discards").inFile(JOBS).onLineContaining("int handle(String text)");
        assertThat(compilation).hadWarningCount(1);
        classes = new CompiledClasses(compilation);
    }

    @Test
    void valueReturnedByHandleIsIgnored() throws Exception {
        JobRunner runner = runner();
        runner.run("Count", "{\"text\":\"four\"}", new FixedJobContext("Count", CLOCK.instant()));
        runner.run("Echo", "{\"id\":9}", new FixedJobContext("Echo", CLOCK.instant()));
        assertEquals(List.of("counted four", "echo 9"), done());
    }

    @Test
    void checkedExceptionOfHandleReachesTheWorkerUnchanged() throws Exception {
        JobRunner runner = runner();
        IOException e = assertThrows(IOException.class,
                () -> runner.run("Fetch", "{\"url\":\"https://example.test\"}", new FixedJobContext("Fetch", CLOCK.instant())));
        assertEquals("cannot reach https://example.test", e.getMessage());
    }

    private static JobRunner runner() throws ReflectiveOperationException {
        done().clear();
        AppDefinition definition = (AppDefinition) classes.load("p.ShopAppWorker").getMethod("definition").invoke(null);
        return definition.runnerFactory().create(new BrokerDispatcher(new InMemoryBroker(CLOCK), CLOCK), CLOCK, Settings.empty());
    }

    @SuppressWarnings("unchecked")
    private static List<String> done() throws ReflectiveOperationException {
        return (List<String>) classes.load("p.Jobs").getField("DONE").get(null);
    }
}
