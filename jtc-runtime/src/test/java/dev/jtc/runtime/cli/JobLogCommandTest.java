package dev.jtc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.InMemoryBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code work} logs one line per completed job on {@code dev.jtc.jobs}, and neither
 * {@code --no-job-log} nor {@code JTC_JOB_LOG=off} does. The lines are read from the tests' real
 * SLF4J binding (slf4j-simple, which writes to {@code System.err}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JobLogCommandTest {

    private final Clock clock = Clock.systemUTC();
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final CliTestSupport cli = new CliTestSupport(broker);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureTheLog() {
        originalErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreTheLog() {
        System.setErr(originalErr);
        broker.close();
    }

    @Test
    void aCompletedJobIsOneLineWithItsDuration() throws Exception {
        String id = runOneJob(List.of());

        List<String> lines = linesAbout(id);
        assertEquals(1, lines.size(), logText());
        String line = lines.get(0);
        assertTrue(line.contains("dev.jtc.jobs"), line);
        assertTrue(Pattern.compile("INFO .*job " + id + " \\(SendMail\\) completed in \\d+ ms \\(queue mail, attempt 1\\)")
                .matcher(line).find(), line);
    }

    @Test
    void noJobLogTurnsTheLinesOff() throws Exception {
        String id = runOneJob(List.of("--no-job-log"));

        assertEquals(List.of(), linesAbout(id), logText());
    }

    @Test
    void theEnvironmentTurnsTheLinesOff() throws Exception {
        cli.env.put("JTC_JOB_LOG", "OFF");

        String id = runOneJob(List.of());

        assertEquals(List.of(), linesAbout(id), logText());
    }

    /** Runs {@code work} with {@code options} until one SendMail job completed; returns its id. */
    private String runOneJob(List<String> options) throws Exception {
        cli.handlers.put("SendMail", (payload, ctx) -> {});
        AtomicReference<JobHandle> handle = new AtomicReference<>();
        cli.workerStarted = worker -> {
            handle.set(new BrokerDispatcher(broker, clock).dispatch(CliTestSupport.SEND_MAIL, "{}", DispatchOptions.none()));
            Thread stopper = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                try {
                    while (!handle.get().status().equals(Optional.of(JobState.COMPLETED)) && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                worker.shutdown(Duration.ofSeconds(5));
            });
            stopper.start();
        };
        List<String> args = new ArrayList<>(List.of("work", "--no-scheduler"));
        args.addAll(options);

        assertEquals(0, cli.run(clock, args.toArray(String[]::new)), cli.err());
        assertEquals(Optional.of(JobState.COMPLETED), handle.get().status());
        return handle.get().id();
    }

    private List<String> linesAbout(String jobId) {
        return logText().lines().filter(line -> line.contains(jobId) && line.contains("completed")).toList();
    }

    private String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }
}
