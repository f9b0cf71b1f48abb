package dev.jtc.runtime.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for the dashboard's browser tests: one per test
 * class (starting it takes longer than most tests), with the waits that survive the page's
 * refreshes, and screenshots. Screenshots go to the build directory; with
 * {@code -Djtc.screenshots.update=true} the ones meant for the docs are also written to
 * {@code docs/images/}, like golden files.
 */
final class Chromium implements AutoCloseable {

    static final String UPDATE_PROPERTY = "jtc.screenshots.update";

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path DOCS_IMAGES = Path.of("../docs/images");

    /** Held here because java.util.logging keeps loggers only weakly, and would forget the level. */
    private static final Logger SELENIUM_DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

    final ChromeDriver driver;
    final WebDriverWait wait;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** Starts a headless browser with its profile in {@code profile}, its window the size of the docs' screenshots. */
    static Chromium start(Path profile) {
        // Selenium warns that it has no DevTools bindings for this Chromium version; the tests use none.
        SELENIUM_DEVTOOLS.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-color-profile=srgb",
                "--user-data-dir=" + profile, "--window-size=1440,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new Chromium(new ChromeDriver(service, options));
    }

    /** Waits until {@code condition} holds (non-null, not false), trying again while a refresh replaces elements under it. */
    <T> T until(Function<WebDriver, T> condition) {
        return wait.ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Applies {@code step} to the element found afresh, again while it is replaced under it or the step returns null. */
    <T> T in(By element, Function<WebElement, T> step) {
        return until(driver -> step.apply(driver.findElement(element)));
    }

    /**
     * Clicks the element found afresh, again if a refresh replaced it under the click or while the
     * toast of an earlier action still covers it (it fades after a few seconds).
     */
    void click(By element) {
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class).until(driver -> {
            driver.findElement(element).click();
            return true;
        });
    }

    /** The text of the element, found afresh. */
    String textOf(By element) {
        return in(element, WebElement::getText);
    }

    Object script(String code) {
        return ((JavascriptExecutor) driver).executeScript(code);
    }

    /** The page's path and query, as the address bar shows them. */
    String location() {
        return (String) script("return window.location.pathname + window.location.search");
    }

    /** Saves what the window shows as {@code <build dir>/<name>.png}. */
    void screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        copy(shot.toPath(), buildDir().resolve(name + ".png"));
    }

    /** Saves it to the build directory, and with {@value #UPDATE_PROPERTY} also as {@code docs/images/<name>.png}. */
    void screenshotForDocs(String name) {
        screenshot(name);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            copy(buildDir().resolve(name + ".png"), DOCS_IMAGES.resolve(name + ".png"));
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the screenshot " + to, e);
        }
    }

    /** test-classes sits in the build directory (target, or target-<name> with -Djtc.target). */
    private static Path buildDir() {
        try {
            return Path.of(Chromium.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the test classes are not in a directory", e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
