package dev.jtc.runtime.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@link TestWorkerMain} JVM, started with the test's own classpath, that a test can stop
 * gracefully (SIGTERM) or kill (SIGKILL). Its output goes to a log file that failures quote.
 */
final class WorkerProcess implements AutoCloseable {

    private final String id;
    private final Process process;
    private final Path log;

    private WorkerProcess(String id, Process process, Path log) {
        this.id = id;
        this.process = process;
        this.log = log;
    }

    /** Settings of one worker process; durations in milliseconds. */
    record Settings(int concurrency, long heartbeatMillis, long ttlMillis, long recoveryMillis, long graceMillis, boolean ticks,
            int maxRecoveries) {

        Settings(int concurrency, long heartbeatMillis, long ttlMillis, long recoveryMillis, long graceMillis, boolean ticks) {
            this(concurrency, heartbeatMillis, ttlMillis, recoveryMillis, graceMillis, ticks, 3);
        }
    }

    static WorkerProcess start(String redisUrl, String namespace, String id, Settings settings, Path logDirectory) {
        Path log = logDirectory.resolve(id + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Djtc.test.maxRecoveries=" + settings.maxRecoveries(),
                TestWorkerMain.class.getName(),
                redisUrl, namespace, id,
                Integer.toString(settings.concurrency()),
                Long.toString(settings.heartbeatMillis()),
                Long.toString(settings.ttlMillis()),
                Long.toString(settings.recoveryMillis()),
                Long.toString(settings.graceMillis())));
        if (settings.ticks()) {
            command.add("ticks");
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new WorkerProcess(id, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start worker process " + id, e);
        }
    }

    /** Waits until the worker printed that it started. */
    WorkerProcess awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains("READY " + id)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("worker process " + id + " exited: " + log());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("worker process " + id + " did not start within " + timeout + ": " + log());
    }

    /** SIGTERM: the worker shuts down gracefully. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL: the worker dies at once, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
