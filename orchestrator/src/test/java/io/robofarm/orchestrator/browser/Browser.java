package io.robofarm.orchestrator.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * One headless Debian Chromium driven through the Debian chromedriver, so nothing is downloaded at
 * test time; with the waits and screenshots the dashboard tests need. Closing it quits the browser.
 */
final class Browser implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            profile = Files.createTempDirectory("robofarm-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Changes the page's hash route the way a link click does (no page load). */
    void route(String hash) {
        script("location.hash = arguments[0]", hash);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (up to 20 s) for an element matching {@code css} to be displayed, and returns it. */
    WebElement visible(String css) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        });
    }

    /** Waits for an element matching {@code css} to be displayed and returns its text, read again if the page replaces it. */
    String visibleText(String css) {
        return until(d -> {
            WebElement shown = d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            return shown == null ? null : shown.getText();
        });
    }

    /**
     * Waits (up to 20 s) for {@code condition}; an element the page replaced while it was looked at
     * (stale) counts as "not yet", like one that is not there.
     */
    <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits until the element matching {@code css} shows exactly {@code expected}. */
    void untilText(String css, String expected) {
        until(d -> expected.equals(d.findElement(By.cssSelector(css)).getText()));
    }

    /** Logs in through the login page the browser is on and waits for the dashboard. */
    void logIn(String username, String password) {
        typeCredentials(username, password);
        visible("#who");
    }

    /** Fills in and submits the login form the browser is on. */
    void typeCredentials(String username, String password) {
        WebElement user = visible("input[name='username']");
        user.clear();
        user.sendKeys(username);
        WebElement secret = find("input[name='password']");
        secret.clear();
        secret.sendKeys(password);
        find("button[type='submit']").click();
    }

    /** Replaces the session cookie with one the server does not know, as if the server had forgotten the session. */
    void loseSession() {
        driver.manage().deleteCookieNamed("JSESSIONID");
        driver.manage().addCookie(new Cookie("JSESSIONID", "lost-session"));
    }

    /** Moves the pointer to ({@code x}, {@code y}) pixels from the element's top left corner. */
    void hover(WebElement element, int x, int y) {
        Dimension size = element.getSize();
        new Actions(driver).moveToElement(element, x - size.getWidth() / 2, y - size.getHeight() / 2).perform();
    }

    /** Clicks at ({@code x}, {@code y}) pixels from the element's top left corner. */
    void click(WebElement element, int x, int y) {
        Dimension size = element.getSize();
        new Actions(driver).moveToElement(element, x - size.getWidth() / 2, y - size.getHeight() / 2).click().perform();
    }

    Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Marks the current document; {@link #stillSamePage()} tells whether it was reloaded since. */
    void markPage() {
        script("window.robofarmTestMark = true");
    }

    boolean stillSamePage() {
        return Boolean.TRUE.equals(script("return window.robofarmTestMark === true"));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console since the last call, for the test log. */
    List<String> consoleLines() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}
