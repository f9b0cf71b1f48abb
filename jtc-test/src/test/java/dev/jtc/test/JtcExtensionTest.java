package dev.jtc.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JtcExtensionTest {

    @Nested
    class Inline {

        @RegisterExtension
        final JtcExtension<Cafe.Component> jtc = JtcExtension.forApp(Cafe.DEFINITION)
                .component((dispatcher, clock, settings) -> new Cafe.Component(dispatcher, clock), Cafe.Runner::new)
                .startingAt("2026-03-02T05:50:00Z")
                .build();

        @Test
        void jobsWaitUntilRunPendingRunsThemInline() {
            jtc.component().jobs().chargeCard(1L, "tok_ok");
            jtc.dispatcher().assertDispatched(Cafe.CHARGE, p -> p.orderId() == 1L);
            assertEquals(List.of(), jtc.component().outbox());

            assertEquals(2, jtc.runPending());

            assertEquals(List.of("charged 1 on attempt 1", "receipt 1 to guest@example.com at 2026-03-02T05:50:00Z"),
                    jtc.component().outbox());
            jtc.dispatcher().assertDispatched(Cafe.RECEIPT, p -> p.email().equals("guest@example.com"));
            assertEquals(List.of("mail", "payments", "default"), jtc.queues(), "the jobs' queues, then the tasks'");
        }

        @Test
        void advancingTheClockRunsTicksAndDelayedJobsInTimeOrder() {
            jtc.component().jobs().sendReceipt(2L, "later@example.com", DispatchOptions.delay(Duration.ofMinutes(20)));

            jtc.advance(Duration.ofMinutes(20));   // to 06:10Z: at 06:00 a check and the 07:00 Berlin report, then the receipt
            assertEquals(List.of("coffee machine checked at 2026-03-02T06:00:00Z", "opening report at 2026-03-02T06:00:00Z",
                    "receipt 2 to later@example.com at 2026-03-02T06:10:00Z"), jtc.component().outbox());
            assertEquals(Instant.parse("2026-03-02T06:10:00Z"), jtc.now());

            jtc.advanceTo(Instant.parse("2026-03-02T06:30:00Z"));
            assertEquals(List.of("coffee machine checked at 2026-03-02T06:00:00Z", "opening report at 2026-03-02T06:00:00Z",
                    "receipt 2 to later@example.com at 2026-03-02T06:10:00Z",
                    "coffee machine checked at 2026-03-02T06:15:00Z",
                    "coffee machine checked at 2026-03-02T06:30:00Z"), jtc.component().outbox());
        }

        @Test
        void theCronTaskRunsAtItsTimeInItsZone() {
            jtc.advance(Duration.ofHours(1).plusMinutes(10));   // 05:50Z to 07:00Z; 07:00 in Berlin (CET) is 06:00Z

            List<String> outbox = jtc.component().outbox();
            assertTrue(outbox.contains("opening report at 2026-03-02T06:00:00Z"), outbox.toString());
            assertEquals(5, outbox.stream().filter(line -> line.startsWith("coffee machine checked")).count(), outbox.toString());
            assertEquals(1, jtc.dispatcher().dispatched("CafeTasks.openingReport").size());
            assertEquals(Optional.of(JobState.COMPLETED), jtc.dispatcher().status(jtc.dispatcher().dispatched("CafeTasks.openingReport").get(0).id()));
        }

        @Test
        void aFailingJobFailsTheTestWithItsException() {
            JobHandle declined = jtc.component().jobs().chargeCard(3L, "declined");

            JobFailedError error = assertThrows(JobFailedError.class, jtc::runPending);

            assertInstanceOf(IllegalStateException.class, error.getCause());
            assertEquals(Optional.of(JobState.FAILED), declined.status());
        }

        @Test
        void theClockOnlyMovesForwardAndWorkerWaitsAreRefused() {
            assertInstanceOf(ManualClock.class, jtc.clock());
            IllegalArgumentException back = assertThrows(IllegalArgumentException.class,
                    () -> jtc.advanceTo(Instant.parse("2026-03-02T05:00:00Z")));
            assertEquals("the clock only moves forward: it is 2026-03-02T05:50:00Z, asked for 2026-03-02T05:00:00Z", back.getMessage());
            assertThrows(IllegalArgumentException.class, () -> jtc.advance(Duration.ofSeconds(-1)));

            JobHandle handle = jtc.component().jobs().sendReceipt(4L, "a@example.com");
            IllegalStateException wait = assertThrows(IllegalStateException.class, () -> jtc.awaitCompleted(handle));
            assertEquals("awaitCompleted waits for a worker; this JtcExtension runs jobs inline: call runPending() or advance(...),"
                    + " or build it with .worker()", wait.getMessage());
            assertThrows(IllegalStateException.class, jtc::broker);
        }
    }

    @Nested
    class WithAWorker {

        @RegisterExtension
        final JtcExtension<Cafe.Component> jtc = JtcExtension.forApp(Cafe.DEFINITION)
                .component((dispatcher, clock, settings) -> new Cafe.Component(dispatcher, clock), Cafe.Runner::new)
                .worker()
                .timeout(Duration.ofSeconds(10))
                .build();

        @Test
        void aFlakyChargeIsRetriedAndItsReceiptSent() throws Exception {
            JobHandle charge = jtc.component().jobs().chargeCard(5L, "flaky");

            jtc.awaitCompleted(charge);
            jtc.awaitCompleted(Cafe.RECEIPT, 1);
            jtc.awaitIdle();

            List<Failure> retries = jtc.retriesOf(charge);
            assertEquals(1, retries.size(), retries.toString());
            assertTrue(retries.get(0).reason().contains("card flaky refused on attempt 1"), retries.get(0).reason());
            assertTrue(jtc.component().outbox().contains("charged 5 on attempt 2"), jtc.component().outbox().toString());
            jtc.dispatcher().dispatchedOnce(Cafe.RECEIPT);
            assertEquals(Optional.of(JobState.COMPLETED), charge.status());
        }

        @Test
        void aDeclinedChargeEndsInTheFailedSet() throws Exception {
            JobHandle charge = jtc.component().jobs().chargeCard(6L, "declined");

            Failure failure = jtc.awaitFailed(charge);

            assertEquals(3, failure.attempt(), "retries = 2: three attempts");
            assertEquals(2, jtc.retriesOf(charge).size());
            assertEquals(charge.id(), jtc.broker().failedJobs(0, 10).get(0).job().id());
            AssertionError error = assertThrows(AssertionError.class, () -> jtc.awaitCompleted(charge));
            assertTrue(error.getMessage().startsWith("waited for job " + charge.id() + " to complete, but it went to the failed set: "
                    + "failed ChargeCard (id " + charge.id() + ", attempt 3): "), error.getMessage());
            jtc.dispatcher().assertNotDispatched(Cafe.RECEIPT);
        }

        @Test
        void aWaitThatRunsOutSaysWhatTheWorkerDid() throws Exception {
            JobHandle elsewhere = jtc.component().jobs().sendReceipt(7L, "x@example.com", DispatchOptions.queue("nobody-listens"));
            JtcExtension<Void> quick = JtcExtension.forApp(Cafe.DEFINITION).worker().timeout(Duration.ofMillis(200)).build();
            quick.beforeEach(null);
            try {
                JobHandle lost = new Cafe.Jobs(quick.dispatcher()).sendReceipt(8L, "y@example.com", DispatchOptions.queue("nobody-listens"));
                AssertionError error = assertThrows(AssertionError.class, () -> quick.awaitCompleted(lost));
                assertEquals("waited 200 ms for job " + lost.id() + " to complete; the worker reported nothing", error.getMessage());
                IllegalStateException noComponent = assertThrows(IllegalStateException.class, quick::component);
                assertTrue(noComponent.getMessage().startsWith("this JtcExtension was built without a component"), noComponent.getMessage());
                assertThrows(IllegalStateException.class, quick::runPending);
            } finally {
                quick.afterEach(null);
            }
            assertEquals(Optional.of(JobState.QUEUED), elsewhere.status(), "a queue the worker does not listen to keeps its job");
        }
    }

    @Test
    void outsideATestTheExtensionSaysHowToUseIt() {
        JtcExtension<Void> unused = JtcExtension.forApp(Cafe.DEFINITION).build();
        IllegalStateException error = assertThrows(IllegalStateException.class, unused::dispatcher);
        assertEquals("JtcExtension works inside a test: register it with @RegisterExtension on a field", error.getMessage());
    }
}
