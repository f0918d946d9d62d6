package org.ccrhub.marac.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.marac.Marac;
import org.ccrhub.marac.MaracRole;
import org.ccrhub.marac.MaracRoles;
import org.ccrhub.marac.MaracSettings;
import org.ccrhub.marac.Maracs;
import org.ccrhub.marac.MeetingFrequency;
import org.ccrhub.partnership.Agencies;
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
 * The MARAC in a real browser, as its people go through it, each signing in with a password and a
 * code: the coordinator records a referral through the form (with its errors), schedules a meeting,
 * builds the agenda and releases it; a member researches a case of the released agenda and updates
 * their agency's action; an IDVA records the offer and contact of their case; someone without a
 * MARAC role gets the not-found page. Every page is checked with axe and {@link PageChecks} at 1280
 * pixels and for reflow at 320 ({@link Reflow}); screenshots are left in {@code
 * target/screenshots}.
 */
@CcrHubTest
class MaracJourneysBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Maracs maracs;
  @Autowired MaracRoles roles;
  @Autowired Agencies agencies;
  @Autowired TwoFactorSessions twoFactor;
  @Autowired JdbcClient jdbc;

  private final List<String> problems = new ArrayList<>();
  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
  private Partnership partnership;
  private Marac marac;
  private String base;
  private String coordinator;
  private String member;
  private String idva;
  private long police;

  @BeforeEach
  void aMaracWithItsPeople() {
    browser.useServerOn(port);
    browser.signOut();
    browser.viewportWidth(1280);
    partnership = fixtures.partnership();
    marac =
        maracs.create(
            partnership,
            "Haringey MARAC",
            MaracSettings.defaults(112350),
            MeetingFrequency.MONTHLY);
    police = agencies.create(partnership, "Met Police", AgencyType.POLICE).id();
    agencies.create(partnership, "Whittington Health", AgencyType.HEALTH);
    coordinator = withRole(MaracRole.MARAC_COORDINATOR, Optional.empty());
    member = withRole(MaracRole.MARAC_MEMBER, Optional.of(police));
    idva = withRole(MaracRole.IDVA, Optional.empty());
    base = "/p/" + partnership.slug() + "/marac/" + marac.id();
  }

  @AfterEach
  void noAccessibilityProblems() {
    assertThat(problems).as("accessibility problems").isEmpty();
  }

  @Test
  void aReferralToAMeetingWithResearchAndActions() {
    signIn(coordinator);
    browser.driver().findElement(By.linkText("MARAC")).click();
    check("marac-home");
    assertThat(browser.h1()).isEqualTo("MARAC");
    assertThat(browser.mainText()).contains("Your role: MARAC coordinator");
    browser.driver().findElement(By.partialLinkText("New referral")).click();
    check("referral-form");
    assertThat(browser.h1()).isEqualTo("New referral");
    assertThat(browser.mainText()).contains("OFFICIAL-SENSITIVE");

    long id = recordReferral("Ann Example");

    check("case");
    assertThat(browser.h1()).isEqualTo("Case " + id);
    assertThat(browser.mainText())
        .contains("Referral recorded as case " + id)
        .contains("Ann Example", "15 of 24", "Visible high risk", "Bob Example", "Dan Example");
    assertThat(browser.driver().findElements(By.xpath("//main//*[text()='OFFICIAL-SENSITIVE']")))
        .hasSize(2);

    // the coordinator schedules a meeting, builds its agenda and releases the case list
    browser.open(base + "/meetings");
    check("meetings");
    assertThat(browser.h1()).isEqualTo("Meetings");
    LocalDate meetingDate = today.plusDays(14);
    typeDate("date", meetingDate);
    browser.driver().findElement(By.id("count")).sendKeys("2");
    submit("Schedule");
    check("meetings-scheduled");
    assertThat(browser.mainText()).contains(Dates.date(meetingDate), Dates.date(meetingDate));
    browser.driver().findElement(By.linkText(Dates.date(meetingDate))).click();
    check("meeting");
    assertThat(browser.h1()).isEqualTo("Meeting on " + Dates.date(meetingDate));
    assertThat(browser.mainText()).contains("1 referral is waiting for an agenda.");
    submit("Build the agenda");
    check("meeting-built");
    assertThat(browser.mainText()).contains("Ann Example", "Case " + id);
    submit("Release the case list");
    check("meeting-released");
    assertThat(browser.mainText()).contains("Released to the members");
    String meetingPage = browser.path();

    // a member sees the case on the released agenda and records their agency's research
    signIn(member);
    browser.open(base + "/meetings");
    browser.driver().findElement(By.linkText(Dates.date(meetingDate))).click();
    check("meeting-as-member");
    browser.driver().findElement(By.linkText("Ann Example")).click();
    check("case-meeting-as-member");
    assertThat(browser.h1()).isEqualTo("Ann Example");
    assertThat(browser.mainText()).contains("No research has been recorded yet.");
    submit("Save research");
    check("case-meeting-research-empty");
    assertThat(browser.title()).startsWith("Error: ");
    browser.driver().findElement(By.id("facts")).sendKeys("Three call-outs since May");
    browser.driver().findElement(By.id("opinion")).sendKeys("Risk is rising");
    submit("Save research");
    check("case-meeting-research-saved");
    assertThat(browser.mainText()).contains("Met Police", "Three call-outs since May");

    // at the meeting the coordinator records the risks and adds an action for the police
    signIn(coordinator);
    browser.open(base + "/cases/" + id + "/meeting");
    check("case-meeting-as-coordinator");
    browser.driver().findElement(By.id("risks")).sendKeys("Escalating threats");
    submit("Save risks");
    new Select(
            browser.driver().findElement(By.cssSelector("#add-action ~ form select#actionAgency")))
        .selectByVisibleText("Met Police");
    submit("Add action");
    check("case-meeting-action-errors");
    assertThat(browser.title()).startsWith("Error: ");
    browser.driver().findElement(By.id("description")).sendKeys("Flag the address");
    typeDate("due", today.plusDays(30));
    submit("Add action");
    check("case-meeting-action-added");
    assertThat(browser.mainText())
        .contains("Escalating threats", "Met Police: due " + Dates.date(today.plusDays(30)));
    browser.open(meetingPage + "/attendance");
    check("attendance");
    browser.open(meetingPage + "/minutes");
    check("minutes");

    // the member updates their agency's action
    signIn(member);
    browser.open(base + "/our-actions");
    check("our-actions");
    assertThat(browser.mainText()).contains("Flag the address", "Open");
    browser.driver().findElement(By.partialLinkText("Ann Example")).click();
    WebElement status = browser.driver().findElement(By.cssSelector("select[id^=status-]"));
    new Select(status).selectByVisibleText("Done");
    browser
        .driver()
        .findElement(By.cssSelector("textarea[id^=note-]"))
        .sendKeys("Flag added on 3 June");
    submit("Update action");
    check("case-meeting-action-updated");
    assertThat(browser.mainText()).contains("Done", "Flag added on 3 June");
    browser.open(base + "/our-actions");
    assertThat(browser.mainText()).contains("Flag the address", "Done");
    browser.open(base + "/agency-performance");
    check("agency-performance");
  }

  @Test
  void anIdvaRecordsTheOfferAndContactOfTheirCase() {
    signIn(coordinator);
    browser.open(base + "/cases/new");
    long id = recordReferral("Eve Example");
    new Select(browser.driver().findElement(By.id("idva"))).selectByIndex(1);
    submit("Allocate IDVA");
    check("case-idva-allocated");
    assertThat(browser.driver().getCurrentUrl()).endsWith("#idva-details");
    submit("Close the case");
    check("case-close-errors");
    assertThat(browser.title()).startsWith("Error: ");
    assertThat(browser.driver().findElement(By.className("govuk-error-summary")).getText())
        .contains("Enter why the case is closed");
    browser.open(base + "/cases/" + id + "/looked-at");
    check("looked-at");
    browser.open(base + "/cases/" + id + "/print");
    check("print-form");
    browser.open(base + "/people");
    check("people");

    signIn(idva);
    browser.open(base + "/cases");
    check("cases-as-idva");
    assertThat(browser.mainText()).contains("Eve Example", "the cases allocated to you");
    browser.driver().findElement(By.linkText("Case " + id)).click();
    check("case-as-idva");
    choose("offer", "ACCEPTED");
    typeDate("offeredOn", today);
    browser.driver().findElement(By.id("contactOutcome")).sendKeys("Met at the refuge");
    submit("Save IDVA offer and contact");
    check("case-idva-recorded");
    assertThat(browser.mainText()).contains("Met at the refuge", "Accepted");
  }

  @Test
  void someoneWithoutAMaracRoleGetsThePageNotFound() {
    signIn(coordinator);
    browser.open(base + "/cases/new");
    long id = recordReferral("Fay Example");

    browser.signOut();
    String viewer = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    browser.signIn(viewer, Fixtures.PASSWORD);
    browser.open(base + "/cases/" + id);
    check("case-without-role");
    assertThat(browser.h1()).isEqualTo("Page not found");
    assertThat(browser.mainText()).doesNotContain("Fay Example");
    browser.open("/p/" + partnership.slug() + "/marac");
    check("marac-home-without-role");
    assertThat(browser.mainText()).contains("Cases heard by Haringey MARAC");
  }

  /**
   * Fills the referral form shown, first without the victim's name (the error summary links to the
   * field), adding a second perpetrator; returns the case's id, with its page shown.
   */
  private long recordReferral(String victim) {
    new Select(browser.driver().findElement(By.id("referringAgency")))
        .selectByVisibleText("Met Police (Police)");
    browser.driver().findElement(By.id("referringOfficer")).sendKeys("DC Jo Smith");
    typeDate("referralDate", today);
    typeDate("victimDob", LocalDate.of(1990, 11, 4));
    choose("victimGender", "FEMALE");
    new Select(browser.driver().findElement(By.id("ethnicity")))
        .selectByVisibleText("White: Irish");
    choose("disabled", "NO");
    choose("lgbt", "NOT_KNOWN");
    choose("victimAware", "YES");
    browser.driver().findElement(By.id("perpetrators[0]-name")).sendKeys("Bob Example");
    new Select(browser.driver().findElement(By.id("perpetrators[0]-gender")))
        .selectByVisibleText("Male");
    browser.driver().findElement(By.id("perpetrators[0]-relationship")).sendKeys("Ex-partner");
    submit("Add another perpetrator");
    check("referral-form-second-perpetrator");
    assertThat(browser.mainText()).contains("Perpetrator 2");
    // the page comes back at the new row
    assertThat(browser.driver().getCurrentUrl()).endsWith("/cases/new#perpetrator-2");
    assertThat(browser.driver().findElement(By.id("perpetrators[0]-name")).getDomProperty("value"))
        .isEqualTo("Bob Example");
    browser.driver().findElement(By.id("perpetrators[1]-name")).sendKeys("Dan Example");
    browser.driver().findElement(By.id("perpetrators[1]-relationship")).sendKeys("Brother");
    choose("riskAssessment", "DASH");
    for (int i = 0; i < 24; i++) {
      choose("dash[" + i + "]", i < 15 ? "YES" : "NO");
    }
    choose("consent", "GIVEN");
    submit("Record referral");

    check("referral-form-errors");
    assertThat(browser.title()).startsWith("Error: ");
    WebElement error = browser.driver().findElement(By.cssSelector(".govuk-error-summary__list a"));
    assertThat(error.getText()).isEqualTo("Enter the victim's name");
    error.click();
    assertThat(browser.focused().getDomAttribute("id")).isEqualTo("victimName");
    browser.type(victim);
    submit("Record referral");
    assertThat(browser.path()).matches(".*/cases/\\d+");
    return Long.parseLong(browser.path().replaceAll(".*/", ""));
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

  private String withRole(MaracRole role, Optional<Long> agency) {
    String email = fixtures.user(partnership, Role.VIEWER);
    long account =
        jdbc.sql("select id from user_account where email = :e")
            .param("e", email)
            .query(Long.class)
            .single();
    roles.grant(partnership, marac, account, role, agency, "test");
    return email;
  }

  /** Clicks the radio's label, as a person would. */
  private void choose(String name, String value) {
    WebElement radio =
        browser
            .driver()
            .findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    browser
        .driver()
        .findElement(By.cssSelector("label[for='" + radio.getDomAttribute("id") + "']"))
        .click();
    assertThat(radio.isSelected()).as(name + " " + value).isTrue();
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

  /** axe and the page checks at 1280 pixels, then reflow at 320, with a screenshot of each. */
  private void check(String name) {
    fullPage("marac-" + name + "-1280");
    PageChecks.problems(browser, "marac-" + name)
        .forEach(p -> problems.add(name + " (" + browser.path() + "): " + p));
    Reflow.problems(browser, "marac-" + name)
        .forEach(p -> problems.add(name + " at 320 (" + browser.path() + "): " + p));
    browser.viewportWidth(Reflow.WIDTH);
    fullPage("marac-" + name + "-320");
    browser.viewportWidth(1280);
  }

  /** The whole page, not only the window, in {@code target/screenshots/full}, for people to see. */
  @SuppressWarnings("unchecked")
  private void fullPage(String name) {
    var metrics = browser.driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    double width = ((Number) size.get("width")).doubleValue();
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
                    Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
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
