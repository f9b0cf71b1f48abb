package dev.jtc.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.compile;
import static dev.jtc.processor.TestSources.lineOf;
import static dev.jtc.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A compilation's jtc diagnostics come out in source order, by file, then line, then column,
 * whatever order the rules found them in: here job rules run before task rules, and the
 * duplicate-name rule last, which is the opposite of where the problems are written.
 */
final class DiagnosticOrderTest {

    private static final JavaFileObject MAINTENANCE = source("p.Maintenance", """
            package p;

            import dev.jtc.Cron;
            import dev.jtc.Every;
            import jakarta.inject.Inject;

            final class Maintenance {
                @Inject Maintenance() {}

                @Every(value = "5m", name = "clash") void one() {}
                @Every(value = "1m", name = "clash") void two() {}
                @Cron("0 0 32 * *") void three() {}
                @Cron(value = "@daily", zone = "PST") void four() {}
            }
            """);

    private static final JavaFileObject ZETA = source("p.Zeta", """
            package p;

            import dev.jtc.Job;
            import jakarta.inject.Inject;

            @Job(retries = -1)
            final class Zeta {
                @Inject Zeta() {}

                void handle() {}
            }
            """);

    @Test
    void diagnosticsArePrintedByFileThenLine() {
        Compilation compilation = compile(APP, ZETA, MAINTENANCE);

        List<String> printed = compilation.diagnostics().stream()
                .filter(diagnostic -> diagnostic.getMessage(Locale.ROOT).startsWith("[jtc:"))
                .map(DiagnosticOrderTest::place)
                .toList();

        assertThat(printed).containsExactly(
                "Maintenance.java:" + lineOf(MAINTENANCE, "void one()") + " [jtc:duplicate-name]",
                "Maintenance.java:" + lineOf(MAINTENANCE, "void two()") + " [jtc:duplicate-name]",
                "Maintenance.java:" + lineOf(MAINTENANCE, "void three()") + " [jtc:invalid-cron]",
                "Maintenance.java:" + lineOf(MAINTENANCE, "void four()") + " [jtc:invalid-zone]",
                "Zeta.java:" + lineOf(ZETA, "@Job(retries = -1)") + " [jtc:invalid-retries]").inOrder();
    }

    @Test
    void withinALineTheColumnDecides() {
        JavaFileObject source = source("p.Maintenance", """
                package p;

                import dev.jtc.Cron;
                import jakarta.inject.Inject;

                final class Maintenance {
                    @Inject Maintenance() {}

                    @Cron(value = "@daily", name = "bad name", zone = "Mars/Base") void one() {}
                }
                """);
        Compilation compilation = compile(APP, source);

        List<String> tags = compilation.diagnostics().stream()
                .map(diagnostic -> diagnostic.getMessage(Locale.ROOT))
                .filter(message -> message.startsWith("[jtc:"))
                .map(message -> message.substring(0, message.indexOf(']') + 1))
                .toList();

        // name = "bad name" comes before zone = "Mars/Base" on the line, though the zone is checked first
        assertThat(tags).containsExactly("[jtc:invalid-name]", "[jtc:invalid-zone]").inOrder();
    }

    private static String place(Diagnostic<? extends JavaFileObject> diagnostic) {
        String file = diagnostic.getSource().getName();
        String message = diagnostic.getMessage(Locale.ROOT);
        return file.substring(file.lastIndexOf('/') + 1) + ":" + diagnostic.getLineNumber() + " "
                + message.substring(0, message.indexOf(']') + 1);
    }
}
