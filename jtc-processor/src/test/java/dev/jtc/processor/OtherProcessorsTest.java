package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dagger.internal.codegen.ComponentProcessor;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.JobType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Types that another annotation processor generates: a payload record or a Dagger module that
 * does not exist yet when jtc first sees the job or the application. jtc waits for them instead
 * of reporting them missing, as long as they arrive before the last round.
 */
final class OtherProcessorsTest {

    private static final JavaFileObject JOB = source("p.Ship", """
            package p;

            import dev.jtc.Job;
            import jakarta.inject.Inject;
            import java.util.List;

            @Job
            final class Ship {
                @Inject Ship() {}

                void handle(List<Address> stops) {}
            }
            """);

    private static final String ADDRESS = """
            package p;

            public record Address(String street, String city) {}
            """;

    @Test
    void payloadRecordGeneratedInTheFirstRound() throws Exception {
        Compilation compilation = compile(new SourceGenerator(1, "p.Address", ADDRESS), APP, JOB);
        assertThat(compilation).succeededWithoutWarnings();
        assertEncodes(compilation);
    }

    @Test
    void payloadRecordGeneratedInALaterRound() throws Exception {
        Compilation compilation = compile(new SourceGenerator(3, "p.Address", ADDRESS), APP, JOB);
        assertThat(compilation).succeededWithoutWarnings();
        assertEncodes(compilation);
    }

    @Test
    void payloadRecordThatNeverArrivesIsReportedOnce() {
        Compilation compilation = compile(new SourceGenerator(1, "p.Other", "package p;\n\nfinal class Other {}\n"), APP, JOB);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(JOB).onLineContaining("List<Address> stops");
        assertThat(compilation).hadErrorContaining("[jtc:unsupported-payload-type] parameter 'stops' of p.Ship.handle(...) has"
                + " type java.util.List<Address>, which cannot travel in a JSON payload: Address cannot be resolved");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void jobGeneratedByAnotherProcessorJoinsTheApplication() throws Exception {
        String generatedJob = """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job(name = "audit")
                final class Audit {
                    @Inject Audit() {}

                    void handle(String event) {}
                }
                """;
        Compilation compilation = compile(new SourceGenerator(1, "p.Audit", generatedJob), APP, JOB,
                source("p.Address", ADDRESS));
        assertThat(compilation).succeededWithoutWarnings();
        AppDefinition definition = (AppDefinition) new CompiledClasses(compilation).load("p.ShopAppWorker")
                .getMethod("definition").invoke(null);
        assertEquals(List.of("Ship", "audit"), definition.jobTypes().stream().map(JobType::name).toList());
    }

    @Test
    void daggerModuleGeneratedByAnotherProcessor() {
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication(modules = ClockModule.class)
                final class ShopApp {}
                """);
        JavaFileObject job = source("p.Tick", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class Tick {
                    @Inject Tick(Integer zone) {}

                    void handle() {}
                }
                """);
        String module = """
                package p;

                @dagger.Module
                final class ClockModule {
                    @dagger.Provides
                    static Integer zone() {
                        return 1;
                    }
                }
                """;
        Compilation compilation = compile(new SourceGenerator(2, "p.ClockModule", module), app, job);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.ShopAppComponent").contentsAsUtf8String()
                .contains("modules = ClockModule.class");
    }

    private static Compilation compile(SourceGenerator generator, JavaFileObject... sources) {
        return javac().withProcessors(new JtcProcessor(), new JtcApplicationProcessor(), new ComponentProcessor(), generator)
                .withOptions("-Xlint:all,-processing")
                .compile(sources);
    }

    private static void assertEncodes(Compilation compilation) throws Exception {
        CompiledClasses classes = new CompiledClasses(compilation);
        Object address = classes.load("p.Address").getDeclaredConstructors()[0].newInstance("Main St 1", "Oslo");
        Method encode = classes.load("p.ShipCodec").getMethod("encode", java.util.List.class);
        assertEquals("{\"stops\":[{\"street\":\"Main St 1\",\"city\":\"Oslo\"}]}", encode.invoke(null, java.util.List.of(address)));
    }

    /**
     * Stands in for another annotation processor: writes one source file in the given round
     * (counting from 1), and an empty class in each round before it, as a processor that works
     * over several rounds would.
     */
    private static final class SourceGenerator extends AbstractProcessor {
        private final int round;
        private final String typeName;
        private final String code;
        private int roundsSeen;

        SourceGenerator(int round, String typeName, String code) {
            this.round = round;
            this.typeName = typeName;
            this.code = code;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment environment) {
            roundsSeen++;
            if (roundsSeen < round) {
                write("p.Step" + roundsSeen, "package p;\n\nfinal class Step" + roundsSeen + " {}\n");
            } else if (roundsSeen == round) {
                write(typeName, code);
            }
            return false;
        }

        private void write(String name, String source) {
            try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                writer.write(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
