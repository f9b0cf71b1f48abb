package dev.jtc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.RecoveryResult;
import dev.jtc.runtime.redis.RedisBroker;
import dev.jtc.runtime.redis.RedisFixture;
import dev.jtc.runtime.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The {@code work} command's signal handling in a real process ({@link SignalTestWorkerMain}, run
 * as its own JVM, as a generated {@code <App>Worker} would be): the first SIGTERM or SIGINT stops
 * fetching and gives running jobs the shutdown grace, then puts back what did not finish; a second
 * signal stops the process at once (exit code 130), and the jobs it was running are not lost:
 * they stay in its in-flight set, and once its heartbeat has expired a recovery pass puts them
 * back on their queue.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CliSignalProcessTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private final Clock clock = Clock.systemUTC();
    private final List<Process> processes = new ArrayList<>();
    private final RedisBroker broker = redis.broker("jtc", clock);
    private final Jedis jedis = redis.jedis();

    @TempDir
    Path logs;

    /** Kills what a test left running; the fixture then closes the broker and flushes Redis. */
    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (Process process : processes) {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private Process startWorker(Path log, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                SignalTestWorkerMain.class.getName(), Integer.toString(redis.port()),
                "work", "--redis-url", redis.url(), "--queues", "default"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        await("the worker to start", () -> read(log).contains("Ctrl-C or SIGTERM to stop"), process, log);
        return process;
    }

    private List<String> enqueueSleeps(Duration... durations) {
        List<JobMessage> jobs = new ArrayList<>();
        for (Duration duration : durations) {
            jobs.add(JobMessage.create(JobIds.next("default"), SignalTestWorkerMain.SLEEP, "default",
                    SignalTestWorkerMain.sleepPayload(duration), "", clock.instant(), null, null));
        }
        broker.enqueueAll(jobs);
        return jobs.stream().map(JobMessage::id).toList();
    }

    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + name + " failed");
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(String what, BooleanSupplier condition, Process process, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what + "; worker output:\n" + read(log));
            if (!process.isAlive() && !condition.getAsBoolean()) {
                throw new AssertionError("the worker exited (" + process.exitValue() + ") before " + what + ":\n" + read(log));
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aSecondSigtermStopsAtOnceAndTheRunningJobsAreRecoveredLater() throws Exception {
        Path log = logs.resolve("twice.log");
        Process worker = startWorker(log, "--concurrency", "2", "--shutdown-grace", "60s");
        List<String> jobs = enqueueSleeps(Duration.ofMinutes(2), Duration.ofMinutes(2));
        await("both jobs to start", () -> jedis.llen("test:started") == 2, worker, log);

        signal(worker, "TERM");
        await("the graceful stop to begin", () -> read(log).contains("SIGTERM: stopping gracefully"), worker, log);
        long second = System.nanoTime();
        signal(worker, "TERM");

        assertTrue(worker.waitFor(15, TimeUnit.SECONDS), "a second signal stops the worker at once:\n" + read(log));
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - second) < 15);
        assertEquals(130, worker.exitValue(), read(log));
        assertTrue(read(log).contains("SIGTERM again: stopping now"), read(log));
        assertEquals(0, jedis.llen("test:done"), "the long jobs did not finish");
        for (String id : jobs) {
            assertEquals(Optional.of(JobState.ACTIVE), broker.status(id), "still in the dead worker's in-flight set");
        }

        // Once its heartbeat (15 s by default) has run out, any worker's recovery pass takes the jobs back.
        ManualClock later = new ManualClock(clock.instant().plus(Duration.ofMinutes(1)));
        try (RedisBroker survivor = RedisBroker.connect(redis.url(), "jtc", later)) {
            RecoveryResult recovered = survivor.recoverDeadWorkers(3);
            assertEquals(2, recovered.requeued(), recovered.toString());
            List<JobMessage> again = survivor.fetch("survivor", List.of("default"), 10, Duration.ZERO);
            assertEquals(jobs, again.stream().map(JobMessage::id).toList(), "back at the head of the queue, in order");
            assertEquals(List.of(1, 1), again.stream().map(JobMessage::recoveries).toList());
            assertEquals(List.of(1, 1), again.stream().map(JobMessage::attempt).toList(), "the cut-short attempt is not counted");
        }
    }

    @Test
    void oneSigintFinishesShortJobsPutsLongOnesBackAndExitsCleanly() throws Exception {
        Path log = logs.resolve("once.log");
        Process worker = startWorker(log, "--concurrency", "3", "--shutdown-grace", "2s");
        List<String> shortJobs = enqueueSleeps(Duration.ofMillis(700));
        List<String> longJobs = enqueueSleeps(Duration.ofMinutes(2), Duration.ofMinutes(2));
        await("all jobs to start", () -> jedis.llen("test:started") == 3, worker, log);

        signal(worker, "INT");

        assertTrue(worker.waitFor(30, TimeUnit.SECONDS), "the worker stops within its grace:\n" + read(log));
        assertEquals(0, worker.exitValue(), read(log));
        assertTrue(read(log).contains("SIGINT: stopping gracefully; running jobs get up to 2s to finish"), read(log));
        assertEquals(shortJobs, jedis.lrange("test:done", 0, -1), "the short job finished within the grace");
        assertEquals(Optional.of(JobState.COMPLETED), broker.status(shortJobs.get(0)));
        List<JobMessage> again = broker.fetch("next", List.of("default"), 10, Duration.ZERO);
        assertEquals(longJobs, again.stream().map(JobMessage::id).toList(), "the long jobs are back at the head, in order");
        assertEquals(List.of(1, 1), again.stream().map(JobMessage::attempt).toList());
        assertEquals(List.of(), broker.workers(), "the worker unregistered");
    }
}
