package dev.jtc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.testing.RedisServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained worker jar that {@code package} builds ({@code jtc-sample-<version>-worker.jar}),
 * run the way it is deployed: {@code java -jar} in a child process, with nothing else on the
 * classpath: {@code list}, {@code demo} and {@code make job} without Redis, and {@code work} against a private
 * redis-server, stopped by SIGTERM as {@code docker stop} and {@code systemctl stop} stop it.
 * Failsafe runs this after {@code package} and passes the jar's path in {@code jtc.workerJar}.
 */
class WorkerJarIT {

    private static Path jar;

    @BeforeAll
    static void findTheJar() {
        String property = System.getProperty("jtc.workerJar");
        assertTrue(property != null && !property.isBlank(), "system property jtc.workerJar is not set: run this through failsafe (mvn verify)");
        jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), jar + " does not exist: the shade plugin's worker-jar execution did not run");
    }

    @Test
    void theJarStartsTheGeneratedWorkerAndHoldsNoCompileTimeCode() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals("dev.jtc.sample.ShopAppWorker", file.getManifest().getMainAttributes().getValue("Main-Class"));
            List<String> compileTimeOnly = file.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("dev/jtc/processor/") || name.startsWith("dagger/internal/codegen/"))
                    .limit(5).toList();
            assertEquals(List.of(), compileTimeOnly, "the processor and Dagger's compiler belong on the processor path only");
            assertTrue(file.getEntry("dev/jtc/sample/ShopAppWorker.class") != null, "the generated worker is missing");
            assertTrue(file.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") != null,
                    "Logback's SLF4J service file is missing, so logging would bind to nothing");
            assertTrue(file.getEntry("logback.xml") != null, "the shop's logback.xml is missing");
        }
    }

    @Test
    void listShowsTheJobsAndTasksOfTheShopAndItsLibrary() throws Exception {
        Run run = javaJar("list");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("Jobs of ShopApp (5)"), run.describe());
        for (String job : List.of("SendOrderConfirmation", "charge-payment", "GenerateInvoice", "ReserveStock", "RestockProduct")) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(job) + "\\s").matcher(run.out()).find(), "job " + job + " not listed: " + run.describe());
        }
        assertTrue(run.out().contains("Scheduled tasks (4)"), run.describe());
        for (String task : List.of("BackOfficeTasks.morningSalesReport", "BackOfficeTasks.purgeOldMail", "InventoryTasks.refreshStock",
                "InventoryTasks.reorderLowStock")) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(task) + "\\s").matcher(run.out()).find(), "task " + task + " not listed: " + run.describe());
        }
    }

    @Test
    void demoRunsEveryDemoJobAndATickOnTheInMemoryBroker() throws Exception {
        Run run = javaJar("demo");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("ShopApp demo: an in-memory broker and one worker"), run.describe());
        assertTrue(run.out().contains("Demo jobs: 6 completed, 0 failed, 0 still pending"), run.describe());
        assertTrue(Pattern.compile("Scheduled ticks run: [1-9]").matcher(run.out()).find(), run.describe());
    }

    @Test
    void everyLineAJobLogsNamesThatJobThroughTheMdc() throws Exception {
        Run run = javaJar("demo");

        assertEquals(0, run.exitCode(), run.describe());
        // The demo's own report on standard output: "[run]    charge-payment    <id>@payments attempt 1".
        Set<String> chargeIds = Pattern.compile("(?m)^\\[run\\]\\s+charge-payment\\s+(\\S+@payments) attempt").matcher(run.out())
                .results().map(match -> match.group(1)).collect(Collectors.toSet());
        assertEquals(2, chargeIds.size(), run.describe());
        // The job's own lines on standard error, through logback.xml's pattern with jtc.jobName and jtc.jobId.
        List<String> chargeLines = run.err().lines().filter(line -> line.contains("ChargePayment - charging")).toList();
        assertEquals(3, chargeLines.size(), "two payments, one of them retried once: " + run.describe());
        Pattern withTheJob = Pattern.compile(" INFO  \\[charge-payment (\\S+@payments)\\] ChargePayment - charging ");
        for (String line : chargeLines) {
            Matcher matcher = withTheJob.matcher(line);
            assertTrue(matcher.find(), "no job name and id in: " + line);
            assertTrue(chargeIds.contains(matcher.group(1)), line + " names a job the demo did not run: " + chargeIds);
        }
        // The worker's own lines outside any job carry no brackets.
        assertTrue(Pattern.compile("(?m) INFO  Worker - worker \\S+ started: ").matcher(run.err()).find(), run.describe());
        assertTrue(run.out().lines().noneMatch(line -> line.contains("ChargePayment - ")), "log lines belong on standard error");
    }

    @Test
    void makeJobWritesIntoTheApplicationsPackage(@TempDir Path sources) throws Exception {
        Run run = javaJar("make", "job", "SendWelcomeEmail", "--dir", sources.toString());

        assertEquals(0, run.exitCode(), run.describe());
        Path file = sources.resolve("dev/jtc/sample/SendWelcomeEmail.java");
        assertTrue(run.out().startsWith("wrote " + file + "\n"), run.describe());
        assertTrue(Files.readString(file).startsWith("package dev.jtc.sample;\n"), "beside ShopApp, from the generated definition()");
    }

    @Test
    void anUnknownCommandIsAUsageErrorFromTheJarToo() throws Exception {
        Run run = javaJar("deploy");

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("deploy"), run.describe());
    }

    @Test
    void workAgainstRedisStopsGracefullyOnSigterm() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
                LiveWorker worker = LiveWorker.start(Map.of("JTC_REDIS_URL", redis.url()), "work", "--shutdown-grace", "5s")) {
            worker.awaitLine(line -> line.startsWith("worker ") && line.contains(" running: "));

            String described = worker.stopWithSigterm();

            assertEquals(0, worker.exitCode(), described);
            assertTrue(worker.err().contains("SIGTERM: stopping gracefully"), described);
            assertTrue(Pattern.compile("(?m)^worker \\S+ stopped$").matcher(worker.out()).find(), described);
        }
    }

    @Test
    void workServesMetricsAndHealthOfTheJobsItRuns() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
                LiveWorker worker = LiveWorker.start(Map.of("JTC_REDIS_URL", redis.url()),
                        "work", "--metrics-port", "0", "--metrics-host", "127.0.0.1", "--shutdown-grace", "5s")) {
            String serving = worker.awaitLine(line -> line.startsWith("metrics and health on http://127.0.0.1:"));
            Matcher port = Pattern.compile(":(\\d+)/metrics").matcher(serving);
            assertTrue(port.find(), serving);
            URI base = URI.create("http://127.0.0.1:" + port.group(1));
            worker.awaitLine(line -> line.startsWith("worker ") && line.contains(" running: "));

            // The sandbox card whose first attempt times out: one retry, then both charges complete.
            for (String payload : List.of("{\"orderId\":7001,\"amount\":\"9.50\",\"currency\":\"EUR\",\"cardToken\":\"tok_visa\"}",
                    "{\"orderId\":7002,\"amount\":\"4.00\",\"currency\":\"EUR\",\"cardToken\":\"tok_flaky_network\"}")) {
                ProcessBuilder enqueue = processBuilder(javaJarCommand("enqueue", "charge-payment", payload));
                enqueue.environment().put("JTC_REDIS_URL", redis.url());
                Run run = finish(enqueue.command(), enqueue.start());
                assertEquals(0, run.exitCode(), run.describe());
            }

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Pattern completed = Pattern.compile("(?m)^jtc_jobs_completed_total\\{[^}]*job=\"charge-payment\"[^}]*queue=\"payments\"[^}]*} 2\\.0$");
            String scrape = "";
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); !completed.matcher(scrape).find(); Thread.sleep(200)) {
                assertTrue(System.nanoTime() < deadline, "the scrape never counted two completed charges:\n" + scrape + worker.describe());
                HttpResponse<String> response = get(http, base.resolve("/metrics"));
                assertEquals(200, response.statusCode(), response.body());
                scrape = response.body();
            }
            assertTrue(Pattern.compile("(?m)^jtc_jobs_retried_total\\{[^}]*job=\"charge-payment\"[^}]*} 1\\.0$").matcher(scrape).find(), scrape);
            assertTrue(Pattern.compile("(?m)^jtc_jobs_duration_seconds_count\\{[^}]*job=\"charge-payment\"[^}]*} 2$").matcher(scrape).find(), scrape);
            assertTrue(scrape.contains("application=\"ShopApp\""), scrape);
            HttpResponse<String> ready = get(http, base.resolve("/health/ready"));
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.body().startsWith("{\"status\":\"UP\""), ready.body());

            String described = worker.stopWithSigterm();
            assertEquals(0, worker.exitCode(), described);
            // The line work logs per completed job (on dev.jtc.jobs, after the job: it names the job itself).
            assertTrue(Pattern.compile("(?m) INFO  jobs - job \\S+@payments \\(charge-payment\\) completed in \\d+ ms \\(queue payments, attempt 2\\)$")
                    .matcher(worker.err()).find(), described);
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@code java -jar ... work} running in a child process: its output read line by line as it
     * comes, so a test can wait for a line, then stopped with SIGTERM as {@code docker stop} and
     * {@code systemctl stop} stop it.
     */
    private static final class LiveWorker implements AutoCloseable {

        private final List<String> command;
        private final Process process;
        private final StringBuilder out = new StringBuilder();
        private final CompletableFuture<String> err;
        private final CompletableFuture<Void> outDone;

        private LiveWorker(List<String> command, Process process) {
            this.command = command;
            this.process = process;
            this.err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            this.outDone = CompletableFuture.runAsync(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        synchronized (out) {
                            out.append(line).append('\n');
                            out.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        static LiveWorker start(Map<String, String> environment, String... args) throws IOException {
            List<String> command = javaJarCommand(args);
            ProcessBuilder builder = processBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            return new LiveWorker(command, process);
        }

        /** The first line of standard output that matches, waiting up to 90 s for it. */
        String awaitLine(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            synchronized (out) {
                while (true) {
                    Optional<String> line = out.toString().lines().filter(wanted).findFirst();
                    if (line.isPresent()) {
                        return line.get();
                    }
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    assertTrue(left > 0 && !outDone.isDone(), "the worker printed no such line: " + describe());
                    out.wait(Math.max(1, Math.min(left, 500)));
                }
            }
        }

        /** Sends SIGTERM, waits for the exit and returns the command, exit code and output for messages. */
        String stopWithSigterm() throws InterruptedException {
            assertTrue(process.isAlive(), "the worker exited before it was asked to stop: " + describe());
            // Through the handle, because Process.destroy() would also close the streams still being read.
            assertTrue(process.toHandle().destroy(), "could not send SIGTERM to " + process.pid());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the worker did not stop within 60 s of SIGTERM: " + describe());
            outDone.join();
            err.join();
            return describe();
        }

        int exitCode() {
            return process.exitValue();
        }

        String out() {
            synchronized (out) {
                return out.toString();
            }
        }

        /** Standard error so far: complete once the worker has exited. */
        String err() {
            return err.isDone() ? err.join() : "";
        }

        String describe() {
            return String.join(" ", command) + (process.isAlive() ? " still running" : " exited with " + process.exitValue())
                    + "\n--- stdout\n" + out() + "--- stderr\n" + err.getNow("(still being read)");
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }

    /** What one {@code java -jar} run printed and returned. */
    private record Run(List<String> command, int exitCode, String out, String err) {
        String describe() {
            return String.join(" ", command) + " exited with " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run javaJar(String... args) throws IOException, InterruptedException {
        List<String> command = javaJarCommand(args);
        return finish(command, processBuilder(command).start());
    }

    /** Waits up to 90 s for a started command to exit, with its output. */
    private static Run finish(List<String> command, Process process) throws IOException, InterruptedException {
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not exit within 90 s; output:\n" + out.join() + err.join());
        }
        return new Run(command, process.exitValue(), out.join(), err.join());
    }

    /** A plain {@code java -jar} with this JVM's java, and nothing else on the classpath. */
    private static List<String> javaJarCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** The settings the worker reads come only from what a test sets, not from whoever runs the build. */
    private static ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("JTC_") || name.startsWith("SHOP_"));
        return builder;
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
