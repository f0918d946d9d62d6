package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.security.Role;
import org.ccrhub.security.TwoFactorSessions;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.web.browser.Browser;
import org.ccrhub.web.browser.PageChecks;
import org.ccrhub.web.browser.Reflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Information sharing in a real browser, as the sharing journeys' tests start from: a new
 * partnership with the police and the council, signed out, at 1280 pixels. People sign in with a
 * password and a code; every page a test {@link #check checks} is checked with axe and {@link
 * PageChecks} at 1280 and at 320 pixels, and for reflow at 320 ({@link Reflow}), with a full-page
 * screenshot at each width in {@code target/screenshots/full}; any problem fails the test.
 */
abstract class SharingBrowserTests {

  static final int WIDE = 1280;

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Agencies agencies;
  @Autowired TwoFactorSessions twoFactor;
  @Autowired JdbcClient jdbc;

  final List<String> problems = new ArrayList<>();
  final LocalDate today = LocalDate.now(Dates.UK);
  Partnership partnership;
  String base;
  Agency police;
  Agency council;

  /** The width the person of the journey uses; the checks go back to it. */
  int width = WIDE;

  /** What the screenshots' names start with, for the class's pages. */
  private final String pages;

  SharingBrowserTests(String pages) {
    this.pages = pages;
  }

  @BeforeEach
  void aPartnershipOfPoliceAndCouncilSeenSignedOut() {
    browser.useServerOn(port);
    browser.signOut();
    width = WIDE;
    browser.viewportWidth(width);
    partnership = fixtures.partnership();
    base = "/p/" + partnership.slug() + "/sharing";
    police = agencies.create(partnership, "Northbridge Police", AgencyType.POLICE);
    council = agencies.create(partnership, "Northbridge Council", AgencyType.LOCAL_AUTHORITY);
  }

  @AfterEach
  void noAccessibilityProblems() {
    assertThat(problems).as("accessibility problems").isEmpty();
  }

  // --- the partnership

  /** A member with a role, linked to a new person of the agency (or of none); their email. */
  String member(Role role, String name, Agency agency) {
    return rows().member(partnership, role, name, agency);
  }

  long personOf(String email) {
    return rows().personOf(email);
  }

  /** A protocol in force since a year ago, with no end; its id. */
  long protocol(String title) {
    return rows().protocol(partnership, title, today.minusYears(1), null);
  }

  /** The agency a party to the protocol since a year ago, with its SPOC (or none). */
  void party(long protocol, Agency agency, Long spocPerson) {
    rows().party(partnership, protocol, agency, today.minusYears(1), spocPerson);
  }

  private SharingRows rows() {
    return new SharingRows(fixtures, jdbc);
  }

  // --- what a person does

  /** Signs in with the password and a fresh code, landing on the partnership's home page. */
  void signIn(String email) {
    twoFactor.setUp(email);
    browser.signOut();
    browser.signIn(email, Fixtures.PASSWORD);
    assertThat(browser.path()).isEqualTo("/sign-in/code");
    browser.driver().findElement(By.id("code")).sendKeys(twoFactor.freshCode(email));
    submit("Continue");
    assertThat(browser.path()).isEqualTo("/p/" + partnership.slug());
  }

  /** Clicks the button of the page's main part (the header has its own "Sign out" button). */
  void submit(String button) {
    browser.submitWith(
        browser
            .driver()
            .findElement(By.xpath("//main//button[normalize-space()='" + button + "']")));
  }

  void type(String id, String text) {
    WebElement field = browser.driver().findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Types a date into the day, month and year boxes of a GOV.UK date input. */
  void typeDate(String id, LocalDate date) {
    for (String part : List.of("day", "month", "year")) {
      WebElement box = browser.driver().findElement(By.id(id + "-" + part));
      box.clear();
      box.sendKeys(
          switch (part) {
            case "day" -> "" + date.getDayOfMonth();
            case "month" -> "" + date.getMonthValue();
            default -> "" + date.getYear();
          });
    }
  }

  WebElement radio(String name, String value) {
    return browser
        .driver()
        .findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
  }

  /** Clicks the radio's label, as a person would. */
  void choose(String name, String value) {
    WebElement radio = radio(name, value);
    labelOf(radio).click();
    assertThat(radio.isSelected()).as(name + " " + value).isTrue();
  }

  /** Ticks the box of the field with this label, by clicking the label. */
  void tick(String name, String label) {
    WebElement box = box(name, label);
    labelOf(box).click();
    assertThat(box.isSelected()).as(name + " " + label).isTrue();
  }

  void untick(String name, String label) {
    WebElement box = box(name, label);
    labelOf(box).click();
    assertThat(box.isSelected()).as(name + " " + label).isFalse();
  }

  WebElement box(String name, String label) {
    return browser
        .driver()
        .findElements(By.cssSelector("input[type=checkbox][name='" + name + "']"))
        .stream()
        .filter(b -> labelOf(b).getText().strip().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No box " + name + " labelled " + label));
  }

  /** The lawful basis box whose label starts with the code ("UK GDPR 6(1)(e): Public task"). */
  WebElement basisBox(String code) {
    return browser
        .driver()
        .findElements(By.cssSelector("input[type=checkbox][name=bases]"))
        .stream()
        .filter(b -> labelOf(b).getDomProperty("textContent").strip().startsWith(code + ":"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No lawful basis " + code));
  }

  /** Ticks a lawful basis, opening its group (a GOV.UK details) first when it is closed. */
  void tickBasis(String code) {
    WebElement box = basisBox(code);
    WebElement group = box.findElement(By.xpath("ancestor::details"));
    if (group.getDomAttribute("open") == null) {
      group.findElement(By.tagName("summary")).click();
    }
    assertThat(group.getDomAttribute("open")).as(code + " group open").isNotNull();
    labelOf(box).click();
    assertThat(box.isSelected()).as(code).isTrue();
  }

  WebElement labelOf(WebElement input) {
    return browser
        .driver()
        .findElement(By.cssSelector("label[for='" + input.getDomAttribute("id") + "']"));
  }

  // --- what a person sees

  /** The error summary's messages, in order. */
  List<String> errorSummary() {
    return browser.driver().findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /**
   * Clicks each link of the error summary in turn (there must be one): focus must go to the field
   * it names, and that field be on screen.
   */
  void eachErrorLinkFocusesItsField() {
    int links =
        browser.driver().findElements(By.cssSelector(".govuk-error-summary__list a")).size();
    assertThat(links).isPositive();
    for (int i = 0; i < links; i++) {
      WebElement link =
          browser.driver().findElements(By.cssSelector(".govuk-error-summary__list a")).get(i);
      String target = link.getDomAttribute("href").substring(1);
      String text = link.getText();
      link.click();
      WebElement focused = browser.focused();
      assertThat(focused.getDomAttribute("id"))
          .as("focus after \"" + text + "\"")
          .isEqualTo(target);
      // on screen (a GOV.UK radio or box is drawn by its label, the input itself transparent)
      assertThat(
              (Boolean)
                  browser.script(
                      "const r = arguments[0].getBoundingClientRect();"
                          + " return r.bottom > 0 && r.top < window.innerHeight"
                          + " && getComputedStyle(arguments[0]).visibility !== 'hidden';",
                      focused))
          .as("\"" + text + "\" field on screen")
          .isTrue();
    }
  }

  /**
   * axe and the page checks at 1280 pixels and at 320, and reflow at 320, with a full-page
   * screenshot at each width; then back at the journey's width.
   */
  void check(String name) {
    for (int at : List.of(WIDE, Reflow.WIDTH)) {
      browser.viewportWidth(at);
      fullPage(pages + "-" + name + "-" + at);
      PageChecks.problems(browser, pages + "-" + name + "-" + at).stream()
          // The error summary has focus as the page arrives, which the first width checks. axe
          // then opens a blank window for a moment; GOV.UK Frontend takes the summary's tabindex
          // away when it loses focus, so focus falls to the body: not something a person meets.
          .filter(p -> at == WIDE || !p.equals("the error summary does not have focus"))
          .forEach(p -> problems.add(name + " at " + at + " (" + browser.path() + "): " + p));
    }
    Reflow.problems(browser, pages + "-" + name)
        .forEach(p -> problems.add(name + " reflow (" + browser.path() + "): " + p));
    browser.viewportWidth(width);
  }

  /** The whole page, not only the window, in {@code target/screenshots/full}, for people to see. */
  @SuppressWarnings("unchecked")
  void fullPage(String name) {
    var metrics = browser.driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    // the page as laid out without the scroll bar, which a capture beyond the viewport has not
    double pageWidth =
        Math.max(
            ((Number) size.get("width")).doubleValue(),
            ((Number) browser.script("return window.innerWidth")).doubleValue());
    double height = Math.min(((Number) size.get("height")).doubleValue(), 12000);
    var shot =
        browser
            .driver()
            .executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                    "captureBeyondViewport",
                    true,
                    "clip",
                    Map.of("x", 0, "y", 0, "width", pageWidth, "height", height, "scale", 1)));
    try {
      Path dir = Path.of("target", "screenshots", "full");
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
