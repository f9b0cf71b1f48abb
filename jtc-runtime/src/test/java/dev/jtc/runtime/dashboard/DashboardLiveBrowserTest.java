package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.redis.RedisBroker;
import dev.jtc.runtime.redis.RedisFixture;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard beside a real {@link Worker} on a redis-server of its own, in headless Chromium:
 * a burst of jobs shows in the throughput chart and in the recently completed list, the Pause
 * button stops the worker from taking that queue's jobs and Resume starts it again, and the
 * workers view shows the job a slot runs. The clock is the system's, as in production.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DashboardLiveBrowserTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    @TempDir
    static Path profile;

    private static Chromium chromium;

    /** Mail jobs succeed; a ChargeCard fails for good at once (no retries), so failures show without waiting out a backoff. */
    private static final List<JobType> TYPES = List.of(
            new JobType("SendWelcomeEmail", "mail", 0, JobType.NO_TIMEOUT, Duration.ofMillis(1), Duration.ofMillis(5), "", ""),
            new JobType("ChargeCard", "payments", 0, JobType.NO_TIMEOUT, Duration.ofMillis(1), Duration.ofMillis(5), "", ""));

    private final Clock clock = Clock.systemUTC();
    private final Set<String> ran = ConcurrentHashMap.newKeySet();
    private RedisBroker broker;
    private DashboardFixture fixture;
    private Worker worker;

    @BeforeAll
    static void openBrowser() {
        chromium = Chromium.start(profile);
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void startDashboard() {
        broker = redis.broker("live", clock);
        fixture = new DashboardFixture(broker, clock, "ShopApp");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (worker != null) {
            worker.shutdown(Duration.ZERO);
            assertTrue(worker.awaitTermination(Duration.ofSeconds(20)));
        }
        fixture.close();
    }

    private void startWorker(JobRunner runner) {
        // A long fetch wait: a resumed queue must wake the blocked worker, not wait for its next poll.
        worker = new Worker(broker, runner, TYPES, List.of(), WorkerConfig.builder().workerId("shop-worker-live")
                .queues(List.of("mail", "payments")).concurrency(4).fetchWait(Duration.ofSeconds(30))
                .heartbeat(Duration.ofMillis(200), Duration.ofSeconds(3)).build(), clock);
        worker.start();
    }

    /** Runs mail jobs, records them, and fails every ChargeCard. */
    private final JobRunner recordingRunner = (name, payload, context) -> {
        if (name.equals("ChargeCard")) {
            throw new IllegalStateException("card declined");
        }
        ran.add(context.id());
    };

    private List<JobMessage> enqueue(String name, String queue, int count) {
        List<JobMessage> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(JobMessage.create(JobIds.next(queue), name, queue, "{\"n\":" + i + "}", "", clock.instant(), null, null));
        }
        broker.enqueueAll(jobs);
        return jobs;
    }

    private void open(String path) {
        chromium.driver.get(fixture.uri(path).toString());
    }

    private long sumOfBars(String attribute) {
        return chromium.until(driver -> driver.findElements(By.cssSelector("#throughput g.bucket")).stream()
                .mapToLong(bar -> Long.parseLong(bar.getAttribute(attribute))).sum());
    }

    @Test
    void aBurstOfJobsShowsInTheChartAndInTheCompletedList() throws InterruptedException {
        startWorker(recordingRunner);
        List<JobMessage> mail = enqueue("SendWelcomeEmail", "mail", 30);
        enqueue("ChargeCard", "payments", 4);
        await("the burst", () -> ran.size() == 30 && broker.stats().failed() == 4);

        open("/");
        chromium.until(driver -> "30".equals(driver.findElement(By.id("throughput")).getAttribute("data-processed")));
        assertEquals("4", chromium.in(By.id("throughput"), chart -> chart.getAttribute("data-failed")));
        assertEquals(60, chromium.driver.findElements(By.cssSelector("#throughput g.bucket")).size(), "one bar per minute of the last hour");
        assertEquals(30, sumOfBars("data-processed"));
        assertEquals(4, sumOfBars("data-failed"));
        double tallest = chromium.until(driver -> driver.findElements(By.cssSelector("#throughput rect.processed")).stream()
                .mapToDouble(rect -> Double.parseDouble(rect.getAttribute("height"))).max().orElse(0));
        assertTrue(tallest > 50, "the busiest minute's bar is drawn, " + tallest + " of 186 units high");
        assertTrue(chromium.textOf(By.id("chart-summary")).contains("30 completed · 4 failed in the last 60 minutes"));
        chromium.screenshot("dashboard-live-chart");

        chromium.click(By.cssSelector("#history-tabs [data-history=day]"));
        chromium.until(driver -> "/?history=day".equals(chromium.location()));
        chromium.until(driver -> driver.findElements(By.cssSelector("#throughput g.bucket")).size() == 30);
        assertEquals(30, sumOfBars("data-processed"), "today's bar holds the same jobs");

        chromium.click(By.cssSelector("#nav [data-nav=completed]"));
        chromium.until(driver -> "/completed".equals(chromium.location()));
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#completed tr.completed-job"), 25));
        String newest = chromium.in(By.cssSelector("#completed tr.completed-job"), row -> row.getAttribute("data-job-id"));
        assertTrue(mail.stream().anyMatch(j -> j.id().equals(newest)), newest);
        chromium.click(By.cssSelector("#completed-pager a"));
        chromium.until(driver -> "/completed?page=2".equals(chromium.location()));
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#completed tr.completed-job"), 5));

        chromium.click(By.cssSelector("#completed tr.completed-job a.job-id"));
        chromium.until(driver -> chromium.location().startsWith("/jobs/"));
        chromium.wait.until(ExpectedConditions.textToBe(By.cssSelector("#job [data-fact=state]"), "completed"));
    }

    @Test
    void pauseStopsTheWorkerTakingTheQueuesJobsAndResumeStartsItAgain() throws InterruptedException {
        startWorker(recordingRunner);
        List<JobMessage> first = enqueue("SendWelcomeEmail", "mail", 1);
        await("the first job", () -> ran.containsAll(ids(first)));
        open("/");
        By mailRow = By.cssSelector("#queues tr[data-queue=mail]");
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(mailRow));

        chromium.click(By.cssSelector("#queues tr[data-queue=mail] [data-action=pause]"));
        chromium.until(driver -> driver.findElement(mailRow).getText().contains("Paused"));
        assertTrue(broker.stats().queues().stream().anyMatch(q -> q.queue().equals("mail") && q.paused()));
        List<JobMessage> held = enqueue("SendWelcomeEmail", "mail", 5);
        Thread.sleep(700); // a worker that ignored the pause would have taken them by now
        assertTrue(held.stream().noneMatch(j -> ran.contains(j.id())), "the worker took nothing from the paused queue");
        chromium.until(driver -> driver.findElement(By.cssSelector("#queues tr[data-queue=mail] [data-list=ready]")).getText().equals("5"));
        chromium.screenshot("dashboard-live-paused");

        chromium.click(By.cssSelector("#queues tr[data-queue=mail] [data-action=resume]"));
        await("the held jobs after resume", () -> ran.containsAll(ids(held)));
        chromium.until(driver -> !driver.findElement(mailRow).getText().contains("Paused")
                && driver.findElements(By.cssSelector("#queues tr[data-queue=mail] [data-action=pause]")).size() == 1);
    }

    @Test
    void theWorkersViewShowsWhatEachBusySlotRuns() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        startWorker((name, payload, context) -> {
            release.await(30, TimeUnit.SECONDS);
            ran.add(context.id());
        });
        JobMessage slow = enqueue("SendWelcomeEmail", "mail", 1).get(0);
        try {
            open("/workers");
            By slot = By.cssSelector("#workers tr[data-worker-id=shop-worker-live] li[data-job-id='" + slow.id() + "']");
            chromium.wait.until(ExpectedConditions.presenceOfElementLocated(slot));
            assertEquals("1 / 4", chromium.textOf(By.cssSelector("#workers tr[data-worker-id=shop-worker-live] .busy-count")));
            assertTrue(chromium.textOf(slot).startsWith("SendWelcomeEmail " + slow.id() + " on mail for "), chromium.textOf(slot));
        } finally {
            release.countDown();
        }
        await("the slow job", () -> ran.contains(slow.id()));
        chromium.until(driver -> driver.findElement(By.cssSelector("#workers tr[data-worker-id=shop-worker-live] .busy-count"))
                .getText().equals("0 / 4"));
    }

    private static List<String> ids(List<JobMessage> jobs) {
        return jobs.stream().map(JobMessage::id).toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }
}
