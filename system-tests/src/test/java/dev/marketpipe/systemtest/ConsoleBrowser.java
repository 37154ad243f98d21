package dev.marketpipe.systemtest;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The system's Chromium, headless, driven through its own chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code MARKETPIPE_CHROMIUM} and {@code MARKETPIPE_CHROMEDRIVER} name others), in a
 * 1280 px wide window as an operator's laptop would show the console.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final int WIDTH = 1280;

    private final WebDriver driver;
    private final String consoleUrl;
    private final Path screenshots;

    ConsoleBrowser(String consoleUrl, Path screenshots) throws IOException {
        this.consoleUrl = consoleUrl;
        this.screenshots = screenshots;
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("MARKETPIPE_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + WIDTH + ",900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(env("MARKETPIPE_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /** Whether the browser this class drives is installed ({@code .ci/run} installs it). */
    static boolean installed() {
        return Files.isExecutable(Path.of(env("MARKETPIPE_CHROMIUM", "/usr/bin/chromium")))
                && Files.isExecutable(Path.of(env("MARKETPIPE_CHROMEDRIVER", "/usr/bin/chromedriver")));
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a console path and checks the page fits the window's width and keeps the accessibility basics. */
    void open(String path) {
        driver.get(consoleUrl + path);
        assertFitsWidth();
        assertAccessibleBasics();
    }

    /** Signs in on the sign-in page with {@code token}, as a person pasting it would. */
    void signIn(String token) {
        open("/signin");
        WebElement field = driver.findElement(By.id("token"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", field, token);
        submit(driver.findElement(By.cssSelector("form[action='/signin'] button[type=submit]")),
                url -> !url.contains("/signin"));
    }

    /**
     * Clicks {@code button} (a form's submit) and waits until the browser has arrived at a page whose URL contains
     * {@code arrivedAt} and has loaded it: a click returns before the form's POST and its redirect are done.
     */
    void submit(WebElement button, String arrivedAt) {
        submit(button, url -> url.contains(arrivedAt));
    }

    /** As {@link #submit(WebElement, String)}, arrived when {@code arrived} holds for the URL. */
    void submit(WebElement button, Predicate<String> arrived) {
        button.click();
        await("the browser's next page").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> arrived.test(driver.getCurrentUrl()) && "complete".equals(
                        ((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** Sets a field's value the way a date picker would ({@code type=date} takes ISO dates). */
    void fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", field, value);
    }

    void assertFitsWidth() {
        Number scrollWidth = (Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth");
        Number innerWidth = (Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth");
        assertTrue(scrollWidth.intValue() <= innerWidth.intValue(), driver.getCurrentUrl() + " scrolls sideways: "
                + scrollWidth + " > " + innerWidth);
    }

    /**
     * What a keyboard or screen-reader user needs at the least: the page's language, one h1, every form control
     * named by a label (or aria-label), every button with a name, the navigation's current page marked, and text
     * against its background at a contrast of at least 4.5:1 (WCAG AA).
     */
    void assertAccessibleBasics() {
        Object problems = ((JavascriptExecutor) driver).executeScript("""
                const problems = [];
                if (!document.documentElement.lang) problems.push('no lang on <html>');
                const h1 = document.querySelectorAll('h1').length;
                if (h1 !== 1) problems.push(h1 + ' h1 headings');
                document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(c => {
                  const named = c.getAttribute('aria-label') || (c.id && document.querySelector('label[for="' + c.id + '"]'));
                  if (!named) problems.push('unlabelled ' + c.tagName + ' ' + (c.name || c.id));
                });
                document.querySelectorAll('button').forEach(b => {
                  if (!(b.textContent.trim() || b.getAttribute('aria-label'))) problems.push('a button without a name');
                });
                if (!document.querySelector('nav a[aria-current=page]') && location.pathname !== '/signin')
                  problems.push('no current page in the navigation');
                const rgb = c => c.match(/[0-9.]+/g).slice(0, 3).map(Number);
                const lum = c => rgb(c).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
                    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
                const background = e => {
                  for (let n = e; n; n = n.parentElement) {
                    const b = getComputedStyle(n).backgroundColor;
                    if (b && !b.startsWith('rgba(0, 0, 0, 0)') && b !== 'transparent') return b;
                  }
                  return 'rgb(255, 255, 255)';
                };
                document.querySelectorAll('.badge, button, nav a, th, td, p, a').forEach(e => {
                  if (!e.textContent.trim() || e.offsetParent === null) return;
                  const [a, b] = [lum(getComputedStyle(e).color), lum(background(e))];
                  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  if (ratio < 4.5) problems.push('contrast ' + ratio.toFixed(2) + ' of "' + e.textContent.trim().slice(0, 30) + '"');
                });
                return problems.join('; ');
                """);
        assertTrue(String.valueOf(problems).isEmpty(), driver.getCurrentUrl() + ": " + problems);
    }

    /** Saves what the browser shows as {@code name}.png. */
    Path screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
