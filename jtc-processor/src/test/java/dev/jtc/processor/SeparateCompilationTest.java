package dev.jtc.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.Settings;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application is built from every job and task, however they were compiled: a library
 * compiled alone into a jar, jobs recompiled alone against the class files of the rest, a job
 * deleted while its class files stay behind. Each compiles with the JDK's javac on real
 * directories and runs jobs from each side through the generated worker. Everything is compiled
 * with {@code -g:none}, so no parameter name can come from a class file's debug information.
 */
final class SeparateCompilationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    private static final String RESERVE_STOCK = """
            package lib;

            import dev.jtc.Job;
            import jakarta.inject.Inject;
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;

            @Job(queue = "stock")
            public final class ReserveStock {
                public static final List<String> RAN = new CopyOnWriteArrayList<>();

                @Inject public ReserveStock() {}

                void handle(long orderId, List<String> skus) {
                    RAN.add(orderId + ":" + skus);
                }
            }
            """;

    private static final String STOCK_TASKS = """
            package lib;

            import dev.jtc.Every;
            import jakarta.inject.Inject;
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;

            public final class StockTasks {
                public static final List<String> RAN = new CopyOnWriteArrayList<>();

                @Inject public StockTasks() {}

                @Every("1m") void count() {
                    RAN.add("count");
                }
            }
            """;

    /** A library job with middleware of its own (a built-in one and one of the library's) and a limit. */
    private static final String RESTOCK = """
            package lib;

            import dev.jtc.Job;
            import dev.jtc.runtime.middleware.LogAttempts;
            import jakarta.inject.Inject;
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;

            @Job(middleware = {LogAttempts.class, StockAudit.class}, maxConcurrency = 2)
            public final class Restock {
                public static final List<String> RAN = new CopyOnWriteArrayList<>();

                @Inject public Restock() {}

                void handle(String sku) {
                    RAN.add("restock " + sku);
                }
            }
            """;

    private static final String STOCK_AUDIT = """
            package lib;

            import dev.jtc.runtime.Attempt;
            import dev.jtc.runtime.JobMiddleware;
            import jakarta.inject.Inject;

            public final class StockAudit implements JobMiddleware {
                @Inject public StockAudit() {}

                @Override
                public void handle(Attempt attempt) throws Exception {
                    Restock.RAN.add("audit " + attempt.payload());
                    attempt.proceed();
                }
            }
            """;

    private static final String SHOP_APP = """
            package app;

            import dev.jtc.JtcApplication;

            @JtcApplication
            public final class ShopApp {}
            """;

    private static final String SEND_MAIL = """
            package app;

            import dev.jtc.Job;
            import jakarta.inject.Inject;
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;

            @Job
            final class SendMail {
                static final List<String> RAN = new CopyOnWriteArrayList<>();

                @Inject SendMail() {}

                void handle(String to) {
                    RAN.add(to);
                }
            }
            """;

    private static final String SEND_INVOICE = """
            package app;

            import dev.jtc.Job;
            import jakarta.inject.Inject;
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;

            @Job
            final class SendInvoice {
                static final List<String> RAN = new CopyOnWriteArrayList<>();

                @Inject SendInvoice() {}

                void handle(long invoiceId) {
                    RAN.add("invoice " + invoiceId);
                }
            }
            """;

    @Test
    void libraryCompiledAloneIntoAJarAndTheApplicationAgainstIt(@TempDir Path root) throws Exception {
        Path librarySources = root.resolve("lib/src");
        RealJavac.write(librarySources, "lib.ReserveStock", RESERVE_STOCK);
        RealJavac.write(librarySources, "lib.StockTasks", STOCK_TASKS);
        RealJavac.Result library = RealJavac.compile(RealJavac.sourcesIn(librarySources), root.resolve("lib/classes"),
                root.resolve("lib/generated"), List.of(), "-g:none");
        assertTrue(library.success(), library.diagnostics().toString());
        assertEquals(List.of(), library.warnings(), "a library without @JtcApplication compiles cleanly");
        Path jar = RealJavac.jar(root.resolve("lib/classes"), root.resolve("lib.jar"));

        Path appSources = root.resolve("app/src");
        RealJavac.write(appSources, "app.ShopApp", SHOP_APP);
        RealJavac.write(appSources, "app.SendMail", SEND_MAIL);
        RealJavac.Result app = RealJavac.compile(RealJavac.sourcesIn(appSources), root.resolve("app/classes"),
                root.resolve("app/generated"), List.of(jar), "-g:none");
        assertTrue(app.success(), app.diagnostics().toString());
        assertEquals(List.of(), app.warnings());

        String jobs = RealJavac.read(root.resolve("app/generated/app/ShopAppJobs.java"));
        assertTrue(jobs.contains("public JobHandle reserveStock(long orderId, List<String> skus) {"), jobs);
        assertTrue(jobs.contains("public JobHandle sendMail(String to) {"), jobs);
        String runner = RealJavac.read(root.resolve("app/generated/app/ShopAppJobRunner.java"));
        assertTrue(runner.contains("case \"StockTasks.count\" -> StockTasksSchedule.count(component.stockTasksCount(), context);"), runner);

        try (URLClassLoader classes = RealJavac.loader(root.resolve("app/classes"), jar)) {
            Worker worker = new Worker(classes, "app.ShopApp");
            assertEquals(List.of("ReserveStock", "SendMail"), worker.jobNames());
            worker.dispatchAndRun("reserveStock", 42L, List.of("cup", "tea"));
            worker.dispatchAndRun("sendMail", "ada@example.com");
            worker.runTask("StockTasks.count");
            assertEquals("{\"orderId\":42,\"skus\":[\"cup\",\"tea\"]}", worker.dispatcher.payloads.get(0),
                    "the library's parameter names travel in its contribution, though its classes have no debug information");
            assertEquals(List.of("42:[cup, tea]"), worker.ran("lib.ReserveStock"));
            assertEquals(List.of("ada@example.com"), worker.ran("app.SendMail"));
            assertEquals(List.of("count"), worker.ran("lib.StockTasks"));
        }
    }

    @Test
    void libraryJobsMiddlewareReachesTheApplicationsDispatchTable(@TempDir Path root) throws Exception {
        Path librarySources = root.resolve("lib/src");
        RealJavac.write(librarySources, "lib.Restock", RESTOCK);
        RealJavac.write(librarySources, "lib.StockAudit", STOCK_AUDIT);
        RealJavac.Result library = RealJavac.compile(RealJavac.sourcesIn(librarySources), root.resolve("lib/classes"),
                root.resolve("lib/generated"), List.of(), "-g:none");
        assertTrue(library.success(), library.diagnostics().toString());
        assertEquals(List.of(), library.warnings());
        String marker = RealJavac.read(root.resolve("lib/generated/dev/jtc/contributions/lib_Restock_Job.java"));
        assertTrue(marker.contains("middleware = {\"dev.jtc.runtime.middleware.LogAttempts\", \"lib.StockAudit\"}"), marker);
        Path jar = RealJavac.jar(root.resolve("lib/classes"), root.resolve("lib.jar"));

        Path appSources = root.resolve("app/src");
        RealJavac.write(appSources, "app.ShopApp", SHOP_APP);
        RealJavac.write(appSources, "app.SendMail", SEND_MAIL);
        RealJavac.Result app = RealJavac.compile(RealJavac.sourcesIn(appSources), root.resolve("app/classes"),
                root.resolve("app/generated"), List.of(jar), "-g:none");
        assertTrue(app.success(), app.diagnostics().toString());
        assertEquals(List.of(), app.warnings());

        String runner = RealJavac.read(root.resolve("app/generated/app/ShopAppJobRunner.java"));
        assertTrue(runner.contains("case \"Restock\" -> Middleware.run(context, payload, () -> RestockCodec.run(component.restock(),"
                + " payload, context), logAttempts, stockAudit);"), runner);
        assertTrue(runner.contains("case \"SendMail\" -> SendMailCodec.run(component.sendMail(), payload, context);"),
                "a job without middleware keeps its plain case: " + runner);
        assertTrue(runner.contains("this.stockAudit = component.stockAudit();"), runner);
        assertTrue(runner.contains("this.logAttempts = new LogAttempts();"), runner);
        String component = RealJavac.read(root.resolve("app/generated/app/ShopAppComponent.java"));
        assertTrue(component.contains("StockAudit stockAudit();"), component);

        try (URLClassLoader classes = RealJavac.loader(root.resolve("app/classes"), jar)) {
            Worker worker = new Worker(classes, "app.ShopApp");
            worker.dispatchAndRun("restock", "cup");
            assertEquals(List.of("audit {\"sku\":\"cup\"}", "restock cup"), worker.ran("lib.Restock"));
            JobType restock = worker.definition.jobTypes().stream().filter(type -> type.name().equals("Restock")).findFirst()
                    .orElseThrow();
            assertEquals(2, restock.limits().maxConcurrency(), "the limits travel in the library's codec");
        }
    }

    @Test
    void libraryMiddlewareTheApplicationsPackageCannotSeeIsAnError(@TempDir Path root) {
        Path librarySources = root.resolve("lib/src");
        RealJavac.write(librarySources, "lib.Restock", RESTOCK);
        RealJavac.write(librarySources, "lib.StockAudit", STOCK_AUDIT.replace("public final class StockAudit", "final class StockAudit"));
        RealJavac.Result library = RealJavac.compile(RealJavac.sourcesIn(librarySources), root.resolve("lib/classes"),
                root.resolve("lib/generated"), List.of());
        assertTrue(library.success(), "the library cannot know where the application's classes go: " + library.diagnostics());
        Path jar = RealJavac.jar(root.resolve("lib/classes"), root.resolve("lib.jar"));

        Path appSources = root.resolve("app/src");
        RealJavac.write(appSources, "app.ShopApp", SHOP_APP);
        RealJavac.Result app = RealJavac.compile(RealJavac.sourcesIn(appSources), root.resolve("app/classes"),
                root.resolve("app/generated"), List.of(jar));
        assertFalse(app.success());
        assertEquals(List.of("ERROR: [jtc:not-public] middleware lib.StockAudit, listed in @Job(middleware = ...) on lib.Restock,"
                        + " is not public, but the generated classes are in package app and must call it: make it public"
                        + " (ShopApp.java:5)"),
                app.errors(), "the jar's class has no source to point at, so its error sits on the @JtcApplication");
    }

    @Test
    void oneJobRecompiledWithTheRestAsClassFiles(@TempDir Path root) throws Exception {
        Path sources = root.resolve("src");
        Path classes = root.resolve("classes");
        RealJavac.write(sources, "app.ShopApp", SHOP_APP);
        RealJavac.write(sources, "app.SendMail", SEND_MAIL);
        RealJavac.write(sources, "app.SendInvoice", SEND_INVOICE);
        RealJavac.write(sources, "lib.StockTasks", STOCK_TASKS);
        RealJavac.Result full = RealJavac.compile(RealJavac.sourcesIn(sources), classes, root.resolve("generated"), List.of(), "-g:none");
        assertTrue(full.success(), full.diagnostics().toString());

        // The job changes its payload, and only its file is recompiled, as an IDE's builder does.
        Path changed = RealJavac.write(sources, "app.SendMail", SEND_MAIL
                .replace("void handle(String to) {", "void handle(String to, String subject) {")
                .replace("RAN.add(to);", "RAN.add(to + \": \" + subject);"));
        RealJavac.Result partial = RealJavac.compile(List.of(changed), classes, root.resolve("generated-again"), List.of(), "-g:none");
        assertTrue(partial.success(), partial.diagnostics().toString());
        assertEquals(List.of(), partial.warnings());

        String jobs = RealJavac.read(root.resolve("generated-again/app/ShopAppJobs.java"));
        assertTrue(jobs.contains("public JobHandle sendMail(String to, String subject) {"), jobs);
        assertTrue(jobs.contains("public JobHandle sendInvoice(long invoiceId) {"), "the job not recompiled is still there: " + jobs);
        try (URLClassLoader loader = RealJavac.loader(classes)) {
            Worker worker = new Worker(loader, "app.ShopApp");
            assertEquals(List.of("SendInvoice", "SendMail"), worker.jobNames());
            assertEquals(List.of("StockTasks.count"), worker.taskNames());
            worker.dispatchAndRun("sendMail", "ada@example.com", "Welcome");
            worker.dispatchAndRun("sendInvoice", 7L);
            assertEquals("{\"invoiceId\":7}", worker.dispatcher.payloads.get(1),
                    "names of the job read back from class files compiled with -g:none come from its contribution");
            assertEquals(List.of("ada@example.com: Welcome"), worker.ran("app.SendMail"));
            assertEquals(List.of("invoice 7"), worker.ran("app.SendInvoice"));
        }
    }

    @Test
    void deletedJobDoesNotComeBackFromClassFilesLeftBehind(@TempDir Path root) throws Exception {
        Path sources = root.resolve("src");
        Path classes = root.resolve("classes");
        RealJavac.write(sources, "app.ShopApp", SHOP_APP);
        RealJavac.write(sources, "app.SendMail", SEND_MAIL);
        Path invoice = RealJavac.write(sources, "app.SendInvoice", SEND_INVOICE);
        assertTrue(RealJavac.compile(RealJavac.sourcesIn(sources), classes, root.resolve("generated"), List.of()).success());

        // Deleted in the source tree; javac leaves its class files and its marker in the output.
        Files.delete(invoice);
        assertTrue(Files.exists(classes.resolve("app/SendInvoice.class")));
        RealJavac.Result rebuild = RealJavac.compile(RealJavac.sourcesIn(sources), classes, root.resolve("generated-again"), List.of());
        assertTrue(rebuild.success(), rebuild.diagnostics().toString());
        assertEquals(List.of(), rebuild.warnings());
        assertTrue(rebuild.notes().stream().anyMatch(note -> note.contains("[jtc:leftover] jtc leaves out app.SendInvoice: it was"
                + " compiled from ../src/app/SendInvoice.java, which no longer exists")), rebuild.diagnostics().toString());
        String jobs = RealJavac.read(root.resolve("generated-again/app/ShopAppJobs.java"));
        assertFalse(jobs.contains("sendInvoice"), jobs);

        try (URLClassLoader loader = RealJavac.loader(classes)) {
            Worker worker = new Worker(loader, "app.ShopApp");
            assertEquals(List.of("SendMail"), worker.jobNames());
            worker.dispatchAndRun("sendMail", "ada@example.com");
            assertEquals(List.of("ada@example.com"), worker.ran("app.SendMail"));
        }
    }

    @Test
    void deletedJobAlsoLeavesWhenOnlyAnotherJobIsRecompiled(@TempDir Path root) throws Exception {
        Path sources = root.resolve("src");
        Path classes = root.resolve("classes");
        RealJavac.write(sources, "app.ShopApp", SHOP_APP);
        Path mail = RealJavac.write(sources, "app.SendMail", SEND_MAIL);
        Path invoice = RealJavac.write(sources, "app.SendInvoice", SEND_INVOICE);
        assertTrue(RealJavac.compile(RealJavac.sourcesIn(sources), classes, root.resolve("generated"), List.of()).success());

        Files.delete(invoice);
        RealJavac.Result partial = RealJavac.compile(List.of(mail), classes, root.resolve("generated-again"), List.of());
        assertTrue(partial.success(), partial.diagnostics().toString());
        String jobs = RealJavac.read(root.resolve("generated-again/app/ShopAppJobs.java"));
        assertTrue(jobs.contains("sendMail"), jobs);
        assertFalse(jobs.contains("sendInvoice"), jobs);
    }

    @Test
    void duplicateNameAcrossModulesIsAnErrorOnBoth(@TempDir Path root) {
        Path librarySources = root.resolve("lib/src");
        RealJavac.write(librarySources, "lib.ReserveStock", RESERVE_STOCK.replace("@Job(queue = \"stock\")", "@Job(name = \"SendMail\")"));
        assertTrue(RealJavac.compile(RealJavac.sourcesIn(librarySources), root.resolve("lib/classes"), root.resolve("lib/generated"),
                List.of()).success());
        Path jar = RealJavac.jar(root.resolve("lib/classes"), root.resolve("lib.jar"));

        Path appSources = root.resolve("app/src");
        RealJavac.write(appSources, "app.ShopApp", SHOP_APP);
        RealJavac.write(appSources, "app.SendMail", SEND_MAIL);
        RealJavac.Result app = RealJavac.compile(RealJavac.sourcesIn(appSources), root.resolve("app/classes"),
                root.resolve("app/generated"), List.of(jar));
        assertFalse(app.success());
        assertEquals(List.of(
                "ERROR: [jtc:duplicate-name] the name \"SendMail\" of @Job class app.SendMail is already used by @Job class"
                        + " lib.ReserveStock: job and task names are unique on the wire; give one of them another name = \"...\""
                        + " (SendMail.java:8)",
                "ERROR: [jtc:duplicate-name] the name \"SendMail\" of @Job class lib.ReserveStock is already used by @Job class"
                        + " app.SendMail: job and task names are unique on the wire; give one of them another name = \"...\""
                        + " (ShopApp.java:5)"),
                app.errors(), "the jar's class has no source to point at, so its error sits on the @JtcApplication");
    }

    @Test
    void contributionThatDoesNotMatchItsCodecIsAnError(@TempDir Path root) {
        Path librarySources = root.resolve("lib/src");
        RealJavac.write(librarySources, "lib.ReserveStock", RESERVE_STOCK);
        assertTrue(RealJavac.compile(RealJavac.sourcesIn(librarySources), root.resolve("lib/classes"), root.resolve("lib/generated"),
                List.of()).success());
        Path jar = RealJavac.jar(root.resolve("lib/classes"), root.resolve("lib.jar"));

        // A marker from another jtc version (or a half-rebuilt module) that names a parameter the codec does not take.
        Path appSources = root.resolve("app/src");
        RealJavac.write(appSources, "app.ShopApp", SHOP_APP);
        RealJavac.write(appSources, "dev.jtc.contributions.lib_ReserveStock_Old", """
                package dev.jtc.contributions;

                @dev.jtc.internal.JobContribution(job = "lib.ReserveStock", codec = "lib.ReserveStockCodec", name = "reserve-v1",
                        parameters = {"orderId"})
                final class lib_ReserveStock_Old {}
                """);
        RealJavac.Result app = RealJavac.compile(RealJavac.sourcesIn(appSources), root.resolve("app/classes"),
                root.resolve("app/generated"), List.of(jar));
        assertFalse(app.success());
        assertEquals(List.of("ERROR: [jtc:stale-contribution] the contribution of lib.ReserveStock does not match its generated"
                + " ReserveStockCodec (it takes 2 parameters, the contribution names 1): it was compiled by another version of jtc"
                + " or only partly rebuilt; rebuild the module it comes from (mvn clean install there) (ShopApp.java:5)"), app.errors());
    }

    /** The generated worker of an application loaded from class files, driven the way the runtime drives it. */
    private static final class Worker {
        final CapturingDispatcher dispatcher = new CapturingDispatcher();
        private final ClassLoader classes;
        final AppDefinition definition;
        private final Object jobs;
        private final JobRunner runner;

        Worker(ClassLoader classes, String application) throws Exception {
            this.classes = classes;
            this.definition = (AppDefinition) classes.loadClass(application + "Worker").getMethod("definition").invoke(null);
            this.jobs = classes.loadClass(application + "Jobs").getConstructor(Dispatcher.class).newInstance(dispatcher);
            this.runner = definition.runnerFactory().create(dispatcher, CLOCK, Settings.empty());
        }

        List<String> jobNames() {
            return definition.jobTypes().stream().map(JobType::name).sorted().toList();
        }

        List<String> taskNames() {
            return definition.scheduledTasks().stream().map(task -> task.name()).sorted().toList();
        }

        /** Calls the typed dispatch method {@code method}, then runs what it sent through the generated runner. */
        void dispatchAndRun(String method, Object... arguments) throws Exception {
            for (Method candidate : jobs.getClass().getMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length) {
                    candidate.invoke(jobs, arguments);
                    CapturingDispatcher.Sent sent = dispatcher.sent.get(dispatcher.sent.size() - 1);
                    runner.run(sent.type().name(), sent.payload(), new FixedJobContext(sent.type().name(), CLOCK.instant()));
                    return;
                }
            }
            throw new AssertionError("no dispatch method " + method + " with " + arguments.length + " parameters");
        }

        void runTask(String task) throws Exception {
            runner.run(task, "{}", new FixedJobContext(task, CLOCK.instant()));
        }

        @SuppressWarnings("unchecked")
        List<String> ran(String jobClass) throws Exception {
            var field = classes.loadClass(jobClass).getDeclaredField("RAN");
            field.setAccessible(true);
            return (List<String>) field.get(null);
        }
    }
}
