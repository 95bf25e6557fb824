package org.hearth.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, as a staff member would use Hearth: through the real
 * Keycloak login page. A missing browser fails loudly with the command that installs it.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final ChromeDriver chrome;
    private final Path profile;
    private final AccessibilityCheck accessibility;

    private Browser(ChromeDriver chrome, Path profile) {
        this.chrome = chrome;
        this.accessibility = new AccessibilityCheck(chrome);
        // a page a test opens through driver().get(...) is checked too
        this.driver = new EventFiringDecorator<>(new WebDriverListener() {
                    @Override
                    public void afterGet(WebDriver driver, String url) {
                        accessibility.checkPage();
                    }
                })
                .decorate(chrome);
        this.profile = profile;
    }

    /** A fresh browser with an empty profile: no cookies, no session. */
    public static Browser open() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": install them with `apt-get install -y chromium chromium-driver`.");
        }
        System.setProperty("SE_OFFLINE", "true");
        try {
            Path profile = Files.createTempDirectory("hearth-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1280,900",
                    "--lang=en-US",
                    "--user-data-dir=" + profile);
            // the browser's console, to find scripts the Content-Security-Policy refused
            LoggingPreferences console = new LoggingPreferences();
            console.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", console);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Chromium's own driver, for what only it can do (DevTools commands); pages opened through it are not checked. */
    public ChromeDriver chrome() {
        return chrome;
    }

    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30)) {
            @Override
            protected RuntimeException timeoutException(String message, Throwable lastException) {
                return super.timeoutException(message + evidence(), lastException);
            }
        };
        // a page that re-renders replaces the elements a condition looked at: look again
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * What the page showed when a wait gave up: its messages in the failure, and a screenshot and the
     * HTML in target/browser-evidence for whoever reads the report.
     */
    private String evidence() {
        try {
            Path folder = Files.createDirectories(Path.of("target", "browser-evidence"));
            String name = "failure-" + System.currentTimeMillis();
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(folder.resolve(name + ".html"), driver.getPageSource());
            String shown = driver.findElements(By.cssSelector(".ui-messages, .ui-message-error")).stream()
                    .map(WebElement::getText)
                    .filter(text -> !text.isBlank())
                    .collect(Collectors.joining(" | "));
            return ". The page showed: [" + shown + "]; screenshot and HTML: "
                    + folder.resolve(name).toAbsolutePath();
        } catch (IOException | RuntimeException e) {
            return ". (No evidence saved: " + e + ")";
        }
    }

    /** Opens a page of the application (path relative to the context root, no leading slash). */
    public void open(String path) {
        driver.get(HearthStack.appUrl() + path);
        assertAccessible();
    }

    /** Fills in the Keycloak login page that the browser is on, and submits it. */
    public void signInOnKeycloak(String username, String password) {
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** Opens Hearth as a fresh user would: signs in on the Keycloak page and waits for the home page. */
    public void signIn(String username) {
        open("");
        signInOnKeycloak(username, Keycloak.DEMO_PASSWORD);
        waiting().until(driver -> driver.getCurrentUrl().startsWith(HearthStack.appUrl()));
        waitForPage();
    }

    /**
     * Waits until the page has loaded and no PrimeFaces AJAX request is under way, then checks its
     * accessibility (see {@link AccessibilityCheck}): a serious or critical violation fails the test here.
     */
    public void waitForPage() {
        waiting()
                .until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                        .executeScript("return document.readyState === 'complete'"
                                + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                                + " && (!window.jQuery || jQuery.active === 0);")));
        accessibility.checkPage();
        assertAccessible();
    }

    /** Fails with every serious or critical accessibility violation found since the last call. */
    public void assertAccessible() {
        String failures = accessibility.takeFailures();
        if (!failures.isEmpty()) {
            throw new AssertionError("axe-core (WCAG 2.1 AA) found serious or critical violations:\n" + failures);
        }
    }

    /** Clicks the element with this id and waits for what it started (AJAX update or a new page). */
    public void click(String id) {
        click(By.id(id));
    }

    /** Clicks the element and waits for what it started (AJAX update or a new page). */
    public void click(By element) {
        waiting().until(ExpectedConditions.elementToBeClickable(element)).click();
        waitForPage();
    }

    /** Types into the input with this id, replacing what it held. */
    public void type(String id, String text) {
        type(By.id(id), text);
    }

    public void type(By field, String text) {
        WebElement input = waiting().until(ExpectedConditions.visibilityOfElementLocated(field));
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Chooses the option shown as {@code label} in the PrimeFaces drop-down with this id, as a user does:
     * opens it and clicks the option, again if a click made while the list was still sliding open was lost.
     */
    public void choose(String menuId, String label) {
        for (int attempt = 1; ; attempt++) {
            click(By.cssSelector("[id='" + menuId + "'] .ui-selectonemenu-trigger"));
            By item = By.cssSelector("[id='" + menuId + "_panel'] li[data-label=\"" + label + "\"]");
            waiting().until(ExpectedConditions.visibilityOfElementLocated(item));
            waiting().until(driver -> !driver.findElement(By.id(menuId + "_panel"))
                    .getAttribute("class")
                    .contains("-enter-active"));
            click(item);
            String selected = (String) ((JavascriptExecutor) driver)
                    .executeScript(
                            "var s = document.getElementById(arguments[0]);"
                                    + " return s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text;",
                            menuId + "_input");
            if (label.equals(selected)) {
                return;
            }
            if (attempt == 3) {
                throw new AssertionError(
                        "could not choose '" + label + "' in " + menuId + ": it shows '" + selected + "'" + evidence());
            }
        }
    }

    /** Clicks the label {@code label} inside the element with this id (a radio, check box or button set). */
    public void pick(String containerId, String label) {
        click(By.xpath("//*[@id='" + containerId + "']//label[normalize-space()='" + label + "']"));
    }

    /** Presses these keys on whatever has the focus, as a keyboard user does, and waits for what they started. */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        waitForPage();
    }

    /**
     * Presses Tab until the element with this id (or the focusable part of the widget with this id) has the
     * focus, as a keyboard user moves through a page; fails if 150 presses never reach it, or if the focused
     * element shows no focus indicator (an outline or a focus shadow on it or on its widget).
     */
    public void tabTo(String id) {
        tabTo(By.id(id));
    }

    /** Presses Tab until the element found so has the focus, or an element inside it; see {@link #tabTo(String)}. */
    public void tabTo(By target) {
        for (int presses = 0; presses < 150; presses++) {
            List<WebElement> found = driver.findElements(target);
            if (!found.isEmpty()
                    && Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(HAS_FOCUS, found.get(0)))) {
                String shown = (String) ((JavascriptExecutor) driver).executeScript(FOCUS_INDICATOR);
                if (shown.isEmpty()) {
                    throw new AssertionError("the focus on " + target + " is not visible" + evidence());
                }
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError(
                "150 presses of Tab never reached " + target + "; the focus is on " + focused() + evidence());
    }

    /** The element that has the focus, as tag#id.class, to say where the keyboard is. */
    public String focused() {
        return (String) ((JavascriptExecutor) driver)
                .executeScript("var e = document.activeElement; return e ? e.tagName.toLowerCase() + '#' + e.id"
                        + " + (e.className && e.className.baseVal === undefined ? '.' + e.className : '') : '';");
    }

    /**
     * Signs in on the Keycloak page with the keyboard alone: the user name (where the page puts the focus), Tab,
     * the password, Enter; waits for Hearth's home page.
     */
    public void signInWithKeys(String username) {
        open("");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        for (int presses = 0;
                !"username".equals(driver.switchTo().activeElement().getAttribute("id"));
                presses++) {
            if (presses == 20) {
                throw new AssertionError("Tab never reached the user name on the login page" + evidence());
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        new Actions(driver).sendKeys(username, Keys.TAB).perform();
        for (int presses = 0;
                !"password".equals(driver.switchTo().activeElement().getAttribute("id"));
                presses++) {
            if (presses == 5) {
                throw new AssertionError("Tab never reached the password on the login page" + evidence());
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        new Actions(driver).sendKeys(Keycloak.DEMO_PASSWORD, Keys.ENTER).perform();
        waiting().until(driver -> driver.getCurrentUrl().startsWith(HearthStack.appUrl()));
        waitForPage();
    }

    /** Types into the element that has the focus, replacing what it held (Ctrl+A, then the text). */
    public void typeHere(String text) {
        // the element's own sendKeys holds Ctrl down for the chord (Actions.sendKeys would press it and let go)
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        press(text);
    }

    /**
     * Chooses {@code label} in the PrimeFaces drop-down with this id with the keyboard alone: Tab to it, Space
     * opens it, the arrow keys move through the options, Enter takes the highlighted one.
     */
    public void chooseWithKeys(String menuId, String label) {
        tabTo(menuId);
        press(Keys.SPACE);
        String highlighted = "";
        for (int presses = 0; presses < 100; presses++) {
            highlighted = (String) ((JavascriptExecutor) driver)
                    .executeScript(
                            "var item = document.querySelector(\"[id='\" + arguments[0] + \"_panel'] li.ui-state-highlight\");"
                                    + " return item ? item.getAttribute('data-label') : '';",
                            menuId);
            if (label.equals(highlighted)) {
                press(Keys.ENTER);
                return;
            }
            press(Keys.ARROW_DOWN);
        }
        throw new AssertionError("the arrow keys never reached '" + label + "' in " + menuId + ": the last option was '"
                + highlighted + "'" + evidence());
    }

    /** Whether the element given, or an element inside it (the focusable part of a widget), has the focus. */
    private static final String HAS_FOCUS =
            "var e = document.activeElement; return !!e && e !== document.body && arguments[0].contains(e);";

    /**
     * What shows the focus: the focused element's outline, or a focus shadow or outline on the PrimeFaces widget
     * around it (a drop-down or a check box keeps its focus on a hidden input and marks its visible box); empty
     * when nothing does.
     */
    private static final String FOCUS_INDICATOR = "var e = document.activeElement;"
            + " var shows = function (el) { var s = getComputedStyle(el);"
            + "   if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) { return 'outline ' + s.outlineWidth; }"
            + "   if (s.boxShadow && s.boxShadow !== 'none') { return 'shadow ' + s.boxShadow; } return ''; };"
            + " var own = shows(e); if (own) { return own; }"
            + " var box = e.closest('.ui-selectonemenu, .ui-chkbox, .ui-radiobutton, .ui-datepicker, .ui-inputgroup');"
            + " if (box) { var marked = box.querySelector('.ui-state-focus') || box;"
            + "   return shows(marked) || shows(box); }"
            + " return '';";

    /** The visible text of the element with this id, trimmed; waits until it is shown. */
    public String text(String id) {
        return waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))
                .getText()
                .trim();
    }

    /** The text of the page's messages area (confirmations and refusals shown at the top). */
    public String messages() {
        List<WebElement> messages = driver.findElements(By.id("messages"));
        return messages.isEmpty() ? "" : messages.get(0).getText().trim();
    }

    /** Whether the browser shows Keycloak's login form. */
    public boolean isOnKeycloakLogin() {
        return driver.getCurrentUrl().startsWith(HearthStack.realmUrl())
                && !driver.findElements(By.id("kc-login")).isEmpty();
    }

    /**
     * What the browser refused to run or load under the pages' Content-Security-Policy since the last call:
     * a script without the page's nonce, an inline handler, a resource from elsewhere. Each one is a part of
     * a page that does not work.
     */
    public List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    /**
     * Closes the browser; fails if any page it showed broke the Content-Security-Policy, so every browser
     * test also proves that the pages it walks through work under the policy.
     */
    @Override
    public void close() {
        List<String> violations = List.of();
        String inaccessible = accessibility.takeFailures();
        try {
            violations = policyViolations();
        } catch (RuntimeException unreadable) {
            // a browser that already died has no console to read; the test has failed for that already
        }
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a left-over temporary profile harms nothing
            }
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("The Content-Security-Policy refused part of a page: " + violations);
        }
        if (!inaccessible.isEmpty()) {
            throw new AssertionError("axe-core (WCAG 2.1 AA) found serious or critical violations:\n" + inaccessible);
        }
    }
}
