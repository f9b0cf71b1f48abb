package dev.jtc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.testing.ManualClock;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code make job}: the skeleton is a real job class that compiles against jtc. */
class MakeJobCommandTest {

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final CliTestSupport cli = new CliTestSupport(broker);

    @TempDir
    Path sources;

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    @Test
    void writesAJobClassThatCompiles(@TempDir Path classes) throws Exception {
        assertEquals(0, cli.run(clock, "make", "job", "SendWelcomeEmail", "--package", "com.acme.jobs", "--queue", "mail",
                "--dir", sources.toString()));

        Path file = sources.resolve("com/acme/jobs/SendWelcomeEmail.java");
        assertEquals("wrote " + file + "\nnext: build, then dispatch it with jobs.sendWelcomeEmail(\"hello\") (ShopAppJobs)"
                + " or run: enqueue SendWelcomeEmail '{\"message\":\"hello\"}'\n", cli.out());
        String source = Files.readString(file);
        assertTrue(source.startsWith("package com.acme.jobs;\n"), source);
        assertTrue(source.contains("@Job(queue = \"mail\", retries = 3, timeout = \"5m\")\npublic final class SendWelcomeEmail {"), source);
        assertTrue(source.contains("    @Inject\n    public SendWelcomeEmail() {\n    }"), source);
        assertTrue(source.contains("    public void handle(String message, JobContext context) throws Exception {\n        log.info("), source);
        assertTrue(source.contains("A background job: send welcome email."), source);
        assertFalse(source.toUpperCase(Locale.ROOT).contains("TODO"), source);
        assertFalse(source.contains("FIXME"), source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-proc:none", "-Xlint:all", "-Werror", "-d", classes.toString(),
                        "-classpath", System.getProperty("java.class.path")),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile())).call();
        assertTrue(compiled, diagnostics.toString());
        assertTrue(Files.exists(classes.resolve("com/acme/jobs/SendWelcomeEmail.class")));
    }

    @Test
    void writesIntoTheApplicationsPackageByDefault() throws Exception {
        assertEquals(0, cli.run(clock, "make", "job", "Rebuild", "--dir", sources.toString()));

        Path file = sources.resolve("com/acme/shop/Rebuild.java");
        assertTrue(cli.out().startsWith("wrote " + file + "\n"), cli.out());
        String source = Files.readString(file);
        assertTrue(source.startsWith("package com.acme.shop;\n"), source);
        assertTrue(source.contains("@Job(retries = 3, timeout = \"5m\")"), "the default queue is left out: " + source);
        assertFalse(Files.exists(sources.resolve("jobs")), "no top-level jobs package any more");
    }

    @Test
    void packageOptionPutsItInASubPackageOrAnywhereElse() throws Exception {
        assertEquals(0, cli.run(clock, "make", "job", "SendReceipt", "--package", "com.acme.shop.mail", "--dir", sources.toString()));
        assertTrue(Files.readString(sources.resolve("com/acme/shop/mail/SendReceipt.java")).startsWith("package com.acme.shop.mail;\n"));

        assertEquals(0, cli.run(clock, "make", "job", "SendReceipt", "--package", "org.example.billing", "--dir", sources.toString()));
        assertTrue(Files.readString(sources.resolve("org/example/billing/SendReceipt.java")).startsWith("package org.example.billing;\n"));
    }

    @Test
    void anApplicationInTheUnnamedPackageNeedsThePackageOption() throws Exception {
        cli.packageName = "";

        assertEquals(2, cli.run(clock, "make", "job", "Rebuild", "--dir", sources.toString()), "a usage error");

        assertEquals("error: ShopApp is in the unnamed package, and a job should not be\n"
                + "hint: say where it goes, e.g. make job Rebuild --package com.acme.jobs\n", cli.err());
        try (var written = Files.list(sources)) {
            assertEquals(List.of(), written.toList());
        }
        cli.reset();

        assertEquals(0, cli.run(clock, "make", "job", "Rebuild", "--package", "com.acme.jobs", "--dir", sources.toString()));
        assertTrue(Files.exists(sources.resolve("com/acme/jobs/Rebuild.java")), cli.out() + cli.err());
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        assertEquals(0, cli.run(clock, "make", "job", "Rebuild", "--dir", sources.toString()));
        Path file = sources.resolve("com/acme/shop/Rebuild.java");
        Files.writeString(file, "// my edits\n");
        cli.reset();

        assertEquals(1, cli.run(clock, "make", "job", "Rebuild", "--dir", sources.toString()));

        assertEquals("error: " + file + " already exists; pick another name or delete it first\n", cli.err());
        assertEquals("// my edits\n", Files.readString(file));
    }

    @Test
    void rejectsNamesThatCannotBeClasses() {
        assertEquals(2, cli.run(clock, "make", "job", "sendMail", "--dir", sources.toString()), "a usage error");
        assertEquals("error: job class names start with a capital letter\nhint: write e.g. make job SendMail\n", cli.err());
        cli.reset();
        assertEquals(2, cli.run(clock, "make", "job", "Send-Mail", "--dir", sources.toString()));
        assertEquals("error: 'Send-Mail' is not a Java class name\nhint: write e.g. make job SendWelcomeEmail\n", cli.err());
        cli.reset();
        assertEquals(2, cli.run(clock, "make", "job", "Mail", "--package", "com.acme.class", "--dir", sources.toString()));
        assertEquals("error: 'com.acme.class' is not a Java package name\nhint: write e.g. --package com.acme.jobs\n", cli.err());
        cli.reset();
        assertEquals(2, cli.run(clock, "make", "job", "Mail", "--queue", "mail queue", "--dir", sources.toString()));
        assertTrue(cli.err().startsWith("error: queue 'mail queue' may only contain letters"), cli.err());
        assertTrue(cli.err().endsWith("hint: write e.g. --queue mail\n"), cli.err());
        cli.reset();
        assertEquals(2, cli.run(clock, "make"), "a usage error");
        assertTrue(cli.err().startsWith("error: say what to make: make job <Name>"), cli.err());
    }
}
