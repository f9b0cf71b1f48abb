package dev.jtc.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an operator sees in the log when jobs fail: exactly one line per failed attempt, naming the
 * job id, the job name and the reason, written while the job's id and name are in the diagnostic
 * context (the MDC), whichever thread writes it (the job's own, or the timeout watchdog). The
 * lines are read from the real SLF4J binding of the tests (slf4j-simple, which writes to
 * {@code System.err}); the MDC is read through the worker's {@link DiagnosticContext} seam at the
 * moment each line is written, since slf4j-simple keeps no MDC of its own.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WorkerLoggingTest {

    private static final Duration TINY = Duration.ofMillis(1);

    private final Clock clock = Clock.systemUTC();
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final BrokerDispatcher dispatcher = new BrokerDispatcher(broker, clock);
    private final TestJobRunner runner = new TestJobRunner();
    private final RecordingListener events = new RecordingListener();
    private final RecordingDiagnostics mdc = new RecordingDiagnostics();
    private final List<LogLine> lines = new CopyOnWriteArrayList<>();
    private PrintStream originalErr;
    private Worker worker;

    /** One line written to the log, and the job id and name in the MDC of the thread that wrote it. */
    private record LogLine(String text, String mdcJobId, String mdcJobName) {}

    @BeforeEach
    void captureTheLog() {
        originalErr = System.err;
        System.setErr(new PrintStream(new LineCapture(originalErr), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreTheLog() throws InterruptedException {
        try {
            if (worker != null) {
                worker.shutdown(Duration.ZERO);
                assertTrue(worker.awaitTermination(Duration.ofSeconds(20)), "worker did not stop");
            }
            broker.close();
        } finally {
            System.setErr(originalErr);
        }
    }

    private void startWorker(List<JobType> types) {
        worker = new Worker(broker, runner, types, List.of(), WorkerConfig.builder().fetchWait(Duration.ofMillis(50))
                .concurrency(1).build(), clock);
        worker.diagnosticContext(mdc).addListener(events);
        worker.start();
    }

    private List<LogLine> linesAbout(String jobId) {
        return lines.stream().filter(line -> line.text().contains(jobId)).toList();
    }

    @Test
    void everyFailedAttemptIsOneLineWithTheReasonWrittenWhileTheJobIsInTheMdc() throws Exception {
        JobType flaky = new JobType("Flaky", "default", 1, JobType.NO_TIMEOUT, TINY, TINY, "fp", "");
        runner.on("Flaky", (payload, ctx) -> {
            throw new IllegalStateException("database is down (attempt " + ctx.attempt() + ")");
        });
        String id = dispatcher.dispatch(flaky, "{}", DispatchOptions.none()).id();

        startWorker(List.of(flaky));
        events.await("failed", 1);

        List<LogLine> about = linesAbout(id);
        assertEquals(2, about.size(), "one line per failed attempt: " + about);
        assertTrue(about.get(0).text().contains("WARN") && about.get(0).text().contains("attempt 1 of 2 failed")
                && about.get(0).text().contains("java.lang.IllegalStateException: database is down (attempt 1)")
                && about.get(0).text().contains("retrying in"), about.get(0).text());
        assertTrue(about.get(1).text().contains("ERROR") && about.get(1).text().contains("(Flaky) failed on its last attempt")
                && about.get(1).text().contains("database is down (attempt 2)")
                && about.get(1).text().contains("moved to the failed set"), about.get(1).text());
        for (LogLine line : about) {
            assertEquals(id, line.mdcJobId(), line.text());
            assertEquals("Flaky", line.mdcJobName(), line.text());
        }
    }

    @Test
    void aTimeoutIsLoggedOnceFromTheWatchdogWithTheJobInTheMdc() throws Exception {
        JobType slow = new JobType("Slow", "default", 0, Duration.ofMillis(100), TINY, TINY, "fp", "");
        runner.on("Slow", (payload, ctx) -> Thread.sleep(20_000));
        String id = dispatcher.dispatch(slow, "{}", DispatchOptions.none()).id();

        startWorker(List.of(slow));
        events.await("failed", 1);

        List<LogLine> about = linesAbout(id);
        assertEquals(1, about.size(), about.toString());
        assertTrue(about.get(0).text().contains("timed out after 100ms"), about.get(0).text());
        assertEquals(id, about.get(0).mdcJobId());
        assertEquals("Slow", about.get(0).mdcJobName());
    }

    @Test
    void jobsThatCannotRunAreLoggedOnceWithTheProblemNamed() throws Exception {
        JobType invoice = new JobType("Invoice", "default", 5, JobType.NO_TIMEOUT, TINY, TINY, "new-fp", "orderId:UUID");
        runner.on("Invoice", (payload, ctx) -> {
            throw new PayloadException("field 'orderId': expected a UUID string, got 42");
        });
        JobMessage stale = JobMessage.create(JobIds.next("default"), "Invoice", "default", "{\"orderId\":42}", "old-fp",
                clock.instant(), null, null);
        JobMessage unknown = JobMessage.create(JobIds.next("default"), "Renamed", "default", "{}", "", clock.instant(), null,
                null);
        broker.enqueueAll(List.of(stale, unknown));

        startWorker(List.of(invoice));
        events.await("failed", 2);

        List<LogLine> staleLines = linesAbout(stale.id());
        assertEquals(1, staleLines.size(), staleLines.toString());
        String text = staleLines.get(0).text();
        assertTrue(text.contains("cannot run and went to the failed set") && text.contains("'old-fp'")
                && text.contains("'new-fp'") && text.contains("expected a UUID string"), text);
        assertEquals(stale.id(), staleLines.get(0).mdcJobId());
        List<LogLine> unknownLines = linesAbout(unknown.id());
        assertEquals(1, unknownLines.size(), unknownLines.toString());
        assertTrue(unknownLines.get(0).text().contains("unknown job name 'Renamed'"), unknownLines.get(0).text());
        assertEquals("Renamed", unknownLines.get(0).mdcJobName());
    }

    @Test
    void aJobThatSucceedsLogsNothingAndLeavesTheMdcEmpty() throws Exception {
        JobType quiet = new JobType("Quiet", "default", 0, JobType.NO_TIMEOUT, TINY, TINY, "fp", "");
        runner.on("Quiet", (payload, ctx) -> {});
        String id = dispatcher.dispatch(quiet, "{}", DispatchOptions.none()).id();

        startWorker(List.of(quiet));
        events.await("completed", 1);

        assertEquals(List.of(), linesAbout(id));
        assertTrue(mdc.emptyOnEveryThread());
    }

    /**
     * Collects what is written to {@code System.err} line by line, per writing thread, noting the
     * writer's diagnostic context; passes everything on to the real stream as well.
     */
    private final class LineCapture extends OutputStream {
        private final PrintStream passOn;
        private final ThreadLocal<ByteArrayOutputStream> pending = ThreadLocal.withInitial(ByteArrayOutputStream::new);

        LineCapture(PrintStream passOn) {
            this.passOn = passOn;
        }

        @Override
        public void write(int b) {
            passOn.write(b);
            if (b == '\n') {
                ByteArrayOutputStream line = pending.get();
                lines.add(new LogLine(line.toString(StandardCharsets.UTF_8), mdc.get(DiagnosticContext.JOB_ID),
                        mdc.get(DiagnosticContext.JOB_NAME)));
                line.reset();
            } else {
                pending.get().write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public void flush() {
            passOn.flush();
        }
    }
}
