package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.BusySlot;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.PendingJob;
import dev.jtc.runtime.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard's views in a real browser (Debian's headless Chromium): each path shows its view on
 * a fresh load, back and forward move between views without reloading the page, the search box
 * and the job id links open a job's page, and "Run now" enqueues one run of a task. The fresh
 * loads leave a screenshot of each view in the build directory ({@code dashboard-<view>.png});
 * with {@code -Djtc.screenshots.update=true} also in {@code docs/images/}. Their data is fixed
 * (a manual clock, ids of the test's own), so a new screenshot changes only when the page does.
 */
class DashboardViewsBrowserTest {

    private static final String FAILED_CHARGE = id(1, "payments");
    private static final String FAILED_MAIL = id(2, "mail");
    private static final String WAITING_MAIL = id(12, "mail");

    @TempDir
    static Path profile;

    private static Chromium chromium;

    private final ManualClock clock = ManualClock.at("2026-01-05T08:59:30Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final DashboardFixture fixture = new DashboardFixture(broker, clock, "ShopApp");
    private long historyCompleted;
    private long historyRetried;

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

    @AfterEach
    void stop() {
        fixture.close();
        broker.close();
    }

    /** A fixed job id that looks like the ULIDs jtc makes. */
    private static String id(int number, String queue) {
        return String.format("01KE6Q2Z8X1V5N3M7P9R4T%04d@%s", number, queue);
    }

    private static String encoded(String id) {
        return id.replace("@", "%40");
    }

    private void open(String path) {
        chromium.driver.get(fixture.uri(path).toString());
    }

    private boolean shown(String sectionId) {
        return chromium.driver.findElement(By.id(sectionId)).isDisplayed();
    }

    private void waitUntilAt(String location) {
        chromium.until(driver -> location.equals(chromium.location()));
    }

    @Test
    void eachPathShowsItsViewOnAFreshLoad() throws InterruptedException {
        fillBroker();

        open("/");
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#summary .card"), 7));
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#jobs tr[data-job-type=ChargeCard]")));
        assertEquals("4", chromium.textOf(By.cssSelector("#queues tr[data-queue=mail] [data-list=ready]")));
        assertFalse(shown("failed-section"), "the overview does not list the failed jobs");
        assertEquals("Updated 2026-01-05T09:00:15Z", chromium.textOf(By.id("updated")));
        assertEquals("(2) ShopApp · jtc dashboard", chromium.driver.getTitle());
        assertEquals(60, chromium.driver.findElements(By.cssSelector("#throughput g.bucket")).size());
        assertEquals(String.valueOf(historyCompleted + 1), chromium.in(By.id("throughput"), chart -> chart.getAttribute("data-processed")),
                "the hour's completions and the one at the fixture's start");
        assertEquals(String.valueOf(historyRetried + 4), chromium.in(By.id("throughput"), chart -> chart.getAttribute("data-failed")),
                "the retried attempts, and both attempts of each of the two jobs that failed twice");
        chromium.screenshotForDocs("dashboard-overview");

        open("/queues/mail");
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pending tr.pending-job"), 4));
        assertEquals(WAITING_MAIL, chromium.in(By.cssSelector("#pending tr.pending-job"), row -> row.getAttribute("data-job-id")));
        assertEquals("true", chromium.in(By.cssSelector("#pending-states [data-list=ready]"), tab -> tab.getAttribute("aria-selected")));
        assertTrue(chromium.in(By.cssSelector("#nav [data-nav=queue]"), link -> link.getAttribute("class")).contains("current"));
        chromium.screenshotForDocs("dashboard-queue");

        open("/queues/mail?state=scheduled");
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pending tr[data-job-id='" + id(20, "mail") + "']")));
        assertTrue(chromium.textOf(By.id("pending")).contains("in 1m30s"));
        open("/queues/mail?state=active");
        chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending"), "shop-worker-a1"));

        open("/completed");
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#completed tr.completed-job"), 25));
        assertEquals(id(10, "mail"), chromium.in(By.cssSelector("#completed tr.completed-job"), row -> row.getAttribute("data-job-id")),
                "newest first");
        chromium.screenshotForDocs("dashboard-completed");

        open("/failed");
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tbody.failed-job"), 2));
        assertEquals("2", chromium.textOf(By.id("failed-count")));
        assertFalse(shown("queues-section"));
        chromium.screenshotForDocs("dashboard-failed");

        open("/scheduled");
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#schedules tr[data-task]"), 2));
        assertTrue(chromium.textOf(By.id("schedules")).contains("2026-01-06T09:00:00+01:00"));
        assertEquals(2, chromium.driver.findElements(By.cssSelector("#schedules [data-action=run]")).size());
        chromium.screenshotForDocs("dashboard-scheduled");

        open("/workers");
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#workers tr[data-worker-id]"), 2));
        assertEquals("2", chromium.textOf(By.id("nav-workers-count")));
        assertEquals("1 / 8", chromium.textOf(By.cssSelector("#workers tr[data-worker-id=shop-worker-a1] .busy-count")));
        assertTrue(chromium.textOf(By.cssSelector("#workers li[data-job-id='" + id(11, "mail") + "']")).endsWith("on mail for 5s"));
        chromium.screenshotForDocs("dashboard-workers");

        open("/jobs/" + encoded(FAILED_CHARGE));
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#job .history li"), 2));
        assertEquals("Job ChargeCard failed", chromium.textOf(By.id("job-title")));
        assertEquals("2 of 4", chromium.textOf(By.cssSelector("#job [data-fact=attempts]")));
        assertEquals("{\n  \"orderId\": \"7d1e\",\n  \"amount\": 4200\n}", chromium.textOf(By.id("job-payload")), "pretty JSON");
        assertTrue(chromium.textOf(By.cssSelector("#job .history")).contains("ChargeCard.java:42"));
        assertEquals(2, chromium.driver.findElements(By.cssSelector("#job-actions [data-action=retry], #job-actions [data-action=delete]")).size());
        chromium.screenshotForDocs("dashboard-job");

        open("/nowhere");
        chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notfound-section")));
        assertEquals("/nowhere", chromium.textOf(By.id("notfound-path")));
        chromium.screenshot("dashboard-not-found");
        chromium.click(By.linkText("Go to the overview"));
        chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queues-section")));
        assertEquals("/", chromium.location());
    }

    @Test
    void backAndForwardMoveBetweenViewsWithoutReloadingThePage() {
        fixture.failedJob("ChargeCard", "payments", "{}", "declined");
        fixture.heartbeat("shop-worker-a1", List.of("mail"), 4);
        open("/");
        chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queues-section")));
        chromium.script("window.sameDocument = true");

        chromium.click(By.cssSelector("#nav [data-nav=failed]"));
        waitUntilAt("/failed");
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tbody.failed-job"), 1));
        chromium.click(By.cssSelector("#nav [data-nav=workers]"));
        waitUntilAt("/workers");
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#workers tr[data-worker-id=shop-worker-a1]")));

        chromium.driver.navigate().back();
        waitUntilAt("/failed");
        chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failed-section")));
        assertFalse(shown("workers-section"));
        chromium.driver.navigate().back();
        waitUntilAt("/");
        chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
        assertFalse(shown("failed-section"));
        chromium.driver.navigate().forward();
        waitUntilAt("/failed");
        chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failed-section")));

        assertEquals(Boolean.TRUE, chromium.script("return window.sameDocument === true"), "moved with the History API, no reload");
    }

    @Test
    void theSearchBoxOpensAJobsPageWhereAWaitingJobCanBeCancelled() {
        String waiting = fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":7}");
        open("/workers");
        chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workers-section")));

        WebElement search = chromium.driver.findElement(By.id("job-search-input"));
        search.sendKeys("  " + waiting + " ", Keys.ENTER);

        waitUntilAt("/jobs/" + encoded(waiting));
        chromium.wait.until(ExpectedConditions.textToBe(By.id("job-title"), "Job SendWelcomeEmail queued"));
        assertEquals(waiting, chromium.textOf(By.cssSelector("#job [data-fact=id]")));
        assertEquals("0 of 6", chromium.textOf(By.cssSelector("#job [data-fact=attempts]")));

        chromium.click(By.cssSelector("#job-actions [data-action=cancel]"));
        chromium.wait.until(ExpectedConditions.alertIsPresent()).accept();

        chromium.wait.until(ExpectedConditions.textToBe(By.cssSelector("#job [data-fact=state]"), "cancelled"));
        assertEquals(Optional.of(JobState.CANCELLED), broker.status(waiting));
        assertEquals(0, chromium.driver.findElements(By.cssSelector("#job-actions button")).size(), "nothing left to do");
    }

    @Test
    void anUnknownJobIdSaysSo() {
        String unknown = id(9999, "mail");
        open("/jobs/" + encoded(unknown));

        assertEquals("No job with id " + unknown + ".", chromium.textOf(By.cssSelector("#job-missing p")));

        WebElement search = chromium.driver.findElement(By.id("job-search-input"));
        search.sendKeys("no such/job", Keys.ENTER);
        waitUntilAt("/jobs/no%20such%2Fjob");
        chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-missing"), "'no such/job' cannot be a job id"));
    }

    @Test
    void jobIdsInTheListsLinkToTheirPages() {
        String queued = fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":1}");
        String failed = fixture.failedJob("ChargeCard", "payments", "{}", "declined");

        open("/queues/mail");
        chromium.click(By.cssSelector("#pending tr[data-job-id='" + queued + "'] a.job-id"));
        waitUntilAt("/jobs/" + encoded(queued));
        chromium.wait.until(ExpectedConditions.textToBe(By.cssSelector("#job [data-fact=state]"), "queued"));

        chromium.driver.navigate().back();
        waitUntilAt("/queues/mail");
        chromium.click(By.cssSelector("#nav [data-nav=failed]"));
        chromium.click(By.cssSelector("tbody[data-job-id='" + failed + "'] a.job-id"));
        waitUntilAt("/jobs/" + encoded(failed));
        chromium.wait.until(ExpectedConditions.textToBe(By.cssSelector("#job [data-fact=reason]"), "declined"));

        chromium.click(By.cssSelector("#job-actions [data-action=retry]"));
        chromium.wait.until(ExpectedConditions.textToBe(By.cssSelector("#job [data-fact=state]"), "queued"));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(failed));
    }

    @Test
    void runNowEnqueuesOneJobOfTheTaskAndLinksToIt() {
        open("/scheduled");
        By task = By.cssSelector("#schedules tr[data-task='Reports.morningReport']");
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(task));

        chromium.in(task, row -> {
            row.findElement(By.cssSelector("[data-action=run]")).click();
            return true;
        });

        String shownId = chromium.in(task, row -> row.findElements(By.cssSelector(".ran-now a")).isEmpty() ? null
                : row.findElement(By.cssSelector(".ran-now a")).getText());
        List<PendingJob> queued = broker.pendingJobs("reports", JobState.QUEUED, 0, 10);
        assertEquals(1, queued.size(), "exactly one job");
        assertEquals(queued.get(0).job().id(), shownId);
        assertEquals("Reports.morningReport", queued.get(0).job().name());
        assertEquals(1, broker.stats().queues().stream().mapToLong(q -> q.ready() + q.scheduled()).sum());
        assertTrue(chromium.textOf(By.id("toast")).contains(shownId));

        chromium.click(By.cssSelector("#schedules tr[data-task='Reports.morningReport'] .ran-now a"));
        waitUntilAt("/jobs/" + encoded(shownId));
        chromium.wait.until(ExpectedConditions.textToBe(By.id("job-title"), "Job Reports.morningReport queued"));
    }

    /**
     * A shop at work: two jobs that failed twice, a queue with waiting, delayed, running and
     * finished jobs, a task's run waiting, two workers; every id fixed.
     */
    private void fillBroker() throws InterruptedException {
        fillHistory();
        fixture.jobFailedTwice(FAILED_CHARGE, "ChargeCard", "payments", "{\"orderId\":\"7d1e\",\"amount\":4200}",
                "java.net.SocketTimeoutException: Read timed out", "java.lang.IllegalStateException: card declined (insufficient funds)");
        fixture.jobFailedTwice(FAILED_MAIL, "SendWelcomeEmail", "mail", "{\"userId\":42,\"template\":\"welcome\"}",
                "java.net.SocketTimeoutException: connect timed out", "jakarta.mail.MessagingException: 550 mailbox unavailable");
        clock.advance(Duration.ofSeconds(40));
        for (int i = 0; i < 6; i++) {
            fixture.enqueue(id(10 + i, "mail"), "SendWelcomeEmail", "mail", "{\"userId\":" + (100 + i) + ",\"template\":\"welcome\"}");
        }
        broker.complete("shop-worker-a1", broker.fetch("shop-worker-a1", List.of("mail"), 1, Duration.ZERO));
        broker.fetch("shop-worker-a1", List.of("mail"), 1, Duration.ZERO);
        broker.enqueue(JobMessage.create(id(20, "mail"), "SendWelcomeEmail", "mail", "{\"userId\":7,\"template\":\"reminder\"}",
                "3f9a1c2b", clock.instant(), clock.instant().plusSeconds(95), null));
        fixture.enqueue(id(30, "reports"), "Reports.morningReport", "reports", "{}");
        fixture.enqueue(id(40, "payments"), "ChargeCard", "payments", "{\"orderId\":\"9b02\",\"amount\":1999}");
        broker.claimTick("Health.check", Instant.parse("2026-01-05T09:00:00Z"), null, false);
        clock.advance(Duration.ofSeconds(5));
        fixture.heartbeat("shop-worker-a1", List.of("mail", "payments"), 8,
                List.of(new BusySlot(id(11, "mail"), "SendWelcomeEmail", "mail", clock.instant().minusSeconds(5))));
        fixture.heartbeat("shop-worker-b2", List.of("reports"), 2);
        assertEquals(Optional.of(JobState.ACTIVE), broker.status(id(11, "mail")), "the fixture is what the views expect");
    }

    /**
     * The hour before: every minute some mail and payment jobs complete (rushes and lulls) and a
     * few attempts fail and are retried, so the chart and the completed list have a shape. Ends at
     * the fixture's start time with every queue empty; counts what it did for the assertions.
     */
    private void fillHistory() throws InterruptedException {
        Instant start = clock.instant();
        int number = 0;
        for (int minute = 0; minute < 58; minute++) {
            clock.set(start.minus(Duration.ofMinutes(58 - minute)));
            int completions = 6 + (int) Math.round(14 * (1 + Math.sin(minute / 6.0))) + (minute % 7 == 3 ? 12 : 0);
            for (int i = 0; i < completions; i++) {
                String queue = i % 3 == 0 ? "payments" : "mail";
                String name = queue.equals("payments") ? "ChargeCard" : "SendWelcomeEmail";
                fixture.enqueue(id(1000 + number++, queue), name, queue, "{}");
                JobMessage job = broker.fetch("shop-worker-a1", List.of(queue), 1, Duration.ZERO).get(0);
                if (i < minute % 4) {
                    broker.retry("shop-worker-a1", job, new Failure(1, clock.instant(), "timed out", ""), clock.instant());
                    job = broker.fetch("shop-worker-a1", List.of(queue), 1, Duration.ZERO).get(0);
                    historyRetried++;
                }
                clock.advance(Duration.ofMillis(40 + (i * 37L) % 400));
                broker.complete("shop-worker-a1", List.of(job));
                historyCompleted++;
            }
        }
        clock.set(start);
    }
}
