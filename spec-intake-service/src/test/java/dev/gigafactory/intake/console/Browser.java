package dev.gigafactory.intake.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, driven by Debian's chromedriver (never one Selenium Manager downloads). Screenshots go to
 * target/console-screenshots.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    final WebDriver driver;
    private final URL root;

    private Browser(WebDriver driver, URL root) {
        this.driver = driver;
        this.root = root;
    }

    /** Fails, naming the packages, when the machine has no Chromium: CI installs them, so a skip would hide a gap. */
    static Browser start(URL root) {
        String chromium = firstPresent(CHROMIUM);
        String chromedriver = firstPresent(DRIVER);
        assertThat(chromium != null && chromedriver != null)
                .as("the console's browser tests need Chromium and its driver (looked for %s and %s): "
                        + "apt-get install chromium chromium-driver", CHROMIUM, DRIVER)
                .isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(chromium)
                // --no-sandbox: CI runs as root, where Chromium's own sandbox refuses to start.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,1000", "--disable-extensions", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver)
                .toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), root);
    }

    private static String firstPresent(List<String> paths) {
        return paths.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse(null);
    }

    /** Opens a page and marks the window, so {@link #notReloaded} can tell that nothing reloaded it since. */
    void open(String path) {
        driver.get(root.toString().replaceAll("/$", "") + path);
        mark();
    }

    /** After a page was loaded by following a link: from here on, it must not reload. */
    void mark() {
        js("window.consoleTestMark = 'loaded once';");
    }

    boolean notReloaded() {
        return "loaded once".equals(js("return window.consoleTestMark;"));
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void awaitText(String css, String text) {
        new WebDriverWait(driver, WAIT).withMessage(() -> css + " never showed '" + text + "'; it shows '"
                + all(css).stream().map(WebElement::getText).toList() + "'")
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** For a form control, whose text is its value. */
    void awaitValue(String css, String text) {
        new WebDriverWait(driver, WAIT).withMessage(() -> css + " never held '" + text + "'")
                .until(ExpectedConditions.textToBePresentInElementValue(By.cssSelector(css), text));
    }

    WebElement visible(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                css)));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** What a screen reader and a keyboard need: one main landmark, a banner with navigation, a label per control. */
    void assertAccessibleBasics() {
        assertThat(all("main")).hasSize(1);
        assertThat(all("header nav[aria-label]")).hasSize(1);
        Object unlabelled = js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(c => c.type !== 'hidden' && c.labels.length === 0 && !c.getAttribute('aria-label'))"
                + ".map(c => c.id || c.name);");
        assertThat((List<?>) unlabelled).as("controls without a label").isEmpty();
        assertThat(driver.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("en");
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // Headless Chromium shoots the viewport: make it as tall as the page for the picture, then restore it.
            long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
            driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height + 200, 600), 6000)));
            js("window.scrollTo(0, 0);");
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(
                    OutputType.BYTES));
            driver.manage().window().setSize(new Dimension(1280, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
