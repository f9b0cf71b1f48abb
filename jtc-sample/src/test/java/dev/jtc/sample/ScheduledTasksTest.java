package dev.jtc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.MissedTicks;
import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import dev.jtc.runtime.worker.Scheduler;
import dev.jtc.runtime.worker.WorkerConfig;
import dev.jtc.sample.inventory.InventoryTasksSchedule;
import dev.jtc.sample.inventory.RestockProductCodec;
import dev.jtc.sample.inventory.RestockReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sample's scheduled tasks, driven by a {@link ManualClock}: the generated registry's ticks
 * are claimed by the runtime's {@link Scheduler} on an in-memory broker, and the jobs it enqueues
 * are run through the generated {@code ShopAppJobRunner}, as a worker would, a step at a time.
 * These tests look at the scheduler's own policies (overlap, missed ticks); a test of what a
 * task does needs less: {@link ShopInlineTest} advances jtc-test's clock instead.
 * The shop's own tasks ({@code BackOfficeTasks}) and the inventory library's
 * ({@code InventoryTasks}, from {@code jtc-sample-inventory}) run side by side.
 */
class ScheduledTasksTest {

    private static final String REFRESH_STOCK = "InventoryTasks.refreshStock";
    private static final String REORDER_LOW_STOCK = "InventoryTasks.reorderLowStock";
    private static final String MORNING_REPORT = "BackOfficeTasks.morningSalesReport";

    private final ManualClock clock = ManualClock.at("2026-03-02T09:00:02Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final TestShopComponent shop =
            DaggerTestShopComponent.factory().create(new BrokerDispatcher(broker, clock), clock, Settings.empty());
    private final ShopAppJobRunner runner = new ShopAppJobRunner(shop);
    private final Scheduler scheduler =
            new Scheduler(broker, ShopAppScheduleRegistry.TASKS, clock, WorkerConfig.defaults(), clock.advancingSleeper());

    @Test
    void theRegistryListsEveryTaskWithItsSchedule() {
        List<String> names = ShopAppScheduleRegistry.TASKS.stream().map(ScheduledTask::name).toList();
        assertEquals(List.of(MORNING_REPORT, "BackOfficeTasks.purgeOldMail", REFRESH_STOCK, REORDER_LOW_STOCK), names);

        ScheduledTask refresh = InventoryTasksSchedule.REFRESH_STOCK;
        assertEquals(ScheduledTask.Kind.INTERVAL, refresh.kind());
        assertFalse(refresh.overlap());
        assertEquals(MissedTicks.SKIP, refresh.missed());
        assertEquals("default", refresh.jobType().queue());

        ScheduledTask report = BackOfficeTasksSchedule.MORNING_SALES_REPORT;
        assertEquals("Europe/Berlin", report.zone().getId());
        assertEquals(MissedTicks.RUN_ONCE, report.missed());
    }

    @Test
    void theMorningReportFollowsBerlinTimeAcrossTheSpringForwardWeekend() {
        ScheduledTask report = BackOfficeTasksSchedule.MORNING_SALES_REPORT;
        // Friday 27 March 2026, 07:00 CET = 06:00Z; clocks go forward on Sunday the 29th.
        Instant friday = Instant.parse("2026-03-27T06:00:00Z");
        Instant monday = report.schedule().nextRunAfter(friday).orElseThrow();
        assertEquals(Instant.parse("2026-03-30T05:00:00Z"), monday, "Monday 07:00 CEST");
        assertEquals(Instant.parse("2026-03-31T05:00:00Z"), report.schedule().nextRunAfter(monday).orElseThrow());
    }

    @Test
    void stockIsRefreshedOnTheFiveSecondGridAndRefreshesDoNotPileUp() throws Exception {
        Optional<Instant> next = scheduler.pollOnce();
        assertEquals(Optional.of(Instant.parse("2026-03-02T09:00:05Z")), next, "ticks fall on multiples of 5 s since the epoch");
        assertTrue(readyJobs().isEmpty(), "a task seen for the first time does not run at once");

        clock.set(Instant.parse("2026-03-02T09:00:05Z"));
        scheduler.pollOnce();
        JobMessage tick = single(readyJobs(), REFRESH_STOCK);
        runAndComplete(tick);
        assertEquals(1, shop.inventory().refreshes());
        assertEquals(Optional.of(Instant.parse("2026-03-02T09:00:05Z")), shop.inventory().lastRefresh());
        assertEquals(Optional.of(140), shop.inventory().level("BEAN-1KG"));

        // The 09:00:10 run is still waiting when 09:00:15 comes: overlap = false spends that tick.
        clock.set(Instant.parse("2026-03-02T09:00:10Z"));
        scheduler.pollOnce();
        clock.set(Instant.parse("2026-03-02T09:00:15Z"));
        scheduler.pollOnce();
        List<JobMessage> waiting = readyJobs();
        assertEquals(1, waiting.size(), "one refresh waiting, not two: " + waiting);
        runAndComplete(waiting.get(0));
        assertEquals(2, shop.inventory().refreshes());

        clock.set(Instant.parse("2026-03-02T09:00:20Z"));
        scheduler.pollOnce();
        runAndComplete(single(readyJobs(), REFRESH_STOCK));
        assertEquals(3, shop.inventory().refreshes());
    }

    @Test
    void theMorningCountReordersWhatRunsLowAndTheDeliveryIsShelved() throws Exception {
        assertEquals(12, shop.warehouse().free("GRINDER-HAND"), "the only product below the reorder point of 20");
        clock.set(Instant.parse("2026-03-02T04:59:30Z")); // Monday, 05:59:30 in Berlin
        scheduler.pollOnce();

        clock.set(Instant.parse("2026-03-02T05:00:00Z"));
        scheduler.pollOnce();
        runAndComplete(single(readyJobs(), REORDER_LOW_STOCK));

        JobMessage restock = single(readyJobs(), "RestockProduct");
        RestockProductCodec.Payload order = RestockProductCodec.decode(restock.payload());
        assertEquals("GRINDER-HAND", order.sku());
        assertEquals(50, order.quantity(), "the default reorder quantity");
        assertEquals(RestockReason.LOW_STOCK, order.reason());
        assertEquals("inventory", restock.queue());
        runAndComplete(restock);
        assertEquals(62, shop.warehouse().free("GRINDER-HAND"));
    }

    @Test
    void aMissedNightlyPurgeIsSkippedNotCaughtUp() throws Exception {
        clock.set(Instant.parse("2026-03-02T02:59:00Z"));
        scheduler.pollOnce();

        // No worker ran for two days: the purge's ticks of the 2nd and 3rd were missed.
        clock.set(Instant.parse("2026-03-04T02:00:00Z"));
        scheduler.pollOnce();
        assertTrue(readyJobs().stream().noneMatch(job -> job.name().equals("BackOfficeTasks.purgeOldMail")),
                "missed = SKIP runs nothing for missed ticks");

        clock.set(Instant.parse("2026-03-04T03:00:00Z"));
        scheduler.pollOnce();
        assertEquals(1, readyJobs().stream().filter(job -> job.name().equals("BackOfficeTasks.purgeOldMail")).count());
    }

    /** Takes every ready job off the broker, as a worker's fetch would. */
    private List<JobMessage> readyJobs() throws InterruptedException {
        return broker.fetch("test-worker", ShopAppWorker.definition().queues(), 100, Duration.ofMillis(1));
    }

    private static JobMessage single(List<JobMessage> jobs, String name) {
        List<JobMessage> named = jobs.stream().filter(job -> job.name().equals(name)).toList();
        assertEquals(1, named.size(), "jobs named " + name + " among " + jobs);
        return named.get(0);
    }

    private void runAndComplete(JobMessage job) throws Exception {
        runner.run(job.name(), job.payload(), new TestContext(job));
        broker.complete("test-worker", List.of(job));
    }

    /** The context a worker would give the job. */
    private record TestContext(JobMessage job) implements JobContext {
        @Override public String id() { return job.id(); }
        @Override public String name() { return job.name(); }
        @Override public String queue() { return job.queue(); }
        @Override public int attempt() { return job.attempt(); }
        @Override public Instant enqueuedAt() { return job.enqueuedAt(); }
        @Override public boolean stopRequested() { return false; }
    }
}
