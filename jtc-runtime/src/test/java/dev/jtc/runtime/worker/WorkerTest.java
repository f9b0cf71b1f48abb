package dev.jtc.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.broker.FailedJob;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.WorkerInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The worker against the in-memory broker and a hand-written dispatch table. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WorkerTest {

    private static final Duration TINY = Duration.ofMillis(1);

    private final Clock clock = Clock.systemUTC();
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final BrokerDispatcher dispatcher = new BrokerDispatcher(broker, clock);
    private final TestJobRunner runner = new TestJobRunner();
    private final RecordingListener events = new RecordingListener();
    private final List<Worker> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (Worker worker : workers) {
            worker.shutdown(Duration.ZERO);
            assertTrue(worker.awaitTermination(Duration.ofSeconds(20)), "worker did not stop");
        }
        broker.close();
    }

    private static JobType type(String name, int retries) {
        return new JobType(name, "default", retries, JobType.NO_TIMEOUT, TINY, Duration.ofMillis(5), "fp-" + name, "n:int");
    }

    private static JobType typeWithTimeout(String name, int retries, Duration timeout) {
        return new JobType(name, "default", retries, timeout, TINY, Duration.ofMillis(5), "fp-" + name, "");
    }

    private static WorkerConfig.Builder config() {
        return WorkerConfig.builder().fetchWait(Duration.ofMillis(50)).shutdownGrace(Duration.ofSeconds(5));
    }

    private Worker start(List<JobType> types, WorkerConfig config) {
        return start(types, List.of(), config);
    }

    private Worker start(List<JobType> types, List<ScheduledTask> tasks, WorkerConfig config) {
        Worker worker = new Worker(broker, runner, types, tasks, config, clock);
        worker.addListener(events);
        workers.add(worker);
        worker.start();
        return worker;
    }

    private void stop(Worker worker, Duration grace) throws InterruptedException {
        worker.shutdown(grace);
        assertTrue(worker.awaitTermination(Duration.ofSeconds(20)), "worker did not stop");
    }

    // --- running jobs --------------------------------------------------------------------------

    @Test
    void runsEveryJobOnceWithItsPayloadContextAndMdc() throws Exception {
        JobType send = type("SendMail", 3);
        Map<String, String> seen = new ConcurrentHashMap<>();
        AtomicInteger runs = new AtomicInteger();
        RecordingDiagnostics mdc = new RecordingDiagnostics();
        runner.on("SendMail", (payload, ctx) -> {
            runs.incrementAndGet();
            assertEquals(ctx.id(), mdc.get("jtc.jobId"));
            assertEquals("SendMail", mdc.get("jtc.jobName"));
            assertEquals(1, ctx.attempt());
            assertEquals("default", ctx.queue());
            assertFalse(ctx.stopRequested());
            seen.put(ctx.id(), payload);
        });
        List<JobHandle> handles = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            handles.add(dispatcher.dispatch(send, "{\"n\":" + i + "}", DispatchOptions.none()));
        }
        Worker worker = new Worker(broker, runner, List.of(send), List.of(), config().concurrency(4).build(), clock);
        worker.diagnosticContext(mdc).addListener(events);
        workers.add(worker);
        worker.start();

        events.await("completed", 25);

        assertEquals(25, runs.get());
        awaitTrue(mdc::emptyOnEveryThread); // the job's keys are removed when it ends
        for (int i = 0; i < 25; i++) {
            assertEquals("{\"n\":" + i + "}", seen.get(handles.get(i).id()));
            assertEquals(Optional.of(JobState.COMPLETED), handles.get(i).status());
        }
        assertEquals(25, broker.stats().processed());
        assertEquals(0, broker.stats().failures());
    }

    @Test
    void picksUpJobsDispatchedWhileItWaits() throws Exception {
        JobType send = type("SendMail", 0);
        runner.on("SendMail", (payload, ctx) -> {});
        start(List.of(send), config().build());
        events.await("workerStarted", 1);

        JobHandle handle = dispatcher.dispatch(send, "{}", DispatchOptions.none());

        events.await("completed", 1);
        assertEquals(Optional.of(JobState.COMPLETED), handle.status());
    }

    @Test
    void listensOnlyToItsQueues() throws Exception {
        JobType send = type("SendMail", 0);
        runner.on("SendMail", (payload, ctx) -> {});
        JobHandle elsewhere = dispatcher.dispatch(send, "{}", DispatchOptions.queue("reports"));
        JobHandle mine = dispatcher.dispatch(send, "{}", DispatchOptions.queue("mail"));
        start(List.of(send), config().queues("mail,default").build());

        events.await("completed", 1);
        assertEquals(Optional.of(JobState.COMPLETED), mine.status());
        assertEquals(Optional.of(JobState.QUEUED), elsewhere.status());
    }

    // --- retries and failures ------------------------------------------------------------------

    @Test
    void failingJobIsRetriedWithBackoffUntilItLandsInTheFailedSetWithItsHistory() throws Exception {
        JobType flaky = type("Flaky", 2);
        AtomicInteger attempts = new AtomicInteger();
        runner.on("Flaky", (payload, ctx) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("boom on attempt " + ctx.attempt());
        });
        JobHandle handle = dispatcher.dispatch(flaky, "{}", DispatchOptions.none());
        start(List.of(flaky), config().build());

        events.await("failed", 1);

        assertEquals(3, attempts.get(), "retries = 2 means three attempts");
        assertEquals(2, events.count("retried"));
        assertEquals(Optional.of(JobState.FAILED), handle.status());
        FailedJob failed = broker.failedJobs(0, 10).get(0);
        assertEquals(handle.id(), failed.job().id());
        assertEquals("java.lang.IllegalStateException: boom on attempt 3", failed.reason());
        assertEquals(List.of(1, 2, 3), failed.history().stream().map(Failure::attempt).toList());
        assertEquals("java.lang.IllegalStateException: boom on attempt 1", failed.history().get(0).reason());
        assertTrue(failed.history().get(0).stackTrace().contains("at dev.jtc.runtime.worker.WorkerTest"),
                failed.history().get(0).stackTrace());
        assertEquals(3, broker.stats().failures());
    }

    @Test
    void retriedJobThatSucceedsIsCompleted() throws Exception {
        JobType flaky = type("Flaky", 3);
        runner.on("Flaky", (payload, ctx) -> {
            if (ctx.attempt() < 2) {
                throw new java.io.IOException("connection reset");
            }
        });
        JobHandle handle = dispatcher.dispatch(flaky, "{}", DispatchOptions.none());
        start(List.of(flaky), config().build());

        List<RecordingListener.Event> completed = events.await("completed", 1);

        assertEquals(2, completed.get(0).job().attempt());
        assertEquals("java.io.IOException: connection reset", events.events("retried").get(0).failure().reason());
        assertEquals(Optional.of(JobState.COMPLETED), handle.status());
    }

    @Test
    void retryWaitsForTheBackoffDrawnFromTheJobsPolicy() throws Exception {
        JobType slowBackoff = new JobType("Slow", "default", 1, JobType.NO_TIMEOUT, Duration.ofHours(1), Duration.ofHours(1), "", "");
        runner.on("Slow", (payload, ctx) -> {
            throw new IllegalStateException("down");
        });
        JobHandle handle = dispatcher.dispatch(slowBackoff, "{}", DispatchOptions.none());
        Instant before = clock.instant();
        Worker worker = new Worker(broker, runner, List.of(slowBackoff), List.of(), config().build(), clock);
        worker.backoffRandom(drawing(Draw.LARGEST)).addListener(events);
        workers.add(worker);
        worker.start();

        List<RecordingListener.Event> retried = events.await("retried", 1);

        // Full jitter drew its largest value: the retry waits the whole bound, base * 2^0 = 1 h.
        Instant retryAt = retried.get(0).retryAt();
        assertFalse(retryAt.isBefore(before.plus(Duration.ofHours(1))), "retry at " + retryAt + ", failed after " + before);
        assertTrue(retryAt.isBefore(clock.instant().plus(Duration.ofHours(1)).plusMillis(1)), "retry at " + retryAt);
        assertEquals(Optional.of(JobState.SCHEDULED), handle.status());
        assertEquals(1, events.count("started"), "the retry waits for its backoff");
    }

    @Test
    void retryRunsAtOnceWhenTheJitterDrawsZero() throws Exception {
        JobType slowBackoff = new JobType("Slow", "default", 1, JobType.NO_TIMEOUT, Duration.ofHours(1), Duration.ofHours(1), "", "");
        runner.on("Slow", (payload, ctx) -> {
            if (ctx.attempt() == 1) {
                throw new IllegalStateException("down");
            }
        });
        JobHandle handle = dispatcher.dispatch(slowBackoff, "{}", DispatchOptions.none());
        Worker worker = new Worker(broker, runner, List.of(slowBackoff), List.of(), config().build(), clock);
        worker.backoffRandom(drawing(Draw.SMALLEST)).addListener(events);
        workers.add(worker);
        worker.start();

        List<RecordingListener.Event> completed = events.await("completed", 1);

        assertEquals(2, completed.get(0).job().attempt(), "the second attempt ran although the policy allows an hour");
        assertEquals(Optional.of(JobState.COMPLETED), handle.status());
    }

    private enum Draw { SMALLEST, LARGEST }

    /** A random source whose bounded draws are always the smallest or the largest value allowed. */
    private static RandomGenerator drawing(Draw draw) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return draw == Draw.SMALLEST ? 0 : Long.MAX_VALUE;
            }

            @Override
            public long nextLong(long origin, long bound) {
                return draw == Draw.SMALLEST ? origin : bound - 1;
            }
        };
    }

    @Test
    void jobWithUnknownNameGoesToTheFailedSetWithoutRetries() throws Exception {
        JobMessage stray = JobMessage.create(JobIds.next("default"), "RenamedJob", "default", "{}", "", clock.instant(), null, null);
        broker.enqueue(stray);
        start(List.of(type("SendMail", 5)), config().build());

        events.await("failed", 1);

        FailedJob failed = broker.failedJobs(0, 10).get(0);
        assertEquals(stray.id(), failed.job().id());
        assertTrue(failed.reason().contains("unknown job name 'RenamedJob'"), failed.reason());
        assertEquals(0, events.count("retried"));
    }

    @Test
    void runnerThatDoesNotKnowTheJobRejectsIt() throws Exception {
        JobType known = type("Known", 5);
        JobHandle handle = dispatcher.dispatch(known, "{}", DispatchOptions.none());
        start(List.of(known), config().build()); // the runner has no handler for "Known"

        events.await("failed", 1);

        assertEquals(Optional.of(JobState.FAILED), handle.status());
        assertTrue(broker.failedJobs(0, 1).get(0).reason().contains("unknown job name 'Known'"));
        assertEquals(0, events.count("retried"));
    }

    @Test
    void undecodablePayloadIsRejectedNamingBothFingerprints() throws Exception {
        JobType worker = new JobType("Invoice", "default", 5, JobType.NO_TIMEOUT, TINY, TINY, "new-fp", "orderId:UUID");
        runner.on("Invoice", (payload, ctx) -> {
            throw new PayloadException("field 'orderId': expected a UUID string, got 42");
        });
        JobMessage old = JobMessage.create(JobIds.next("default"), "Invoice", "default", "{\"orderId\":42}", "old-fp",
                clock.instant(), null, null);
        broker.enqueue(old);
        start(List.of(worker), config().build());

        events.await("failed", 1);

        String reason = broker.failedJobs(0, 1).get(0).reason();
        assertTrue(reason.contains("field 'orderId': expected a UUID string, got 42"), reason);
        assertTrue(reason.contains("'old-fp'") && reason.contains("'new-fp'") && reason.contains("differs"), reason);
        assertEquals(0, events.count("retried"));
    }

    @Test
    void undecodablePayloadWithMatchingOrMissingFingerprintSaysSo() throws Exception {
        JobType worker = new JobType("Invoice", "default", 0, JobType.NO_TIMEOUT, TINY, TINY, "fp-1", "");
        runner.on("Invoice", (payload, ctx) -> {
            throw new PayloadException("malformed JSON at offset 3");
        });
        broker.enqueue(JobMessage.create(JobIds.next("default"), "Invoice", "default", "{x", "fp-1", clock.instant(), null, null));
        broker.enqueue(JobMessage.create(JobIds.next("default"), "Invoice", "default", "{x", "", clock.instant(), null, null));
        start(List.of(worker), config().concurrency(1).build());

        events.await("failed", 2);

        List<String> reasons = broker.failedJobs(0, 2).stream().map(FailedJob::reason).toList();
        assertTrue(reasons.stream().anyMatch(r -> r.contains("are the same ('fp-1')")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("sent no schema fingerprint")), reasons.toString());
    }

    @Test
    void anExceptionWhoseMessageCannotBeReadStillFailsTheAttempt() throws Exception {
        JobType odd = type("Odd", 0);
        runner.on("Odd", (payload, ctx) -> {
            throw new IllegalStateException() {
                @Override
                public String getMessage() {
                    throw new NullPointerException("the exception's own bug");
                }
            };
        });
        JobHandle handle = dispatcher.dispatch(odd, "{}", DispatchOptions.none());
        start(List.of(odd), config().build());

        List<RecordingListener.Event> failed = events.await("failed", 1);

        assertTrue(failed.get(0).failure().reason().endsWith("(its getMessage() threw java.lang.NullPointerException)"),
                failed.get(0).failure().reason());
        assertEquals(Optional.of(JobState.FAILED), handle.status());
    }

    @Test
    void aListenerThatThrowsAnErrorDoesNotStrandTheJob() throws Exception {
        JobType work = type("Work", 0);
        runner.on("Work", (payload, ctx) -> {});
        JobHandle handle = dispatcher.dispatch(work, "{}", DispatchOptions.none());
        Worker worker = new Worker(broker, runner, List.of(work), List.of(), config().build(), clock);
        worker.addListener(new WorkerListener() {
            @Override
            public void jobStarted(JobMessage job) {
                throw new AssertionError("a test's listener asserting something");
            }
        });
        worker.addListener(events);
        workers.add(worker);
        worker.start();

        events.await("completed", 1);

        assertEquals(Optional.of(JobState.COMPLETED), handle.status());
    }

    @Test
    void anOutcomeBeingReportedWhenShutdownBeginsIsStillAcknowledged() throws Exception {
        JobType slow = typeWithTimeout("Slow", 0, Duration.ofMillis(100));
        CountDownLatch watchdogReporting = new CountDownLatch(1);
        CountDownLatch watchdogMayGoOn = new CountDownLatch(1);
        // The timeout watchdog writes the job into the log context after it claimed the attempt and
        // before it hands the outcome on: holding it there opens that window for as long as we like.
        DiagnosticContext holdWatchdog = new DiagnosticContext() {
            @Override
            public void put(String key, String value) {
                if (Thread.currentThread().getName().startsWith("jtc-timeout-")) {
                    watchdogReporting.countDown();
                    awaitUninterruptibly(watchdogMayGoOn);
                }
            }

            @Override
            public void remove(String key) {}
        };
        runner.on("Slow", (payload, ctx) -> Thread.sleep(20_000));
        JobHandle handle = dispatcher.dispatch(slow, "{}", DispatchOptions.none());
        Worker worker = new Worker(broker, runner, List.of(slow), List.of(), config().build(), clock);
        worker.diagnosticContext(holdWatchdog).addListener(events);
        workers.add(worker);
        worker.start();
        assertTrue(watchdogReporting.await(10, TimeUnit.SECONDS));

        worker.shutdown(Duration.ZERO);
        worker.awaitTermination(Duration.ofMillis(500)); // room for a shutdown that does not wait for the report
        watchdogMayGoOn.countDown();

        assertTrue(worker.awaitTermination(Duration.ofSeconds(20)));
        assertEquals(Optional.of(JobState.FAILED), handle.status(), "the timed-out attempt was acknowledged, not left in flight");
        assertEquals(1, events.count("failed"));
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // --- timeouts and concurrency --------------------------------------------------------------

    @Test
    void jobPastItsTimeoutIsInterruptedAskedToStopAndCountedAsFailed() throws Exception {
        JobType slow = typeWithTimeout("Slow", 0, Duration.ofMillis(200));
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean stopRequested = new AtomicBoolean();
        runner.on("Slow", (payload, ctx) -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                stopRequested.set(ctx.stopRequested());
                interrupted.set(true);
                throw e;
            }
        });
        JobHandle handle = dispatcher.dispatch(slow, "{}", DispatchOptions.none());
        start(List.of(slow), config().build());

        List<RecordingListener.Event> failed = events.await("failed", 1);

        assertTrue(failed.get(0).failure().reason().startsWith("timed out after 200ms"), failed.get(0).failure().reason());
        assertTrue(failed.get(0).failure().stackTrace().contains("Thread.sleep"), failed.get(0).failure().stackTrace());
        assertEquals(Optional.of(JobState.FAILED), handle.status());
        awaitTrue(interrupted::get);
        assertTrue(stopRequested.get());
        assertEquals(0, events.count("completed"));
    }

    @Test
    void aTimeoutBeyondWhatNanosecondsHoldIsJustVeryLong() throws Exception {
        JobType patient = typeWithTimeout("Patient", 0, Duration.ofDays(200_000)); // "200000d": 547 years
        runner.on("Patient", (payload, ctx) -> {});
        JobHandle handle = dispatcher.dispatch(patient, "{}", DispatchOptions.none());
        start(List.of(patient), config().build());

        events.await("completed", 1);

        assertEquals(Optional.of(JobState.COMPLETED), handle.status());
    }

    @Test
    void timedOutAttemptIsRetriedByPolicy() throws Exception {
        JobType slow = typeWithTimeout("Slow", 1, Duration.ofMillis(100));
        runner.on("Slow", (payload, ctx) -> {
            if (ctx.attempt() == 1) {
                Thread.sleep(20_000);
            }
        });
        JobHandle handle = dispatcher.dispatch(slow, "{}", DispatchOptions.none());
        start(List.of(slow), config().build());

        events.await("completed", 1);

        assertTrue(events.events("retried").get(0).failure().reason().startsWith("timed out after 100ms"));
        assertEquals(Optional.of(JobState.COMPLETED), handle.status());
    }

    @Test
    void threadThatIgnoresTheInterruptKeepsItsSlotSoConcurrencyIsNeverExceeded() throws Exception {
        JobType stubborn = typeWithTimeout("Stubborn", 0, Duration.ofMillis(100));
        JobType quick = type("Quick", 0);
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        runner.on("Stubborn", (payload, ctx) -> {
            concurrent.incrementAndGet();
            try {
                while (letGo.getCount() > 0) {
                    Thread.interrupted(); // swallows every interrupt
                    Thread.onSpinWait();
                }
            } finally {
                concurrent.decrementAndGet();
            }
        });
        runner.on("Quick", (payload, ctx) -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            concurrent.decrementAndGet();
        });
        dispatcher.dispatch(stubborn, "{}", DispatchOptions.none());
        Worker worker = start(List.of(stubborn, quick), config().concurrency(1).build());
        events.await("started", 1);
        events.await("failed", 1); // timed out
        dispatcher.dispatch(quick, "{}", DispatchOptions.none());

        Thread.sleep(300); // the quick job must not start while the stubborn thread holds the only slot
        assertEquals(1, events.count("started"));
        assertEquals(1, worker.runningJobs());
        letGo.countDown();

        events.await("completed", 1);
        assertEquals(1, maxConcurrent.get(), "the quick job ran alone");
        assertEquals(1, broker.stats().failed());
    }

    @Test
    void aRetryRunningBesideItsStubbornTimedOutAttemptIsStillPutBackAtShutdown() throws Exception {
        JobType stubborn = typeWithTimeout("Stubborn", 1, Duration.ofMillis(100));
        CountDownLatch firstMayReturn = new CountDownLatch(1);
        CountDownLatch secondRunning = new CountDownLatch(1);
        runner.on("Stubborn", (payload, ctx) -> {
            if (ctx.attempt() == 1) {
                while (firstMayReturn.getCount() > 0) {
                    Thread.interrupted(); // ignores the timeout's interrupt, keeps running past its deadline
                    Thread.onSpinWait();
                }
            } else {
                secondRunning.countDown();
                Thread.sleep(20_000);
            }
        });
        JobHandle handle = dispatcher.dispatch(stubborn, "{}", DispatchOptions.none());
        Worker worker = start(List.of(stubborn), config().concurrency(2).build());
        assertTrue(secondRunning.await(10, TimeUnit.SECONDS), "the retry runs on this worker beside attempt 1");
        firstMayReturn.countDown();
        awaitTrue(() -> worker.runningJobs() == 1); // attempt 1 has returned; attempt 2 (same job id) runs on

        stop(worker, Duration.ZERO);

        assertEquals(1, events.count("released"), "the unfinished retry is put back");
        assertEquals(Optional.of(JobState.QUEUED), handle.status());
    }

    @Test
    void runsUpToItsConcurrencyAtOnceAndNeverMore() throws Exception {
        JobType work = type("Work", 0);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        CountDownLatch threeTogether = new CountDownLatch(3);
        AtomicBoolean reachedThree = new AtomicBoolean();
        runner.on("Work", (payload, ctx) -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            threeTogether.countDown();
            if (threeTogether.await(10, TimeUnit.SECONDS)) {
                reachedThree.set(true);
            }
            Thread.sleep(5);
            concurrent.decrementAndGet();
        });
        for (int i = 0; i < 40; i++) {
            dispatcher.dispatch(work, "{}", DispatchOptions.none());
        }
        start(List.of(work), config().concurrency(3).fetchBatchSize(2).build());

        events.await("completed", 40);

        assertTrue(reachedThree.get(), "three jobs ran together");
        assertEquals(3, maxConcurrent.get(), "never more than the concurrency");
    }

    // --- shutdown and lifecycle ----------------------------------------------------------------

    @Test
    void lifecycleMovesForwardOnly() throws Exception {
        Worker worker = new Worker(broker, runner, List.of(), List.of(), config().build(), clock);
        worker.addListener(events);
        assertEquals(WorkerState.NEW, worker.state());
        worker.start();
        assertEquals(WorkerState.RUNNING, worker.state());
        assertThrows(IllegalStateException.class, worker::start);
        assertEquals(List.of(worker.id()), broker.workers().stream().map(WorkerInfo::id).toList());

        stop(worker, Duration.ofSeconds(1));

        assertEquals(WorkerState.STOPPED, worker.state());
        assertEquals(List.of(), broker.workers(), "a clean stop unregisters");
        assertEquals(1, events.count("workerStarted"));
        assertEquals(1, events.count("workerStopped"));
        assertThrows(IllegalStateException.class, worker::start);
    }

    @Test
    void workerThatNeverStartedStopsAtOnce() throws Exception {
        Worker worker = new Worker(broker, runner, List.of(), List.of(), config().build(), clock);
        worker.shutdown();
        assertTrue(worker.awaitTermination(Duration.ofSeconds(1)));
        assertEquals(WorkerState.STOPPED, worker.state());
    }

    @Test
    void idleWorkerStopsAtOnceWhateverItsFetchWait() throws Exception {
        JobType work = type("Work", 0);
        runner.on("Work", (payload, ctx) -> {});
        Worker worker = start(List.of(work), config().fetchWait(Duration.ofMinutes(1)).build());
        dispatcher.dispatch(work, "{}", DispatchOptions.none());
        events.await("completed", 1); // the fetch loop is back to waiting on an empty queue

        worker.shutdown(Duration.ofSeconds(5));

        assertTrue(worker.awaitTermination(Duration.ofSeconds(10)), "shutdown sat out the one-minute fetch wait");
        assertEquals(WorkerState.STOPPED, worker.state());
        assertEquals(List.of(), broker.workers(), "it unregistered");
        JobHandle later = dispatcher.dispatch(work, "{}", DispatchOptions.none());
        assertEquals(Optional.of(JobState.QUEUED), later.status(), "nothing fetches for the stopped worker");
    }

    @Test
    void shutdownLetsRunningJobsFinishWithinTheGrace() throws Exception {
        JobType work = type("Work", 0);
        CountDownLatch running = new CountDownLatch(1);
        runner.on("Work", (payload, ctx) -> {
            running.countDown();
            Thread.sleep(300);
        });
        JobHandle handle = dispatcher.dispatch(work, "{}", DispatchOptions.none());
        Worker worker = start(List.of(work), config().build());
        assertTrue(running.await(10, TimeUnit.SECONDS));

        stop(worker, Duration.ofSeconds(10));

        assertEquals(Optional.of(JobState.COMPLETED), handle.status());
        assertEquals(0, events.count("released"));
    }

    @Test
    void shutdownReleasesJobsThatDoNotFinishWithinTheGraceAndStopsFetching() throws Exception {
        JobType work = type("Work", 0);
        CountDownLatch running = new CountDownLatch(2);
        AtomicBoolean sawStop = new AtomicBoolean();
        runner.on("Work", (payload, ctx) -> {
            running.countDown();
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                sawStop.set(ctx.stopRequested());
                throw e;
            }
        });
        JobHandle first = dispatcher.dispatch(work, "{}", DispatchOptions.none());
        JobHandle second = dispatcher.dispatch(work, "{}", DispatchOptions.none());
        Worker worker = start(List.of(work), config().concurrency(2).build());
        assertTrue(running.await(10, TimeUnit.SECONDS));
        JobHandle waiting = dispatcher.dispatch(work, "{}", DispatchOptions.none());

        stop(worker, Duration.ofMillis(200));

        assertEquals(2, events.count("released"));
        assertEquals(Optional.of(JobState.QUEUED), first.status());
        assertEquals(Optional.of(JobState.QUEUED), second.status());
        assertEquals(Optional.of(JobState.QUEUED), waiting.status(), "no new job starts once stopping");
        assertEquals(0, broker.stats().failures(), "a released job has not failed");
        assertEquals(List.of(), broker.workers());
        awaitTrue(sawStop::get);
        // Another worker picks the released jobs up, first attempt again.
        List<JobMessage> again = broker.fetch("next", List.of("default"), 10, Duration.ZERO);
        assertEquals(List.of(1, 1, 1), again.stream().map(JobMessage::attempt).toList());
    }

    @Test
    void shutdownPutsUnfinishedJobsBackInOneCallInTheOrderTheyWereFetched() throws Exception {
        JobType work = type("Work", 0);
        CountDownLatch allRunning = new CountDownLatch(5);
        runner.on("Work", (payload, ctx) -> {
            allRunning.countDown();
            Thread.sleep(20_000);
        });
        List<String> fetched = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fetched.add(dispatcher.dispatch(work, "{\"n\":" + i + "}", DispatchOptions.none()).id());
        }
        List<String> waiting = new ArrayList<>();
        FlakyBroker recording = new FlakyBroker(broker);
        // Small batches, so the five running jobs come from several fetches.
        Worker worker = new Worker(recording, runner, List.of(work), List.of(), config().concurrency(5).fetchBatchSize(2).build(),
                clock);
        worker.addListener(events);
        workers.add(worker);
        worker.start();
        assertTrue(allRunning.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 2; i++) {
            waiting.add(dispatcher.dispatch(work, "{}", DispatchOptions.none()).id());
        }

        stop(worker, Duration.ofMillis(100));

        assertEquals(List.of(fetched), recording.releaseCalls(), "one release call, in fetch order");
        List<String> order = new ArrayList<>(fetched);
        order.addAll(waiting);
        List<JobMessage> next = broker.fetch("next", List.of("default"), 10, Duration.ZERO);
        assertEquals(order, next.stream().map(JobMessage::id).toList(), "released jobs run next, in their old order");
    }

    @Test
    void shutdownWithJobsAfterTheirTimeoutStillTerminates() throws Exception {
        JobType stubborn = typeWithTimeout("Stubborn", 0, Duration.ofMillis(50));
        AtomicBoolean letGo = new AtomicBoolean();
        runner.on("Stubborn", (payload, ctx) -> {
            while (!letGo.get()) {
                Thread.interrupted();
                Thread.onSpinWait();
            }
        });
        dispatcher.dispatch(stubborn, "{}", DispatchOptions.none());
        Worker worker = start(List.of(stubborn), config().build());
        events.await("failed", 1);

        stop(worker, Duration.ofMillis(100));
        letGo.set(true);

        assertEquals(WorkerState.STOPPED, worker.state());
        assertEquals(0, events.count("released"), "a timed-out attempt is already settled");
    }

    // --- heartbeat, recovery, scheduling -------------------------------------------------------

    @Test
    void takesBackTheJobsOfADeadWorkerAndRunsThem() throws Exception {
        JobType work = type("Work", 0);
        runner.on("Work", (payload, ctx) -> {});
        JobHandle handle = dispatcher.dispatch(work, "{}", DispatchOptions.none());
        broker.heartbeat(new WorkerInfo("dead", "elsewhere", 1, List.of("default"), 1, clock.instant(), clock.instant()),
                Duration.ofMillis(50));
        assertEquals(1, broker.fetch("dead", List.of("default"), 1, Duration.ZERO).size());

        start(List.of(work), config().recoveryInterval(Duration.ofMillis(50)).build());

        List<RecordingListener.Event> completed = events.await("completed", 1);
        assertEquals(handle.id(), completed.get(0).job().id());
        assertEquals(1, completed.get(0).job().recoveries());
    }

    @Test
    void aWorkerWhoseFirstHeartbeatFailedFetchesOnlyOnceItIsRegistered() throws Exception {
        JobType work = type("Work", 0);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        runner.on("Work", (payload, ctx) -> {
            runs.incrementAndGet();
            running.countDown();
            mayFinish.await();
        });
        FlakyBroker flaky = new FlakyBroker(broker);
        flaky.failHeartbeats(1);
        dispatcher.dispatch(work, "{}", DispatchOptions.none());
        Worker worker = new Worker(flaky, runner, List.of(work), List.of(), config().build(), clock);
        worker.addListener(events);
        workers.add(worker);
        worker.start(); // its first heartbeat fails; the next timed one is 5 s away

        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertEquals(0, broker.recoverDeadWorkers(3).requeued(), "a running job's worker must not look dead");
        mayFinish.countDown();

        events.await("completed", 1);
        assertEquals(1, runs.get());
        assertEquals(1, broker.stats().processed());
    }

    @Test
    void runsScheduledTasksAsJobsNamedAfterThem() throws Exception {
        ScheduledTask task = ScheduledTask.every("Cleanup.often", "50ms", Duration.ofMillis(50)).build();
        AtomicInteger runs = new AtomicInteger();
        runner.on("Cleanup.often", (payload, ctx) -> {
            assertEquals("{}", payload);
            runs.incrementAndGet();
        });
        start(List.of(), List.of(task), config().schedulerPoll(Duration.ofMillis(20)).build());

        events.await("completed", 2);
        assertTrue(runs.get() >= 2);
    }

    @Test
    void brokerFailuresAreRetriedAndNoAcknowledgementIsLost() throws Exception {
        JobType work = type("Work", 0);
        AtomicInteger runs = new AtomicInteger();
        runner.on("Work", (payload, ctx) -> runs.incrementAndGet());
        FlakyBroker flaky = new FlakyBroker(broker);
        JobHandle handle = dispatcher.dispatch(work, "{}", DispatchOptions.none());
        flaky.failFetches(3);
        flaky.failCompletes(3);
        Worker worker = new Worker(flaky, runner, List.of(work), List.of(), config().build(), clock);
        worker.addListener(events);
        workers.add(worker);
        worker.start();

        events.await("completed", 1);

        assertEquals(1, runs.get(), "the job ran once; only its acknowledgement was retried");
        assertEquals(Optional.of(JobState.COMPLETED), handle.status());
        assertEquals(1, broker.stats().processed());
        assertTrue(flaky.fetchFailures() >= 3 && flaky.completeFailures() >= 3);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(5);
        }
    }
}
