package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.ccrhub.CcrHubTest;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.web.browser.PageChecks;
import org.ccrhub.web.browser.Reflow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Delegations in a real browser, each person signing in with a password and a code: the council's
 * SPOC, at 1280 pixels, sends the form empty, then with a last day too far ahead, then lets a
 * colleague decide; the colleague, on a phone 320 pixels wide, finds the delegation to them; the
 * SPOC ends it sooner. Every page is checked with axe and {@link PageChecks} at 1280 and at 320
 * pixels, and for reflow at 320 ({@link Reflow}); full-page screenshots are left in {@code
 * target/screenshots/full}.
 */
@CcrHubTest
class DelegationPagesBrowserTests extends SharingBrowserTests {

  private String spoc;
  private String colleague;

  DelegationPagesBrowserTests() {
    super("delegations");
  }

  @BeforeEach
  void theCouncilsSpocAndAColleague() {
    spoc = member(Role.ANALYST, "Sam Spoc", council);
    colleague = member(Role.ACTION_LEAD, "Dan Delegate", council);
    member(Role.ACTION_LEAD, "PC Ann Smith", police);
    long protocol = protocol("Northbridge ISP");
    party(protocol, police, null);
    party(protocol, council, personOf(spoc));
  }

  @Test
  void theSpocLetsAColleagueDecideAndEndsItSooner() {
    signIn(spoc);
    browser.open(base);
    browser.follow("Delegations");
    check("delegations-empty");
    assertThat(browser.h1()).isEqualTo("Delegations");
    assertThat(browser.mainText()).contains("There are no delegations to show");
    browser.follow("Add a delegation");
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
    browser.follow("Delegations");
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
}
