package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyError;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.compile;
import static dev.jtc.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Payload types a user may reach for that cannot travel, or that the generated code cannot see:
 * each is one tagged error on the parameter, saying what to write instead.
 */
final class PayloadDiagnosticsTest {

    private static final String UNSUPPORTED = "[jtc:unsupported-payload-type] parameter ";

    /** A job in package p whose {@code handle} takes {@code parameters}. */
    private static JavaFileObject job(String parameters) {
        return source("p.Report", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;
                import java.util.*;

                @Job
                final class Report {
                    @Inject Report() {}

                    void handle(""" + parameters + """
                ) {}
                }
                """);
    }

    private static void assertRejected(String parameters, String message, JavaFileObject... others) {
        JavaFileObject job = job(parameters);
        JavaFileObject[] sources = new JavaFileObject[others.length + 2];
        sources[0] = APP;
        sources[1] = job;
        System.arraycopy(others, 0, sources, 2, others.length);
        assertOnlyError(compile(sources), message, job, parameters);
    }

    @Test
    void genericRecord() {
        JavaFileObject page = source("p.Page", """
                package p;

                import java.util.List;

                public record Page<T>(List<T> items, int number) {}
                """);
        assertRejected("Page<String> page", UNSUPPORTED + "'page' of p.Report.handle(...) has type p.Page<java.lang.String>,"
                + " which cannot travel in a JSON payload: the generic record p.Page is not supported; use a record without"
                + " type parameters", page);
    }

    @Test
    void recordThatContainsItselfThroughAnother() {
        JavaFileObject folder = source("p.Folder", """
                package p;

                import java.util.List;

                public record Folder(String name, List<Entry> entries) {}
                """);
        JavaFileObject entry = source("p.Entry", """
                package p;

                import java.util.Optional;

                public record Entry(String name, Optional<Folder> subfolder) {}
                """);
        assertRejected("Folder root", "the record p.Folder contains itself (p.Folder -> p.Entry -> p.Folder)", folder, entry);
    }

    @Test
    void legacyDateSuggestsJavaTime() {
        assertRejected("Date due", UNSUPPORTED + "'due' of p.Report.handle(...) has type java.util.Date, which cannot travel in"
                + " a JSON payload: java.util.Date is not a type jtc can encode; use java.time.Instant");
    }

    @Test
    void object() {
        assertRejected("Object anything", "java.lang.Object is not a type jtc can encode");
    }

    @Test
    void concreteCollectionSuggestsItsInterface() {
        assertRejected("ArrayList<String> names", "java.util.ArrayList is not a type jtc can encode; declare it as"
                + " List, Set or Collection (decoding makes the collection)");
    }

    @Test
    void concreteMapSuggestsMap() {
        assertRejected("HashMap<String, Integer> counts", "java.util.HashMap is not a type jtc can encode; declare it"
                + " as Map<String, V> (decoding makes the map)");
    }

    @Test
    void rawList() {
        assertRejected("@SuppressWarnings(\"rawtypes\") List names",
                "the raw type java.util.List is not supported; name its element type, e.g. List<String>");
    }

    @Test
    void wildcard() {
        assertRejected("List<? extends Number> amounts", "the wildcard ? extends java.lang.Number is not supported");
    }

    @Test
    void optionalOfOptional() {
        assertRejected("Optional<Optional<String>> note", UNSUPPORTED + "'note' of p.Report.handle(...) has type"
                + " java.util.Optional<java.util.Optional<java.lang.String>>, which cannot travel in a JSON payload: an empty"
                + " Optional inside an Optional is written as null, like an empty outer one, so the two cannot be told apart;"
                + " use a single Optional");
    }

    @Test
    void typeVariableOfAGenericHandle() {
        JavaFileObject job = source("p.Report", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class Report {
                    @Inject Report() {}

                    <T> void handle(T value) {}
                }
                """);
        assertOnlyError(compile(APP, job), "the type variable T is not supported; use a concrete type", job, "T value");
    }

    @Test
    void payloadRecordTheGeneratedPackageCannotSeeIsNotPublic() {
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication(generatedPackage = "p.generated")
                final class ShopApp {}
                """);
        JavaFileObject address = source("q.Address", """
                package q;

                record Address(String street) {}
                """);
        JavaFileObject job = source("q.Ship", """
                package q;

                import dev.jtc.Job;
                import jakarta.inject.Inject;
                import java.util.List;

                @Job
                public final class Ship {
                    @Inject public Ship() {}

                    public void handle(List<Address> stops) {}
                }
                """);
        assertOnlyError(compile(app, address, job),
                "[jtc:not-public] q.Address, in parameter 'stops' of q.Ship.handle(...), is not public, but the generated"
                        + " classes are in package p.generated and must call it: make it public",
                job, "List<Address> stops");
    }

    @Test
    void payloadEnumNestedInAClassTheGeneratedPackageCannotSeeNamesThatClass() {
        JavaFileObject holder = source("q.Holder", """
                package q;

                final class Holder {
                    public enum Level { LOW, HIGH }
                }
                """);
        JavaFileObject job = source("q.Alert", """
                package q;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                public final class Alert {
                    @Inject public Alert() {}

                    public void handle(Holder.Level level) {}
                }
                """);
        assertOnlyError(compile(APP, holder, job),
                "[jtc:not-public] class q.Holder, which encloses q.Holder.Level in parameter 'level' of q.Alert.handle(...),"
                        + " is not public, but the generated classes are in package p and must call it: make it public",
                job, "Holder.Level level");
    }

    @Test
    void jobAndPayloadRecordInTheUnnamedPackageAreBothReported() {
        JavaFileObject point = source("Point", """
                public record Point(int x, int y) {}
                """);
        JavaFileObject job = source("Draw", """
                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                public final class Draw {
                    @Inject public Draw() {}

                    public void handle(Point at) {}
                }
                """);
        Compilation compilation = compile(APP, point, job);
        assertThat(compilation).hadErrorContaining("[jtc:unnamed-package] @Job class Draw is in the unnamed package")
                .inFile(job).onLineContaining("@Job");
        assertThat(compilation).hadErrorContaining("[jtc:unnamed-package] Point, in parameter 'at' of Draw.handle(...), is in"
                + " the unnamed package, which the generated classes in package p cannot refer to: move it to a package")
                .inFile(job).onLineContaining("Point at");
        assertThat(compilation).hadErrorCount(2);
    }
}
