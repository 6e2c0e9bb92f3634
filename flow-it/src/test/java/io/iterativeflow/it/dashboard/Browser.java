package io.iterativeflow.it.dashboard;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium, the distribution's {@code chromium} driven through its {@code chromedriver}, with nothing
 * downloaded: both are looked up on the PATH (or named by {@code -Dflow.it.chromium} and
 * {@code -Dflow.it.chromedriver}), and the test fails, saying what to install, when either is missing.
 *
 * <p>A user signs in by sending HTTP Basic credentials with every request of the browser, as the browser does once a
 * user typed them into its sign-in prompt (which a headless browser cannot show).
 */
final class Browser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    static Browser start(Path screenshots) throws IOException {
        File chromium = executable("flow.it.chromium", "chromium", "chromium-browser", "google-chrome");
        File chromedriver = executable("flow.it.chromedriver", "chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1200,860", "--hide-scrollbars", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Network.enable", Map.of());
        Files.createDirectories(screenshots);
        return new Browser(driver, screenshots);
    }

    private static File executable(String property, String... names) {
        String named = System.getProperty(property);
        if (named != null && !named.isBlank()) {
            File file = new File(named);
            if (file.canExecute()) {
                return file;
            }
            throw new IllegalStateException("-D" + property + "=" + named + " is not an executable file");
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                File file = new File(dir, name);
                if (file.canExecute()) {
                    return file;
                }
            }
        }
        throw new IllegalStateException("the dashboard's browser tests need Chromium and its driver, and "
                + String.join(" / ", names) + " is not on the PATH: install them (Debian: apt-get install -y"
                + " chromium chromium-driver; .ci/run does it) or name the executable with -D" + property);
    }

    /**
     * Sends {@code user}'s credentials with every request from now on. The cookies go first: the server keeps a
     * signed-in user in a single sign-on cookie, which would otherwise stand for the previous user.
     */
    Browser signIn(String user, String password) {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                Map.of("Authorization", "Basic " + token)));
        return this;
    }

    /** Selects the option with {@code text} in the select element matching {@code css}. */
    void choose(String css, String text) {
        new Select(find(css)).selectByVisibleText(text);
    }

    void open(URI uri) {
        driver.get(uri.toString());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the element matching {@code css} is displayed and returns it. */
    WebElement shown(String css) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
        });
    }

    /** Waits until the text of the element matching {@code css} contains {@code text}. */
    WebElement showsText(String css, String text) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(text) ? found.get(0) : null;
        });
    }

    /** Waits until {@code condition} gives neither null nor false; on timeout the failure shows the page. */
    <T> T until(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE).pollingEvery(Duration.ofMillis(200)).until(condition);
        } catch (TimeoutException e) {
            String page;
            try {
                page = driver.getCurrentUrl() + "\n" + text();
            } catch (RuntimeException unreadable) {
                page = "(the page cannot be read: " + unreadable + ")";
            }
            throw new AssertionError("the page did not get there in " + PATIENCE + "; it shows:\n" + page, e);
        }
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** The page's visible text. */
    String text() {
        return find("body").getText();
    }

    String title() {
        return driver.getTitle();
    }

    /** Runs {@code script} in the page; it ends by calling {@code arguments[arguments.length - 1]} with a result. */
    Object runAsync(String script, Object... arguments) {
        return driver.executeAsyncScript(script, arguments);
    }

    Object run(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Saves the visible page as {@code name}.png in the screenshots folder. */
    Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
