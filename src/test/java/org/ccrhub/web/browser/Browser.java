package org.ccrhub.web.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for one test class, driven through chromedriver: {@code @RegisterExtension
 * static final Browser browser = new Browser();}.
 *
 * <p>Both programs are given by path ({@code /usr/bin/chromium} and {@code /usr/bin/chromedriver},
 * or {@code CCR_CHROMIUM} and {@code CCR_CHROMEDRIVER}), so Selenium Manager is never asked to find
 * or download anything: Selenium skips it when the service has an executable. If either is missing
 * the tests are skipped, or fail when {@code CCR_REQUIRE_BROWSER=1} (CI sets it, so that browser
 * tests cannot silently stop running).
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

  private static final Path CHROMIUM = Path.of(env("CCR_CHROMIUM", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(env("CCR_CHROMEDRIVER", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private ChromeDriver driver;
  private Path profile;
  private String baseUrl = "http://localhost";

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add("Chromium at " + CHROMIUM);
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      missing.add("chromedriver at " + CHROMEDRIVER);
    }
    if (!missing.isEmpty()) {
      String reason =
          context.getDisplayName()
              + " needs "
              + String.join(" and ", missing)
              + " (set CCR_CHROMIUM / CCR_CHROMEDRIVER to use other paths)";
      if ("1".equals(System.getenv("CCR_REQUIRE_BROWSER"))) {
        Assertions.fail(reason + "; CCR_REQUIRE_BROWSER=1, so this fails instead of skipping");
      }
      System.out.println("Skipping browser tests: " + reason);
      Assumptions.abort(reason);
    }
    // Chromium 156 is newer than the CDP versions Selenium bundles; we need none of them
    // (executeCdpCommand goes through chromedriver), so the warning about it is noise.
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    start();
  }

  private void start() throws IOException {
    profile = Files.createTempDirectory("ccr-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1280,900");
    options.setExperimentalOption(
        "prefs", Map.of("download.default_directory", profile.resolve("downloads").toString()));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Pages are opened on the application listening on this port. */
  public void useServerOn(int port) {
    baseUrl = "http://localhost:" + port;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Forgets the session, so the next page is seen signed out. */
  public void signOut() {
    driver.manage().deleteAllCookies();
  }

  public void open(String path) {
    forgetConsole();
    driver.get(baseUrl + path);
  }

  /** Path and query of the page shown, e.g. {@code /p/x/admin/users?page=2}. */
  public String path() {
    URI uri = URI.create(driver.getCurrentUrl());
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  public String title() {
    return driver.getTitle();
  }

  public String h1() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  public String mainText() {
    return driver.findElement(By.tagName("main")).getText();
  }

  /** Signs in through the sign-in form, with the mouse. */
  public void signIn(String email, String password) {
    open("/sign-in");
    driver.findElement(By.id("email")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(password);
    submitWith(driver.findElement(By.cssSelector("main form button[type=submit]")));
  }

  /** Clicks a submit button and waits for the page that answers. */
  public void submitWith(WebElement button) {
    WebElement page = driver.findElement(By.tagName("html"));
    forgetConsole();
    button.click();
    waitForNewPage(page);
  }

  /**
   * Goes where the link with the text leads, as a click on a plain link does, and waits for the
   * page. (Clicking a link right after the checks had resized the window sometimes never navigated
   * in CI; going to its address tests the same link and its page.)
   */
  public void follow(String linkText) {
    String href = driver.findElement(By.linkText(linkText)).getDomProperty("href");
    forgetConsole();
    driver.get(href);
  }

  // Keyboard: keys go to whatever has focus, as they do for a person.

  /** Presses Tab and returns the element that then has focus. */
  public WebElement tab() {
    return press(Keys.TAB);
  }

  public WebElement press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
    return focused();
  }

  /** Presses a key that leads to another page (Enter on a link or in a form), and waits for it. */
  public void pressForNewPage(CharSequence key) {
    WebElement page = driver.findElement(By.tagName("html"));
    forgetConsole();
    new Actions(driver).sendKeys(key).perform();
    waitForNewPage(page);
  }

  /** Types into whatever has focus. */
  public void type(String text) {
    new Actions(driver).sendKeys(text).perform();
  }

  public WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** Tabs forward until an element matching the description has focus, at most 60 times. */
  public WebElement tabTo(String what, Predicate<WebElement> wanted) {
    List<String> passed = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      WebElement element = tab();
      if (wanted.test(element)) {
        return element;
      }
      passed.add(describe(element));
    }
    throw new AssertionError("Tabbing never reached " + what + "; focus went to " + passed);
  }

  /** How a focused element reads in a test failure: {@code a "Sign in"}, {@code input#email}. */
  public String describe(WebElement element) {
    String tag = element.getTagName();
    String id = element.getDomAttribute("id");
    String text = element.getText().strip().replaceAll("\\s+", " ");
    return tag
        + (id == null || id.isEmpty() ? "" : "#" + id)
        + (text.isEmpty() || tag.equals("select") ? "" : " \"" + text + "\"");
  }

  private void waitForNewPage(WebElement oldPage) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(oldPage));
    new WebDriverWait(driver, WAIT)
        .until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /** Makes the page's viewport (window.innerWidth) this many CSS pixels wide. */
  public void viewportWidth(int width) {
    var window = driver.manage().window();
    var size = window.getSize();
    long inner = ((Number) script("return window.innerWidth")).longValue();
    window.setSize(new Dimension(size.getWidth() + (int) (width - inner), size.getHeight()));
  }

  public Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /**
   * Saves what the window shows to {@code target/screenshots/<name>.png}, for people to look at.
   */
  public void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
      String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-|-$", "");
      Files.move(file, SCREENSHOTS.resolve(safe + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Console messages at error level from the page shown (CSP refusals, failed loads, script
   * errors): those of earlier pages are dropped as each page is opened or a form sent.
   */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  private void forgetConsole() {
    driver.manage().logs().get(LogType.BROWSER);
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }
}
