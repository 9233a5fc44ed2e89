package dev.gongcrm.cli;

import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The system's Chromium (Debian's {@code chromium} and {@code chromium-driver}), headless, driven by Selenium, for
 * the tests of what a person sees in a browser. Selenium is told where the driver and the browser are, so its
 * Selenium Manager never downloads one; the flags keep Chromium off the network (no component updates, sync or
 * background requests, which fail on a closed network) and in a profile of its own.
 *
 * <p>Where the browser is missing or does not start, the tests are skipped saying why; with {@value #REQUIRE} set
 * (CI, which installs the packages) they fail instead, as the PostgreSQL tests do with GONGCRM_REQUIRE_POSTGRES.
 */
final class HeadlessChromium implements AutoCloseable {

    /** Set (to anything but empty) where the browser must be there: a missing one fails the tests. */
    static final String REQUIRE = "GONGCRM_REQUIRE_BROWSER";
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String HOW_TO_INSTALL = "install Debian's chromium and chromium-driver "
            + "(apt-get install chromium chromium-driver)";

    /**
     * Selenium looks for its DevTools binding of the browser's version and warns when it has none (the system's
     * Chromium is often newer than Selenium); these tests use no DevTools. Held here: the logging API keeps
     * loggers only weakly.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser with a fresh profile; skips the calling tests (fails them with {@value #REQUIRE}) when there is none. */
    static HeadlessChromium start() {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        for (Path executable : new Path[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(executable)) {
                skipOrFail(executable + " is missing", System.getenv());
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("gongcrm-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // an alert the page opened stays open for the test to find, instead of failing the next command
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        try {
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (WebDriverException e) {
            delete(profile);
            skipOrFail("Chromium does not start: " + e.getMessage().lines().findFirst().orElse(""), System.getenv());
            throw e;
        }
    }

    static void skipOrFail(String why, Map<String, String> env) {
        if (!env.getOrDefault(REQUIRE, "").isEmpty()) {
            fail("browser tests cannot run and " + REQUIRE + " is set: " + why + "; " + HOW_TO_INSTALL);
        }
        abort("browser tests skipped: " + why + "; " + HOW_TO_INSTALL);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is no reason to fail a test
        }
    }
}
