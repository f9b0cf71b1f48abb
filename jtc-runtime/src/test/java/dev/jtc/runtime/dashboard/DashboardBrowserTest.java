package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.testing.ManualClock;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser (Debian's headless Chromium): it renders what the broker holds,
 * shows a {@code <script>} reason as text without running it, refreshes by itself, and its Retry
 * and Purge buttons work. Leaves a screenshot at {@code <build dir>/dashboard.png} for a human to look at.
 */
class DashboardBrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String HOSTILE_REASON = "<script>window.pwned = true</script><img src=x onerror=\"window.pwned = true\"> card declined";

    private final ManualClock clock = ManualClock.at("2026-01-05T08:59:30Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final DashboardFixture fixture = new DashboardFixture(broker, clock, "ShopApp");

    @TempDir
    Path profile;

    private ChromeDriver browser;
    private WebDriverWait wait;

    /** Held here because java.util.logging keeps loggers only weakly, and would forget the level. */
    private static final Logger SELENIUM_DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

    @BeforeAll
    static void quietSelenium() {
        // Selenium warns that it has no DevTools bindings for this Chromium version; the test uses none.
        SELENIUM_DEVTOOLS.setLevel(Level.SEVERE);
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1440,1900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        fixture.close();
        broker.close();
    }

    @Test
    void showsTheFailedJobAndRetriesItWithOneClick() throws IOException, URISyntaxException, InterruptedException {
        fillBroker();
        String hostile = fixture.failedJob("ChargeCard", "payments", "{\"orderId\":\"9f1c\"}", HOSTILE_REASON);

        browser.get(fixture.dashboard.uri().toString());
        By row = By.cssSelector("tbody[data-job-id='" + hostile + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        // Hold the page still; a refresh already on its way may still replace the rows once, so
        // every step below finds its element afresh (inRow) and tries again if it went stale.
        browser.findElement(By.id("auto-refresh")).click();

        assertEquals(HOSTILE_REASON, inRow(row, job -> job.findElement(By.cssSelector(".reason-text")).getText()));
        assertEquals(Boolean.TRUE, script("return window.pwned === undefined"), "the reason was shown, not run");
        assertEquals(1L, script("return document.scripts.length"), "only the dashboard's own script");
        assertEquals("2", browser.findElement(By.id("failed-count")).getText());
        assertEquals("(2) ShopApp · jtc dashboard", browser.getTitle());
        assertTrue(browser.findElement(By.id("schedules")).getText().contains("2026-01-06T09:00:00+01:00"));

        inRow(row, job -> click(job, "[data-action=details]"));
        String trace = inRow(row, job -> job.findElement(By.cssSelector("pre.trace")).isDisplayed()
                ? job.findElement(By.cssSelector("pre.trace")).getText() : null);
        assertTrue(trace.contains("ChargeCard.java:42"), trace);
        saveScreenshot();

        inRow(row, job -> click(job, "[data-action=retry]"));

        wait.until(ExpectedConditions.numberOfElementsToBe(row, 0));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(hostile));
        assertEquals("1", browser.findElement(By.id("failed-count")).getText());
        assertTrue(browser.findElement(By.id("toast")).getText().startsWith("Retried ChargeCard"));
    }

    @Test
    void refreshesByItselfAndPurgesAfterAskingFirst() {
        fixture.failedJob("ChargeCard", "payments", "{}", "declined");
        browser.get(fixture.dashboard.uri().toString());
        By rows = By.cssSelector("tbody.failed-job");
        wait.until(ExpectedConditions.numberOfElementsToBe(rows, 1));

        fixture.failedJob("SendWelcomeEmail", "mail", "{}", "smtp down");
        wait.until(ExpectedConditions.numberOfElementsToBe(rows, 2));

        browser.findElement(By.id("purge")).click();
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals(2, broker.stats().failed(), "dismissing the confirmation changes nothing");

        browser.findElement(By.id("purge")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#failed .empty"), "No failed jobs."));
        assertEquals(0, broker.stats().failed());
        assertTrue(browser.findElement(By.id("purge")).getAttribute("disabled") != null);
    }

    @Test
    void jobsPanelListsAQueuesJobsByStateAndCancelsAWaitingOneAfterAskingFirst() throws InterruptedException {
        String first = fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":1}");
        String second = fixture.enqueue("SendWelcomeEmail", "mail", "{\"userId\":2}");
        fixture.enqueue("ChargeCard", "payments", "{}");
        broker.fetch("shop-worker-a1", List.of("payments"), 1, Duration.ZERO);
        browser.get(fixture.dashboard.uri().toString());
        By waiting = By.cssSelector("#pending tr.pending-job");
        wait.until(ExpectedConditions.numberOfElementsToBe(waiting, 2)); // the first queue with jobs: mail
        browser.findElement(By.id("auto-refresh")).click();
        assertEquals(List.of(first, second), wait.ignoring(StaleElementReferenceException.class).until(driver ->
                driver.findElements(waiting).stream().map(row -> row.getAttribute("data-job-id")).toList()));

        clickWhenThere(By.cssSelector("#pending-queues [data-queue=payments]"));
        clickWhenThere(By.cssSelector("#pending-states [data-list=active]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending"), "shop-worker-a1"));
        assertEquals(0, browser.findElements(By.cssSelector("#pending [data-action=cancel]")).size(),
                "a running job has no Cancel button");

        clickWhenThere(By.cssSelector("#pending-queues [data-queue=mail]"));
        clickWhenThere(By.cssSelector("#pending-states [data-list=queued]"));
        By firstRow = By.cssSelector("#pending tr[data-job-id='" + first + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(firstRow));
        inRow(firstRow, row -> click(row, "[data-action=cancel]"));
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals(Optional.of(JobState.QUEUED), broker.status(first), "dismissing the confirmation changes nothing");

        inRow(firstRow, row -> click(row, "[data-action=cancel]"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();

        wait.until(ExpectedConditions.numberOfElementsToBe(firstRow, 0));
        assertEquals(Optional.of(JobState.CANCELLED), broker.status(first));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(second));
        assertTrue(browser.findElement(By.id("toast")).getText().startsWith("Cancelled SendWelcomeEmail"));
    }

    /** Clicks the element found afresh, again if a refresh replaced it under the click. */
    private void clickWhenThere(By element) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(element).click();
            return true;
        });
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

    /** Applies {@code step} to the row found afresh, again while the row is replaced under it or the step returns null. */
    private <T> T inRow(By row, Function<WebElement, T> step) {
        return wait.ignoring(StaleElementReferenceException.class).until(driver -> step.apply(driver.findElement(row)));
    }

    private static Boolean click(WebElement row, String selector) {
        row.findElement(By.cssSelector(selector)).click();
        return true;
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private void saveScreenshot() throws IOException, URISyntaxException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        // test-classes sits in the build directory (target, or target-<name> with -Djtc.target).
        Path buildDir = Path.of(DashboardBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        Files.copy(shot.toPath(), buildDir.resolve("dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
