package dev.rehearse.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's chromium and chromium-driver packages) with a fresh profile,
 * looking at the web app the gateway serves. Waits are WebDriverWait conditions, never sleeps.
 */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS = Suite.root().resolve("system-tests/target/screenshots");

  /**
   * What the fake microphone says: a committed spoken answer to open-serving-rollout (12.3 s),
   * played once from its start each time a page opens the microphone, then silence.
   */
  static final Path MICROPHONE =
      Suite.root().resolve("speech-service/src/test/resources/audio/answers/serving-rollout.wav");

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  static final Dimension DESKTOP = new Dimension(1280, 1400);
  static final Dimension PHONE = new Dimension(375, 812);

  /** When the page scrolls sideways: by how much, and the innermost element reaching past it. */
  private static final String WIDER_THAN_THE_PAGE =
      """
      const page = document.documentElement, edge = page.clientWidth + 1;
      if (page.scrollWidth <= edge) return null;
      const past = e => e.getBoundingClientRect().right > edge;
      const culprit = [...document.body.querySelectorAll('*')]
        .find(e => past(e) && ![...e.children].some(past));
      const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + (e.classList.length ? '.' + [...e.classList].join('.') : '');
      return `page is ${page.scrollWidth - page.clientWidth} px too wide`
        + (culprit ? `: ${name(culprit)} in ${name(culprit.parentElement)}` : '');""";

  private final ChromeDriver driver;
  private final URI base;
  private final Path profile;
  private Dimension layout = DESKTOP;

  private Browser(ChromeDriver driver, URI base, Path profile) {
    this.driver = driver;
    this.base = base;
    this.profile = profile;
  }

  static Browser open(URI base) {
    try {
      Path profile = Files.createTempDirectory("rehearse-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--no-first-run",
          "--disable-sync",
          "--user-data-dir=" + profile,
          "--window-size=1280,1400",
          "--lang=en-US",
          // a fake microphone, granted without a prompt, that plays a recorded answer once
          // (%noloop)
          "--use-fake-ui-for-media-stream",
          "--use-fake-device-for-media-stream",
          "--use-file-for-fake-audio-capture=" + MICROPHONE + "%noloop");
      // the console, to check that nothing breaks the gateway's content security policy
      options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(CHROMEDRIVER))
              .usingAnyFreePort()
              .build();
      return new Browser(new ChromeDriver(service, options), base, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  /**
   * Loads an app route such as {@code #/practice?question=x}, or any path on the gateway, afresh: a
   * route equal to the current one would otherwise keep the page as it is.
   */
  void open(String route) {
    driver.get("about:blank");
    driver.get(base.resolve(route.startsWith("#") ? "/" + route : route).toString());
  }

  /** Waits until the router has rendered {@code page} (main[data-ready]). */
  void awaitPage(String page) {
    until(
        Duration.ofSeconds(30),
        ExpectedConditions.attributeToBe(By.id("main"), "data-ready", page));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The first element matching {@code css} whose text is {@code text}. */
  WebElement withText(String css, String text) {
    return all(css).stream()
        .filter(e -> e.getText().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + css + " reads \"" + text + "\""));
  }

  WebElement visible(String css, Duration timeout) {
    return until(timeout, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  WebElement visible(String css) {
    return visible(css, Duration.ofSeconds(30));
  }

  void type(String css, String text) {
    WebElement field = visible(css);
    field.clear();
    field.sendKeys(text);
  }

  void click(String css) {
    until(Duration.ofSeconds(30), ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
        .click();
  }

  /**
   * Records the first second of what the fake microphone plays, on the practice page's voice tab,
   * and answers the element describing the WAV the page encoded.
   */
  WebElement recordASecond() {
    String button = "#panel-voice .recorder button";
    click(button);
    until(
        Duration.ofSeconds(10),
        ExpectedConditions.attributeToBe(By.cssSelector(button), "aria-pressed", "true"));
    until(
        Duration.ofSeconds(10),
        ExpectedConditions.textToBe(By.cssSelector("#panel-voice .recorder .timer"), "0:01"));
    click(button);
    visible("#recording-preview audio", Duration.ofSeconds(20));
    return visible("#recording-info");
  }

  /**
   * Waits for a condition; an element the page re-rendered meanwhile (stale) only means "not yet".
   */
  <T> T until(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Console messages since the last call that report a blocked resource, script or style (CSP). */
  List<String> policyViolations() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
        .toList();
  }

  /**
   * Screenshots the page at 1280 px as {name}-1280 and at a phone's 375 px as {name}-375, checking
   * it with axe at both widths and for sideways scrolling on the phone, then lays it out as before;
   * fails listing every serious or critical violation found.
   */
  void check(String name) {
    Dimension before = layout;
    List<String> failures = new ArrayList<>();
    for (int width : new int[] {DESKTOP.getWidth(), PHONE.getWidth()}) {
      resize(width == PHONE.getWidth() ? PHONE : DESKTOP);
      screenshot(name + "-" + width);
      List<Axe.Violation> found = new ArrayList<>(Axe.run(driver));
      if (width == PHONE.getWidth()) {
        Object wide = script(WIDER_THAN_THE_PAGE);
        if (wide != null) {
          found.add(new Axe.Violation("horizontal-scroll", "serious", 1, "html", (String) wide));
        }
      }
      Axe.record(name + "-" + width, found);
      found.forEach(v -> failures.add(width + " px: " + v));
    }
    resize(before);
    if (!failures.isEmpty()) {
      throw new AssertionError(
          "accessibility of " + name + ":\n  " + String.join("\n  ", failures));
    }
  }

  /**
   * Lays the page out at {@code size} (a phone's is emulated: headless Chromium keeps its windows
   * 500 px wide or more) and waits for it, keeping the reader's place: what was at the top of the
   * window stays there.
   */
  void resize(Dimension size) {
    if (size.equals(layout)) {
      return;
    }
    Object place =
        script("return scrollY < 1 ? null : document.elementFromPoint(innerWidth / 2, 8)");
    if (size.equals(DESKTOP)) {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    } else {
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of(
              "width",
              size.getWidth(),
              "height",
              size.getHeight(),
              "deviceScaleFactor",
              1,
              "mobile",
              false));
    }
    layout = size;
    // the desktop window is as wide as Chromium makes it (its scrollbar aside)
    until(
        Duration.ofSeconds(10),
        d -> {
          int width = ((Number) script("return innerWidth")).intValue();
          return size.equals(DESKTOP) ? width > PHONE.getWidth() : width == size.getWidth();
        });
    if (place != null) {
      script("arguments[0].scrollIntoView()", place);
    }
  }

  /** Saves what the browser shows as target/screenshots/{name}.png. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
