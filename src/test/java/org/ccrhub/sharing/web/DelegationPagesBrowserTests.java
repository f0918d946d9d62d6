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
import org.ccrhub.CcrHubTest;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delegations in a real browser, each person signing in with a password and a code: the council's
 * SPOC, at 1280 pixels, sends the form empty, then with a last day too far ahead, then lets a
 * colleague decide; the colleague, on a phone 320 pixels wide, finds the delegation to them; the
 * SPOC ends it sooner. Every page is checked with axe and {@link PageChecks} at 1280 and at 320
 * pixels, and for reflow at 320 ({@link Reflow}); full-page screenshots are left in {@code
 * target/screenshots/full}.
 */
@CcrHubTest
class DelegationPagesBrowserTests {

  private static final int WIDE = 1280;

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Agencies agencies;
  @Autowired TwoFactorSessions twoFactor;
  @Autowired JdbcClient jdbc;

  private final List<String> problems = new ArrayList<>();
  private final LocalDate today = LocalDate.now(Dates.UK);
  private Partnership partnership;
  private String base;
  private String spoc;
  private String colleague;

  /** The width the person of the journey uses; the checks go back to it. */
  private int width = WIDE;

  @BeforeEach
  void theCouncilsSpocAndAColleague() {
    browser.useServerOn(port);
    browser.signOut();
    width = WIDE;
    browser.viewportWidth(width);
    partnership = fixtures.partnership();
    base = "/p/" + partnership.slug() + "/sharing";
    Agency police = agencies.create(partnership, "Northbridge Police", AgencyType.POLICE);
    Agency council =
        agencies.create(partnership, "Northbridge Council", AgencyType.LOCAL_AUTHORITY);
    spoc = member(Role.ANALYST, "Sam Spoc", council);
    colleague = member(Role.ACTION_LEAD, "Dan Delegate", council);
    member(Role.ACTION_LEAD, "PC Ann Smith", police);
    long protocol =
        jdbc.sql(
                "insert into sharing_protocol (partnership_id, title, in_force_from)"
                    + " values (:p, 'Northbridge ISP', :from) returning id")
            .param("p", partnership.id())
            .param("from", today.minusYears(1))
            .query(Long.class)
            .single();
    party(protocol, police, null);
    party(protocol, council, personOf(spoc));
  }

  @AfterEach
  void noAccessibilityProblems() {
    assertThat(problems).as("accessibility problems").isEmpty();
  }

  @Test
  void theSpocLetsAColleagueDecideAndEndsItSooner() {
    signIn(spoc);
    browser.open(base);
    browser.driver().findElement(By.linkText("Delegations")).click();
    check("delegations-empty");
    assertThat(browser.h1()).isEqualTo("Delegations");
    assertThat(browser.mainText()).contains("There are no delegations to show");
    browser.driver().findElement(By.linkText("Add a delegation")).click();
    check("delegation-form");
    assertThat(browser.h1()).isEqualTo("Add a delegation");
    // the only party the SPOC decides for is not asked about
    assertThat(browser.driver().findElement(By.id("party")).getText())
        .isEqualTo("Northbridge Council under the Northbridge ISP");
    assertThat(browser.driver().findElements(By.cssSelector("select#party"))).isEmpty();
    assertThat(browser.mainText()).contains("At most 12 months ahead, like ");

    submit("Add the delegation");
    check("delegation-form-errors");
    assertThat(browser.title()).startsWith("Error: ");
    assertThat(errorSummary())
        .containsExactly("Select the person who will decide", "Enter the last day");
    eachErrorLinkFocusesItsField();

    new Select(browser.driver().findElement(By.id("person"))).selectByVisibleText("Dan Delegate");
    LocalDate tooFar = today.plusMonths(13);
    typeDate("until", tooFar);
    submit("Add the delegation");
    check("delegation-form-too-far");
    assertThat(errorSummary())
        .containsExactly(
            "The last day must be at most 12 months ahead, on or before "
                + Dates.date(today.plusMonths(12)));
    eachErrorLinkFocusesItsField();
    // what was chosen and typed is kept
    assertThat(
            new Select(browser.driver().findElement(By.id("person")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("Dan Delegate");
    assertThat(browser.driver().findElement(By.id("until-year")).getDomProperty("value"))
        .isEqualTo(Integer.toString(tooFar.getYear()));

    LocalDate until = today.plusMonths(2);
    typeDate("until", until);
    submit("Add the delegation");
    assertThat(browser.path()).isEqualTo(base + "/delegations");
    check("delegations-granted");
    assertThat(browser.mainText())
        .contains(
            "Dan Delegate can decide for Northbridge Council under the Northbridge ISP until "
                + Dates.date(until))
        .contains("Sam Spoc, " + Dates.date(today), Dates.date(until), "Active");

    // the colleague, on a phone, finds the delegation to them, and nothing to change
    width = Reflow.WIDTH;
    browser.viewportWidth(width);
    signIn(colleague);
    browser.open(base);
    browser.driver().findElement(By.linkText("Delegations")).click();
    check("delegations-as-delegate");
    assertThat(browser.mainText())
        .contains("You see the delegations to you", "Dan Delegate", "Active")
        .doesNotContain("Add a delegation");
    assertThat(browser.driver().findElements(By.cssSelector("main button"))).isEmpty();

    // the SPOC, on a phone too, ends it sooner
    signIn(spoc);
    browser.open(base + "/delegations");
    WebElement end =
        browser
            .driver()
            .findElement(By.xpath("//main//button[starts-with(normalize-space(), 'End')]"));
    // the name a screen reader announces, its spaces as it reads them
    assertThat(end.getAccessibleName().replaceAll("[\\s\\u00a0]+", " ").strip())
        .isEqualTo(
            "End the delegation to Dan Delegate for Northbridge Council under the Northbridge ISP");
    browser.submitWith(end);
    assertThat(browser.path()).isEqualTo(base + "/delegations");
    check("delegations-ended");
    assertThat(browser.mainText())
        .contains(
            "Dan Delegate no longer decides for Northbridge Council under the Northbridge ISP")
        .contains("Ended on " + Dates.date(today), "by Sam Spoc");
    assertThat(browser.driver().findElements(By.cssSelector("main table button"))).isEmpty();
  }

  /** The error summary's messages, in order. */
  private List<String> errorSummary() {
    return browser.driver().findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Clicks each link of the error summary in turn: focus must go to the field it names. */
  private void eachErrorLinkFocusesItsField() {
    int links =
        browser.driver().findElements(By.cssSelector(".govuk-error-summary__list a")).size();
    assertThat(links).isPositive();
    for (int i = 0; i < links; i++) {
      WebElement link =
          browser.driver().findElements(By.cssSelector(".govuk-error-summary__list a")).get(i);
      String target = link.getDomAttribute("href").substring(1);
      String text = link.getText();
      link.click();
      assertThat(browser.focused().getDomAttribute("id"))
          .as("focus after \"" + text + "\"")
          .isEqualTo(target);
    }
  }

  /** A member with a role, linked to a new person of the agency; their email. */
  private String member(Role role, String name, Agency agency) {
    String email = fixtures.user(partnership, role);
    long person =
        jdbc.sql(
                "insert into person (partnership_id, name, agency_id) values (:p, :name, :agency)"
                    + " returning id")
            .param("p", partnership.id())
            .param("name", name)
            .param("agency", agency.id())
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into account_person (partnership_id, user_account_id, person_id)"
                + " values (:p, (select id from user_account where email = :email), :person)")
        .param("p", partnership.id())
        .param("email", email)
        .param("person", person)
        .update();
    return email;
  }

  private long personOf(String email) {
    return jdbc.sql(
            "select person_id from account_person ap join user_account u on u.id ="
                + " ap.user_account_id where u.email = :email")
        .param("email", email)
        .query(Long.class)
        .single();
  }

  private void party(long protocol, Agency agency, Long spocPerson) {
    jdbc.sql(
            "insert into sharing_party (partnership_id, protocol_id, agency_id, party_from,"
                + " spoc_person_id) values (:p, :protocol, :agency, :from, :spoc)")
        .param("p", partnership.id())
        .param("protocol", protocol)
        .param("agency", agency.id())
        .param("from", today.minusYears(1))
        .param("spoc", spocPerson)
        .update();
  }

  private void signIn(String email) {
    twoFactor.setUp(email);
    browser.signOut();
    browser.signIn(email, Fixtures.PASSWORD);
    assertThat(browser.path()).isEqualTo("/sign-in/code");
    browser.driver().findElement(By.id("code")).sendKeys(twoFactor.freshCode(email));
    submit("Continue");
    assertThat(browser.path()).isEqualTo("/p/" + partnership.slug());
  }

  private void typeDate(String id, LocalDate date) {
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

  private void submit(String button) {
    browser.submitWith(
        browser
            .driver()
            .findElement(By.xpath("//main//button[normalize-space()='" + button + "']")));
  }

  /**
   * axe and the page checks at 1280 pixels and at 320, and reflow at 320, with a full-page
   * screenshot at each width; then back at the journey's width.
   */
  private void check(String name) {
    for (int at : List.of(WIDE, Reflow.WIDTH)) {
      browser.viewportWidth(at);
      fullPage("delegations-" + name + "-" + at);
      PageChecks.problems(browser, "delegations-" + name + "-" + at).stream()
          // as in SharingJourneysBrowserTests: the error summary's focus is checked at the first
          // width only, since axe's blank window takes it away before the second
          .filter(p -> at == WIDE || !p.equals("the error summary does not have focus"))
          .forEach(p -> problems.add(name + " at " + at + " (" + browser.path() + "): " + p));
    }
    Reflow.problems(browser, "delegations-" + name)
        .forEach(p -> problems.add(name + " reflow (" + browser.path() + "): " + p));
    browser.viewportWidth(width);
  }

  /** The whole page, not only the window, in {@code target/screenshots/full}, for people to see. */
  @SuppressWarnings("unchecked")
  private void fullPage(String name) {
    var metrics = browser.driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
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
