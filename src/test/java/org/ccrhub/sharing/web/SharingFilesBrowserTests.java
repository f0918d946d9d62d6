package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ccrhub.CcrHubTest;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Files in a real browser, each person signing in with a password and a code: a police officer asks
 * the council for information under a protocol that lets files be given with decisions, kept for 14
 * days; the council's SPOC decides to share and adds a file to the decision, first sending the form
 * without one; a partnership administrator imports an old decision log, which creates an agency,
 * and sees what a file with problems gets. Every page is checked with axe and {@link
 * org.ccrhub.web.browser.PageChecks} at 1280 and at 320 pixels, and for reflow at 320; full-page
 * screenshots are left in {@code target/screenshots/full}.
 */
@CcrHubTest
class SharingFilesBrowserTests extends SharingBrowserTests {

  private static final String LOG =
      SharingPageTests.HEADER
          + "2016-05-23,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,victim,"
          + "Risk assessment,no,,given,UK GDPR 6(1)(e),2016-05-26,share,,yes,,J Brown,"
          + "Contact details,secure email\r\n"
          + "2016-05-24,Riverside Refuge,Dee White,Northbridge Police,Northbridge ISP,victim,"
          + "Safety planning,yes,,given,UK GDPR 6(1)(e),,,,,,,,\r\n";

  @TempDir Path dir;

  private String officer;
  private String spoc;
  private String admin;

  SharingFilesBrowserTests() {
    super("files");
  }

  @BeforeEach
  void aProtocolThatKeepsFilesForFourteenDays() {
    officer = member(Role.ACTION_LEAD, "PC Ann Smith", police);
    spoc = member(Role.ANALYST, "Sam Spoc", council);
    admin = member(Role.PARTNERSHIP_ADMIN, "Ada Admin", null);
    long protocol = protocol("Northbridge ISP");
    jdbc.sql(
            "update sharing_protocol set attachments_allowed = true,"
                + " attachment_retention_days = 14 where id = :id")
        .param("id", protocol)
        .update();
    party(protocol, police, null);
    party(protocol, council, personOf(spoc));
  }

  @Test
  void theSpocAddsAFileToTheDecision() throws IOException {
    // the officer asks the council about a victim who consented
    signIn(officer);
    browser.open(base + "/requests/new");
    new Select(browser.driver().findElement(By.id("askedAgency")))
        .selectByVisibleText("Northbridge Council");
    new Select(browser.driver().findElement(By.id("protocol")))
        .selectByVisibleText("Northbridge ISP");
    type("informationSought", "Any record of domestic abuse at the address");
    type("purpose", "Risk assessment before the MARAC");
    tick("categories", "Personal information");
    tickBasis("UK GDPR 6(1)(e)");
    choose("urgent", "no");
    new Select(browser.driver().findElement(By.id("subjects[0]-role")))
        .selectByVisibleText("Victim");
    type("subjects[0]-name", "Vicky Victim");
    choose("subjects[0].consent", "GIVEN");
    submit("Send the request");
    assertThat(browser.path()).matches(".*/sharing/requests/\\d+");
    String request = browser.path();

    // the council's SPOC decides to share
    signIn(spoc);
    browser.open(request);
    browser.follow("Record the decision");
    check("decision-form");
    choose("outcome", "SHARE");
    choose("subjectTold", "yes");
    tick("informationTypes", "Police incidents");
    choose("method", "SECURE_EMAIL");
    typeDate("suppliedOn", today);
    submit("Record the decision");
    assertThat(browser.path()).isEqualTo(request);
    check("request-shared");
    assertThat(browser.mainText())
        .contains("Decision recorded as entry", "Share on " + Dates.date(today))
        .contains("Files given with the decision");

    // then gives a file with it, first sending the form without one
    browser.follow("Add a file to the decision");
    assertThat(browser.path()).isEqualTo(request + "/files/new");
    check("file-form");
    assertThat(browser.h1()).isEqualTo("Add a file to the decision");
    assertThat(browser.mainText()).contains("It is kept for 14 days");
    submit("Add the file");
    check("file-form-errors");
    assertThat(browser.title()).startsWith("Error: ");
    assertThat(errorSummary()).containsExactly("Select a file");
    eachErrorLinkFocusesItsField();

    Path file = dir.resolve("incidents for Vicky.txt");
    Files.writeString(file, "Incident log 2026: three call-outs", StandardCharsets.UTF_8);
    browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    submit("Add the file");
    assertThat(browser.path()).isEqualTo(request);
    assertThat(browser.driver().getCurrentUrl()).endsWith("#files");
    check("request-with-file");
    assertThat(
            browser
                .driver()
                .findElement(By.cssSelector("main .govuk-notification-banner--success"))
                .getText())
        .contains("added to the decision");
    WebElement files =
        browser.driver().findElement(By.xpath("//main//h2[@id='files']/following-sibling::table"));
    assertThat(files.getText())
        .contains("incidents for Vicky.txt", "OFFICIAL-SENSITIVE", "Sam Spoc")
        .contains("Until " + Dates.date(today.plusDays(13)));
    assertThat(files.findElement(By.linkText("incidents for Vicky.txt")).getDomAttribute("href"))
        .matches(".*/sharing/requests/\\d+/files/\\d+");
  }

  @Test
  void anAdministratorImportsADecisionLogThatCreatesAnAgency() throws IOException {
    signIn(admin);
    browser.follow("Sharing");
    browser.follow("Import a decision log");
    assertThat(browser.path()).isEqualTo(base + "/import");
    check("import-form");
    assertThat(browser.h1()).isEqualTo("Import a decision log");

    submit("Check the file");
    check("import-form-errors");
    assertThat(browser.title()).startsWith("Error: ");
    assertThat(errorSummary()).containsExactly("Select a CSV, XLSX or ODS file to import");
    eachErrorLinkFocusesItsField();

    upload("old log.csv", LOG);
    check("import-check");
    assertThat(browser.h1()).isEqualTo("Check the import");
    assertThat(browser.mainText())
        .contains("old log.csv")
        .contains("Import 2 requests (numbers 1 to 2): 1 decided, 1 still open")
        .contains("Agency created (type Other, correct it on the Agencies page): Riverside Refuge");
    submit("Import the log");
    assertThat(browser.path()).isEqualTo(base + "/import");
    check("imported");
    WebElement banner =
        browser.driver().findElement(By.cssSelector("main .govuk-notification-banner--success"));
    assertThat(banner.getText())
        .contains("Success", "Imported old log.csv. Imported 2 requests", "Riverside Refuge");
    assertThat(
            jdbc.sql("select count(*) from sharing_request where partnership_id = :p")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isEqualTo(2);

    // a file with problems: every one listed by row and column, and nothing imported
    browser.open(base + "/import");
    upload(
        "bad log.csv",
        SharingPageTests.HEADER
            + "2016-05-32,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,"
            + "victim,Risk,maybe,,given,Made Up Act 2099,,,,,,,,\r\n");
    check("import-problems");
    assertThat(browser.h1()).isEqualTo("The file cannot be imported");
    assertThat(browser.mainText()).contains("Nothing has been imported");
    WebElement problems =
        browser.driver().findElement(By.cssSelector("main [aria-labelledby=problems] table"));
    assertThat(problems.getText())
        .contains("request_date", "2016-05-32", "urgent", "maybe")
        .contains("lawful_basis", "Made Up Act 2099");
    assertThat(
            browser
                .driver()
                .findElements(By.xpath("//main//button[normalize-space()='Import the log']")))
        .isEmpty();
    browser.driver().findElement(By.linkText("See every problem, by row")).click();
    assertThat(browser.driver().getCurrentUrl()).endsWith("#problems");
  }

  /** Chooses the file on the import page and checks it. */
  private void upload(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    submit("Check the file");
  }
}
