package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.AgencyType;
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
 * Information sharing in a real browser, as its people go through it, each signing in with a
 * password and a code: a police officer asks the council for information through the request form
 * at 1280 pixels (first sending it empty, then with special category information but no Article 9
 * condition, to see the errors and where their links lead), about two people, each with their own
 * answer about consent; the council's SPOC, on a phone 320 pixels wide, decides to share in part
 * without consent (first without reasons or a ground); the data protection lead finds the decision
 * in the log by its outcome, and asks for a copy without saying why; someone who did not sign in
 * with two factors is told they must. Every page is checked with axe and {@link PageChecks} at 1280
 * and at 320 pixels, and for reflow at 320 ({@link Reflow}); full-page screenshots are left in
 * {@code target/screenshots/full}.
 */
@CcrHubTest
class SharingJourneysBrowserTests extends SharingBrowserTests {

  private static final String SPECIAL =
      "Special category information (health, ethnicity, sexuality and the like)";

  private String officer;
  private String spoc;
  private String dpl;

  SharingJourneysBrowserTests() {
    super("sharing");
  }

  @BeforeEach
  void aProtocolBetweenPoliceAndCouncilWithTheirPeople() {
    agencies.create(partnership, "Southmere Homes", AgencyType.HOUSING);
    officer = member(Role.ACTION_LEAD, "PC Ann Smith", police);
    spoc = member(Role.ANALYST, "Sam Spoc", council);
    dpl = member(Role.DATA_PROTECTION_LEAD, "Dana Lead", null);
    long protocol = protocol("Northbridge ISP");
    party(protocol, police, null);
    party(protocol, council, personOf(spoc));
  }

  @Test
  void anOfficerAsksTheSpocDecidesOnAPhoneAndTheLeadFindsItInTheLog() {
    // a police officer, at 1280 pixels, asks the council about two people
    signIn(officer);
    browser.follow("Sharing");
    check("home-as-officer");
    assertThat(browser.h1()).isEqualTo("Information sharing");
    browser.follow("Ask another agency for information");
    check("request-form");
    assertThat(browser.h1()).isEqualTo("Ask for information");
    assertThat(browser.mainText())
        .contains("OFFICIAL-SENSITIVE", "Under the protocols in force today, you can ask");

    submit("Send the request");
    check("request-form-errors");
    assertThat(browser.title()).startsWith("Error: ");
    assertThat(errorSummary())
        .containsExactly(
            "Select the agency you are asking",
            "Select the protocol you are asking under",
            "Enter the information you are asking for",
            "Enter why you need it (the purpose)",
            "Select the kinds of information you need",
            "Select whether the request is urgent");
    eachErrorLinkFocusesItsField();

    new Select(browser.driver().findElement(By.id("askedAgency")))
        .selectByVisibleText("Northbridge Council");
    new Select(browser.driver().findElement(By.id("protocol")))
        .selectByVisibleText("Northbridge ISP");
    browser
        .driver()
        .findElement(By.id("informationSought"))
        .sendKeys("Any record of domestic abuse at the address");
    browser.driver().findElement(By.id("purpose")).sendKeys("Risk assessment before the MARAC");
    tick("categories", "Personal information");
    tick("categories", SPECIAL);
    tickBasis("UK GDPR 6(1)(e)");
    tickBasis("Crime and Disorder Act 1998 s115");
    choose("urgent", "no");
    new Select(browser.driver().findElement(By.id("subjects[0]-role")))
        .selectByVisibleText("Victim");
    browser.driver().findElement(By.id("subjects[0]-name")).sendKeys("Vicky Victim");
    browser.driver().findElement(By.id("subjects[0]-address")).sendKeys("1 High Street");
    typeDate("subjects[0]-dob", LocalDate.of(1990, 11, 4));
    choose("subjects[0].consent", "GIVEN");

    submit("Add another person");
    check("request-form-second-person");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/sharing/requests/new#person-2");
    assertThat(browser.mainText()).contains("Person 2");
    assertThat(browser.title()).doesNotStartWith("Error: ");
    // what was typed and ticked is kept
    assertThat(browser.driver().findElement(By.id("subjects[0]-name")).getDomProperty("value"))
        .isEqualTo("Vicky Victim");
    assertThat(basisBox("Crime and Disorder Act 1998 s115").isSelected()).isTrue();
    new Select(browser.driver().findElement(By.id("subjects[1]-role")))
        .selectByVisibleText("Suspect");
    browser.driver().findElement(By.id("subjects[1]-name")).sendKeys("Sid Suspect");
    choose("subjects[1].consent", "NOT_SOUGHT");
    browser
        .driver()
        .findElement(By.id("subjects[1]-notSoughtReason"))
        .sendKeys("Asking him would put the victim at risk");
    submit("Send the request");

    // special category information without an Article 9 condition: the link leads to that group
    check("request-form-article-9-error");
    assertThat(errorSummary())
        .containsExactly("Select an Article 9 condition for the special category information");
    eachErrorLinkFocusesItsField();
    WebElement group = browser.focused().findElement(By.xpath("ancestor::details"));
    assertThat(group.getDomAttribute("open")).isNotNull();
    assertThat(group.findElement(By.tagName("summary")).getText())
        .isEqualTo("UK GDPR Article 9: special category condition");
    WebElement fieldset = browser.focused().findElement(By.xpath("ancestor::fieldset"));
    assertThat(fieldset.getAccessibleName().replace('\u00a0', ' ').strip())
        .isEqualTo("UK GDPR Article 9: special category condition");
    assertThat(fieldset.getDomAttribute("aria-describedby")).isEqualTo("bases-hint bases-error");
    // the officer asks for personal information only after all
    untick("categories", SPECIAL);
    submit("Send the request");

    assertThat(browser.path()).matches(".*/sharing/requests/\\d+");
    int number = Integer.parseInt(browser.path().replaceAll(".*/", ""));
    check("request-as-officer");
    assertThat(browser.h1()).isEqualTo("Request " + number);
    assertThat(browser.mainText())
        .contains("Request " + number + " sent. It is due by")
        .contains("Northbridge Police to Northbridge Council", "Waiting for a decision")
        .contains("Person 1", "Victim", "Vicky Victim", "Given")
        .contains("Person 2", "Suspect", "Sid Suspect")
        .contains("Not sought: Asking him would put the victim at risk")
        .contains("UK GDPR 6(1)(e)", "Crime and Disorder Act 1998 s115");
    browser.follow("Back to requests");
    check("requests-as-officer");
    assertThat(browser.mainText())
        .contains("Request " + number, "Northbridge Police", "Northbridge Council")
        .doesNotContain("Vicky");
    String request = base + "/requests/" + number;

    // the council's SPOC, on a phone, decides to share in part without consent
    width = Reflow.WIDTH;
    browser.viewportWidth(width);
    signIn(spoc);
    browser.open(base);
    check("home-as-spoc");
    browser.follow("Requests made by or to Northbridge Council");
    check("requests-as-spoc");
    assertThat(browser.mainText()).contains("For you to decide");
    browser.follow("Request " + number);
    check("request-as-spoc");
    assertThat(browser.mainText()).contains("Vicky Victim", "Sid Suspect");
    browser.follow("Record the decision");
    check("decision-form");
    assertThat(browser.h1()).isEqualTo("Record the decision");
    assertThat(browser.mainText()).contains("Not everyone the request is about consented to it");

    choose("outcome", "SHARE_IN_PART");
    choose("subjectTold", "no");
    browser
        .driver()
        .findElement(By.id("notToldReason"))
        .sendKeys("Telling him would raise the risk to her");
    tick("informationTypes", "Police incidents");
    tick("informationTypes", "Address and household");
    choose("method", "SECURE_EMAIL");
    typeDate("suppliedOn", today);
    submit("Record the decision");
    check("decision-form-errors");
    assertThat(browser.title()).startsWith("Error: ");
    assertThat(errorSummary())
        .containsExactly(
            "Give the reasons for sharing in part: what was withheld and why",
            "Choose the grounds for sharing without consent");
    eachErrorLinkFocusesItsField();
    // what was chosen is kept
    assertThat(radio("subjectTold", "no").isSelected()).isTrue();
    assertThat(radio("method", "SECURE_EMAIL").isSelected()).isTrue();

    browser
        .driver()
        .findElement(By.id("reasons"))
        .sendKeys("The health records were withheld: not needed for the risk assessment");
    tick("grounds", "Prevent significant harm");
    submit("Record the decision");
    assertThat(browser.path()).isEqualTo(request);
    check("request-decided-as-spoc");
    assertThat(browser.mainText())
        .contains("Decision recorded as entry")
        .contains("Share in part on " + Dates.date(today))
        .contains("The health records were withheld")
        .contains("Prevent significant harm")
        .contains("No: Telling him would raise the risk to her")
        .contains("Address and household; Police incidents")
        .contains("Secure email, " + Dates.date(today));
    browser.follow("Who looked at this request");
    check("looked-at-as-spoc");
    assertThat(browser.h1()).isEqualTo("Who looked at request " + number);

    // the data protection lead searches the log by decision
    width = WIDE;
    browser.viewportWidth(width);
    signIn(dpl);
    browser.open(base);
    check("home-as-lead");
    browser.follow("Decision log");
    check("log");
    new Select(browser.driver().findElement(By.id("decision"))).selectByVisibleText("Refuse");
    submit("Search");
    assertThat(browser.path()).contains("decision=REFUSE");
    assertThat(browser.mainText()).contains("0 entries");
    new Select(browser.driver().findElement(By.id("decision")))
        .selectByVisibleText("Share in part");
    submit("Search");
    check("log-share-in-part");
    assertThat(browser.path()).contains("decision=SHARE_IN_PART");
    assertThat(new Select(browser.driver().findElement(By.id("decision"))).getFirstSelectedOption())
        .extracting(WebElement::getText)
        .isEqualTo("Share in part");
    assertThat(browser.mainText())
        .contains("1 entry", "Request " + number, "PC Ann Smith")
        .contains("Share in part", "Prevent significant harm")
        .doesNotContain("Vicky", "Sid Suspect");
    browser.follow("Request " + number);
    check("request-as-lead");
    assertThat(browser.mainText()).contains("Vicky Victim", "Share in part");
    browser.follow("Who looked at this request");
    check("looked-at-as-lead");
    assertThat(browser.mainText()).contains("Opened request " + number);

    // a copy of the search, asked for without saying why or which kind of file
    browser.open(base + "/log?decision=SHARE_IN_PART");
    submit("Download");
    check("log-copy-errors");
    assertThat(browser.title()).startsWith("Error: ");
    assertThat(errorSummary()).hasSize(2).contains("Select the kind of file: CSV, XLSX or PDF");
    eachErrorLinkFocusesItsField();
    assertThat(
            browser
                .driver()
                .findElement(By.xpath("//input[@name='format']/ancestor::fieldset"))
                .getDomAttribute("aria-describedby"))
        .isEqualTo("format-error");
    assertThat(new Select(browser.driver().findElement(By.id("decision"))).getFirstSelectedOption())
        .extracting(WebElement::getText)
        .isEqualTo("Share in part");
    browser.open(base + "/requests");
    check("requests-as-lead");

    // someone who did not sign in with two factors is told they must, and shown nothing
    browser.signOut();
    browser.signIn(fixtures.user(partnership, Role.STRATEGIC_LEAD), Fixtures.PASSWORD);
    browser.open(request);
    check("two-factor-needed");
    assertThat(browser.h1()).isEqualTo("Information sharing needs two-factor sign-in");
    assertThat(browser.mainText()).doesNotContain("Vicky", "Request " + number);
  }
}
