package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page's actions in a real browser (Debian's headless Chromium): it renders what the broker
 * holds, shows a {@code <script>} reason as text without running it, refreshes by itself, and its
 * Retry, Purge and Cancel buttons work. Leaves a screenshot at {@code <build dir>/dashboard.png}
 * for a human to look at.
 */
class DashboardBrowserTest {

    private static final String HOSTILE_REASON = "<script>window.pwned = true</script><img src=x onerror=\"window.pwned = true\"> card declined";

    @TempDir
    static Path profile;

    private static Chromium chromium;

    private final ManualClock clock = ManualClock.at("2026-01-05T08:59:30Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final DashboardFixture fixture = new DashboardFixture(broker, clock, "ShopApp");

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

    private void open(String path) {
        chromium.driver.get(fixture.uri(path).toString());
    }

    @Test
    void showsTheFailedJobAndRetriesItWithOneClick() throws InterruptedException {
        fillBroker();
        String hostile = fixture.failedJob("ChargeCard", "payments", "{\"orderId\":\"9f1c\"}", HOSTILE_REASON);

        open("/failed");
        By row = By.cssSelector("tbody[data-job-id='" + hostile + "']");
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(row));
        // Hold the page still; a refresh already on its way may still replace the rows once, so
        // every step below finds its element afresh (in) and tries again if it went stale.
        chromium.driver.findElement(By.id("auto-refresh")).click();

        assertEquals(HOSTILE_REASON, chromium.in(row, job -> job.findElement(By.cssSelector(".reason-text")).getText()));
        assertEquals(Boolean.TRUE, chromium.script("return window.pwned === undefined"), "the reason was shown, not run");
        assertEquals(1L, chromium.script("return document.scripts.length"), "only the dashboard's own script");
        assertEquals("2", chromium.textOf(By.id("failed-count")));
        assertEquals("2", chromium.textOf(By.id("nav-failed-count")));
        assertEquals("(2) ShopApp · jtc dashboard", chromium.driver.getTitle());

        chromium.in(row, job -> click(job, "[data-action=details]"));
        String trace = chromium.in(row, job -> job.findElement(By.cssSelector("pre.trace")).isDisplayed()
                ? job.findElement(By.cssSelector("pre.trace")).getText() : null);
        assertTrue(trace.contains("ChargeCard.java:42"), trace);
        chromium.screenshot("dashboard");

        chromium.in(row, job -> click(job, "[data-action=retry]"));

        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(row, 0));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(hostile));
        assertEquals("1", chromium.textOf(By.id("failed-count")));
        assertTrue(chromium.textOf(By.id("toast")).startsWith("Retried ChargeCard"));
    }

    @Test
    void theHostileReasonIsTextOnTheJobsPageToo() {
        String hostile = fixture.failedJob("ChargeCard", "payments", "{\"note\":\"<img src=x onerror=\\\"window.pwned = true\\\">\"}",
                HOSTILE_REASON);

        open("/jobs/" + hostile.replace("@", "%40"));

        assertEquals(HOSTILE_REASON, chromium.textOf(By.cssSelector("#job [data-fact=reason]")));
        assertTrue(chromium.textOf(By.id("job-payload")).contains("<img src=x onerror="));
        assertEquals(Boolean.TRUE, chromium.script("return window.pwned === undefined"), "shown, not run");
        assertEquals(0L, chromium.script("return document.querySelectorAll('#job img, #job script').length"));
    }

    @Test
    void refreshesByItselfAndPurgesAfterAskingFirst() {
        fixture.failedJob("ChargeCard", "payments", "{}", "declined");
        open("/failed");
        By rows = By.cssSelector("tbody.failed-job");
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(rows, 1));

        fixture.failedJob("SendWelcomeEmail", "mail", "{}", "smtp down");
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(rows, 2));

        chromium.click(By.id("purge"));
        chromium.wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals(2, broker.stats().failed(), "dismissing the confirmation changes nothing");

        chromium.click(By.id("purge"));
        chromium.wait.until(ExpectedConditions.alertIsPresent()).accept();

        chromium.wait.until(ExpectedConditions.textToBe(By.cssSelector("#failed .empty"), "No failed jobs."));
        assertEquals(0, broker.stats().failed());
        assertTrue(chromium.driver.findElement(By.id("purge")).getAttribute("disabled") != null);
    }

    @Test
    void aQueuesPageListsItsJobsByStateAndCancelsAWaitingOneAfterAskingFirst() throws InterruptedException {
        String first = fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":1}");
        String second = fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":2}");
        fixture.enqueue("ChargeCard", "payments", "{}");
        broker.fetch("shop-worker-a1", List.of("payments"), 1, Duration.ZERO);
        open("/queues/mail");
        By waiting = By.cssSelector("#pending tr.pending-job");
        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(waiting, 2));
        chromium.driver.findElement(By.id("auto-refresh")).click();
        assertEquals(List.of(first, second), chromium.until(driver ->
                driver.findElements(waiting).stream().map(row -> row.getAttribute("data-job-id")).toList()));

        chromium.click(By.cssSelector("#pending-queues [data-queue=payments]"));
        chromium.click(By.cssSelector("#pending-states [data-list=active]"));
        chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending"), "shop-worker-a1"));
        assertEquals("/queues/payments?state=active", chromium.location());
        assertEquals(0, chromium.driver.findElements(By.cssSelector("#pending [data-action=cancel]")).size(),
                "a running job has no Cancel button");

        chromium.click(By.cssSelector("#pending-queues [data-queue=mail]"));
        chromium.click(By.cssSelector("#pending-states [data-list=ready]"));
        By firstRow = By.cssSelector("#pending tr[data-job-id='" + first + "']");
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(firstRow));
        assertEquals("/queues/mail", chromium.location());
        chromium.in(firstRow, row -> click(row, "[data-action=cancel]"));
        chromium.wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals(Optional.of(JobState.QUEUED), broker.status(first), "dismissing the confirmation changes nothing");

        chromium.in(firstRow, row -> click(row, "[data-action=cancel]"));
        chromium.wait.until(ExpectedConditions.alertIsPresent()).accept();

        chromium.wait.until(ExpectedConditions.numberOfElementsToBe(firstRow, 0));
        assertEquals(Optional.of(JobState.CANCELLED), broker.status(first));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(second));
        assertTrue(chromium.textOf(By.id("toast")).startsWith("Cancelled SendWelcomeEmail"));
    }

    /** What a busy application looks like: finished, running and waiting jobs, two workers, a retried failure. */
    private void fillBroker() throws InterruptedException {
        fixture.jobFailedTwice("SendWelcomeEmail", "mail", "{\"userId\":42,\"template\":\"welcome\"}",
                "java.net.SocketTimeoutException: connect timed out", "jakarta.mail.MessagingException: 550 mailbox unavailable");
        clock.advance(Duration.ofSeconds(40));
        for (int i = 0; i < 5; i++) {
            fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":" + i + "}");
        }
        broker.complete("shop-worker-a1", broker.fetch("shop-worker-a1", List.of("mail"), 1, Duration.ZERO));
        broker.fetch("shop-worker-a1", List.of("mail"), 1, Duration.ZERO);
        fixture.enqueue("Reports.morningReport", "reports", "{}");
        clock.advance(Duration.ofSeconds(5));
        fixture.heartbeat("shop-worker-a1", List.of("mail", "payments"), 8);
        fixture.heartbeat("shop-worker-b2", List.of("reports"), 2);
    }

    private static Boolean click(WebElement row, String selector) {
        row.findElement(By.cssSelector(selector)).click();
        return true;
    }
}
