package dev.jtc.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakeDispatcherTest {

    private final ManualClock clock = ManualClock.at("2026-03-02T09:00:00Z");
    private final FakeDispatcher fake = new FakeDispatcher(clock);
    private final Cafe.Component component = new Cafe.Component(fake, clock);
    private final Cafe.Runner runner = new Cafe.Runner(component);

    @Test
    void recordsEachDispatchWithItsDecodedPayloadAndOptions() {
        JobHandle receipt = component.jobs().sendReceipt(7L, "ada@example.com");
        component.jobs().chargeCard(8L, "tok_ok", DispatchOptions.queue("vip").withDelay(Duration.ofMinutes(5)).withUniqueKey("charge-8"));

        Dispatch<Cafe.Receipt> sent = fake.dispatchedOnce(Cafe.RECEIPT);
        assertEquals(new Cafe.Receipt(7L, "ada@example.com"), sent.payload());
        assertEquals(receipt.id(), sent.id());
        assertEquals("mail", sent.queue());
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), sent.dispatchedAt());
        assertEquals(Optional.empty(), sent.runAt());

        Dispatch<Cafe.Charge> charge = fake.assertDispatched(Cafe.CHARGE, p -> p.orderId() == 8L);
        assertEquals("vip", charge.queue());
        assertEquals(Optional.of(Instant.parse("2026-03-02T09:05:00Z")), charge.runAt());
        assertEquals(Optional.of("charge-8"), charge.uniqueKey());
        assertEquals("{\"orderId\":8,\"cardToken\":\"tok_ok\"}", charge.json());
        assertEquals(List.of("SendReceipt", "ChargeCard"), fake.all().stream().map(Dispatch::name).toList());
    }

    @Test
    void assertDispatchedNamesWhatWasDispatchedInstead() {
        component.jobs().sendReceipt(7L, "ada@example.com");

        AssertionError error = assertThrows(AssertionError.class, () -> fake.assertDispatched(Cafe.CHARGE));
        assertEquals("expected job 'ChargeCard' to be dispatched, but it was not; what was dispatched:\n"
                + "  SendReceipt Receipt[orderId=7, email=ada@example.com]", error.getMessage().replace("{\"orderId\":7,\"email\":\"ada@example.com\"}", "Receipt[orderId=7, email=ada@example.com]"));
        AssertionError none = assertThrows(AssertionError.class, () -> new FakeDispatcher(clock).assertDispatched(Cafe.CHARGE));
        assertEquals("expected job 'ChargeCard' to be dispatched, but it was not; nothing was dispatched", none.getMessage());
    }

    @Test
    void aPredicateThatMatchesNoneListsTheDecodedPayloads() {
        component.jobs().chargeCard(1L, "tok_a");
        component.jobs().chargeCard(2L, "tok_b", DispatchOptions.queue("vip"));

        AssertionError error = assertThrows(AssertionError.class, () -> fake.assertDispatched(Cafe.CHARGE, p -> p.orderId() == 3L));
        assertEquals("expected job 'ChargeCard' to be dispatched with a matching payload, but none of its 2 times matched:\n"
                + "  ChargeCard Charge[orderId=1, cardToken=tok_a]\n"
                + "  ChargeCard Charge[orderId=2, cardToken=tok_b] on queue vip", error.getMessage());
        AssertionError notAtAll = assertThrows(AssertionError.class, () -> fake.assertDispatched(Cafe.RECEIPT, p -> true));
        assertTrue(notAtAll.getMessage().startsWith("expected job 'SendReceipt' to be dispatched with a matching payload, but it was not"
                + " dispatched at all; what was dispatched:\n  ChargeCard {\"orderId\":1"), notAtAll.getMessage());
    }

    @Test
    void countsAreExact() {
        component.jobs().sendReceipt(1L, "a@example.com");
        component.jobs().sendReceipt(2L, "b@example.com", DispatchOptions.delay(Duration.ofSeconds(30)));

        assertEquals(2, fake.assertDispatchedTimes(Cafe.RECEIPT, 2).size());
        fake.assertDispatchedTimes(Cafe.CHARGE, 0);
        AssertionError error = assertThrows(AssertionError.class, () -> fake.assertDispatchedTimes(Cafe.RECEIPT, 1));
        assertEquals("expected job 'SendReceipt' to be dispatched 1 time, but it was dispatched 2 times:\n"
                + "  SendReceipt Receipt[orderId=1, email=a@example.com]\n"
                + "  SendReceipt Receipt[orderId=2, email=b@example.com] to run at 2026-03-02T09:00:30Z", error.getMessage());
        AssertionError once = assertThrows(AssertionError.class, () -> fake.dispatchedOnce(Cafe.CHARGE));
        assertTrue(once.getMessage().startsWith("expected job 'ChargeCard' to be dispatched 1 time, but it was dispatched 0 times;"
                + " what was dispatched:"), once.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fake.assertDispatchedTimes(Cafe.RECEIPT, -1));
    }

    @Test
    void notDispatchedAndNothingDispatched() {
        fake.assertNothingDispatched();
        fake.assertNotDispatched(Cafe.CHARGE);
        component.jobs().chargeCard(5L, "tok_ok");

        fake.assertNotDispatched(Cafe.RECEIPT);
        fake.assertNotDispatched(Cafe.CHARGE, p -> p.orderId() == 6L);
        AssertionError not = assertThrows(AssertionError.class, () -> fake.assertNotDispatched(Cafe.CHARGE));
        assertEquals("expected job 'ChargeCard' not to be dispatched, but it was dispatched 1 time:\n"
                + "  ChargeCard Charge[orderId=5, cardToken=tok_ok]", not.getMessage());
        AssertionError matching = assertThrows(AssertionError.class, () -> fake.assertNotDispatched(Cafe.CHARGE, p -> p.orderId() == 5L));
        assertEquals("expected job 'ChargeCard' not to be dispatched with a matching payload, but it was 1 time:\n"
                + "  ChargeCard Charge[orderId=5, cardToken=tok_ok]", matching.getMessage());
        AssertionError nothing = assertThrows(AssertionError.class, fake::assertNothingDispatched);
        assertEquals("expected nothing to be dispatched, but 1 job was:\n  ChargeCard {\"orderId\":5,\"cardToken\":\"tok_ok\"}",
                nothing.getMessage());
    }

    @Test
    void aPayloadTheCodecCannotDecodeFailsTheAssertionWithTheCodecsReason() {
        fake.dispatch(Cafe.CHARGE_TYPE, "{\"orderId\":\"nine\",\"cardToken\":\"tok\"}", DispatchOptions.none());

        AssertionError error = assertThrows(AssertionError.class, () -> fake.dispatched(Cafe.CHARGE));
        assertTrue(error.getMessage().startsWith("job 'ChargeCard' (id "), error.getMessage());
        assertTrue(error.getMessage().contains("cannot decode, so a worker would fail it: "), error.getMessage());
        assertTrue(error.getMessage().contains("orderId"), error.getMessage());
        assertEquals(1, fake.dispatched("ChargeCard").size(), "the untyped listing still shows it");
    }

    @Test
    void aUniqueKeyHeldByAPendingJobGivesTheFirstJobsHandle() {
        JobHandle first = component.jobs().sendReceipt(1L, "a@example.com", DispatchOptions.uniqueKey("receipt-1"));
        JobHandle second = component.jobs().sendReceipt(1L, "a@example.com", DispatchOptions.uniqueKey("receipt-1"));

        assertFalse(first.duplicate());
        assertTrue(second.duplicate());
        assertEquals(first.id(), second.id());
        fake.assertDispatchedTimes(Cafe.RECEIPT, 1);

        fake.runPending(runner);
        JobHandle afterRun = component.jobs().sendReceipt(1L, "a@example.com", DispatchOptions.uniqueKey("receipt-1"));
        assertFalse(afterRun.duplicate(), "the key is free again once the job has run");
    }

    @Test
    void statusAndCancelFollowTheKeptJobs() {
        JobHandle now = component.jobs().sendReceipt(1L, "a@example.com");
        JobHandle later = component.jobs().sendReceipt(2L, "b@example.com", DispatchOptions.delay(Duration.ofMinutes(1)));
        JobHandle cancelled = component.jobs().sendReceipt(3L, "c@example.com");

        assertEquals(Optional.of(JobState.QUEUED), now.status());
        assertEquals(Optional.of(JobState.SCHEDULED), later.status());
        assertTrue(cancelled.cancel());
        assertFalse(cancelled.cancel(), "a cancelled job cannot be cancelled again");
        assertEquals(Optional.empty(), fake.status("01JUNKNOWN@mail"));

        assertEquals(1, fake.runPending(runner));
        assertEquals(Optional.of(JobState.COMPLETED), now.status());
        assertEquals(Optional.of(JobState.CANCELLED), cancelled.status());
        assertFalse(now.cancel(), "a completed job cannot be cancelled");
        assertEquals(1, fake.pending().size());

        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.of(JobState.QUEUED), later.status());
        assertEquals(1, fake.runPending(runner));
        assertEquals(List.of("receipt 1 to a@example.com at 2026-03-02T09:00:00Z", "receipt 2 to b@example.com at 2026-03-02T09:01:00Z"),
                component.outbox());
    }

    @Test
    void runPendingRunsWhatTheJobsDispatchToo() {
        component.jobs().chargeCard(11L, "tok_ok");
        component.jobs().chargeCard(12L, "tok_ok");

        assertEquals(4, fake.runPending(runner));

        assertEquals(List.of("charged 11 on attempt 1", "charged 12 on attempt 1",
                "receipt 11 to guest@example.com at 2026-03-02T09:00:00Z", "receipt 12 to guest@example.com at 2026-03-02T09:00:00Z"),
                component.outbox());
        assertEquals(0, fake.runPending(runner), "nothing is left");
        fake.assertDispatchedTimes(Cafe.RECEIPT, 2);
    }

    @Test
    void aJobThatThrowsFailsTheRunAndLeavesTheRestPending() {
        JobHandle declined = component.jobs().chargeCard(13L, "declined");
        JobHandle next = component.jobs().sendReceipt(14L, "d@example.com");

        JobFailedError error = assertThrows(JobFailedError.class, () -> fake.runPending(runner));
        assertInstanceOf(IllegalStateException.class, error.getCause());
        assertEquals("job ChargeCard Charge[orderId=13, cardToken=declined] (id " + declined.id() + ") failed when run inline: "
                + "java.lang.IllegalStateException: card declined refused on attempt 1",
                error.getMessage().replace("{\"orderId\":13,\"cardToken\":\"declined\"}", "Charge[orderId=13, cardToken=declined]"));
        assertEquals(declined.id(), error.dispatch().id());
        assertEquals(Optional.of(JobState.FAILED), declined.status());
        assertEquals(Optional.of(JobState.QUEUED), next.status());
        assertEquals(1, fake.runPending(runner));
    }

    @Test
    void aJobThatDispatchesItselfForeverIsStopped() {
        component.jobs().chargeCard(15L, "again");

        AssertionError error = assertThrows(AssertionError.class, () -> fake.runPending(runner));
        assertTrue(error.getMessage().startsWith("runPending ran " + FakeDispatcher.RUN_LIMIT + " jobs and more are due (the next is"
                + " ChargeCard {\"orderId\":15,\"cardToken\":\"again\"}): does a job dispatch itself"), error.getMessage());
    }

    @Test
    void aForwardingFakeRecordsAndPassesEveryJobOn() throws Exception {
        try (InMemoryBroker broker = new InMemoryBroker(clock)) {
            FakeDispatcher forwarding = FakeDispatcher.forwardingTo(new BrokerDispatcher(broker, clock), clock);
            Cafe.Jobs jobs = new Cafe.Jobs(forwarding);

            JobHandle handle = jobs.sendReceipt(21L, "e@example.com", DispatchOptions.uniqueKey("r-21"));
            JobHandle duplicate = jobs.sendReceipt(21L, "e@example.com", DispatchOptions.uniqueKey("r-21"));

            assertTrue(duplicate.duplicate());
            assertEquals(handle.id(), forwarding.dispatchedOnce(Cafe.RECEIPT).id());
            assertEquals(Optional.of(JobState.QUEUED), forwarding.status(handle.id()));
            List<JobMessage> fetched = broker.fetch("test", List.of("mail"), 10, Duration.ofMillis(1));
            assertEquals(List.of(handle.id()), fetched.stream().map(JobMessage::id).toList());

            IllegalStateException error = assertThrows(IllegalStateException.class, () -> forwarding.runPending(runner));
            assertTrue(error.getMessage().contains("where a worker runs them"), error.getMessage());
        }
    }

    @Test
    void clearForgetsEverything() {
        component.jobs().sendReceipt(1L, "a@example.com");
        fake.clear();
        fake.assertNothingDispatched();
        assertSame(0, fake.pending().size());
    }
}
