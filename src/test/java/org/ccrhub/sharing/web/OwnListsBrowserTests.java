package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.security.Role;
import org.ccrhub.security.TwoFactorSessions;
import org.ccrhub.shared.Partnership;
import org.ccrhub.web.browser.Browser;
import org.ccrhub.web.browser.PageChecks;
import org.ccrhub.web.browser.Reflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data protection lead adds a lawful basis of the partnership's own in a real browser (first
 * sending the form empty, then with a code CCR Hub ships, to see the errors and where their links
 * lead), and a police officer then finds it offered on the request form. Every page is checked by
 * axe and {@link PageChecks} at 1280 and at 320 pixels, and for reflow at 320 ({@link Reflow}).
 */
@CcrHubTest
class OwnListsBrowserTests {

  private static final int WIDE = 1280;
  private static final String LASSA = "Local Authority Social Services Act 1970 s7";

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Agencies agencies;
  @Autowired TwoFactorSessions twoFactor;
  @Autowired JdbcClient jdbc;

  private final List<String> problems = new ArrayList<>();
  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
  private Partnership partnership;

  @Test
  void theLeadAddsALawfulBasisAndAnOfficerFindsItOnTheRequestForm() {
    browser.useServerOn(port);
    browser.signOut();
    browser.viewportWidth(WIDE);
    partnership = fixtures.partnership();
    String base = "/p/" + partnership.slug() + "/sharing";
    Agency police = agencies.create(partnership, "Northbridge Police", AgencyType.POLICE);
    Agency council =
        agencies.create(partnership, "Northbridge Council", AgencyType.LOCAL_AUTHORITY);
    String officer = member(Role.ACTION_LEAD, "PC Ann Smith", police);
    String dpl = member(Role.DATA_PROTECTION_LEAD, "Dana Lead", null);
    long protocol =
        jdbc.sql(
                "insert into sharing_protocol (partnership_id, title, in_force_from)"
                    + " values (:p, 'Northbridge ISP', :from) returning id")
            .param("p", partnership.id())
            .param("from", today.minusYears(1))
            .query(Long.class)
            .single();
    for (Agency agency : List.of(police, council)) {
      jdbc.sql(
              "insert into sharing_party (partnership_id, protocol_id, agency_id, party_from)"
                  + " values (:p, :protocol, :agency, :from)")
          .param("p", partnership.id())
          .param("protocol", protocol)
          .param("agency", agency.id())
          .param("from", today.minusYears(1))
          .update();
    }

    signIn(dpl);
    browser.open(base);
    browser.driver().findElement(By.linkText("Lawful bases")).click();
    check("lawful-bases");
    assertThat(browser.h1()).isEqualTo("Lawful bases");
    assertThat(browser.mainText()).contains("Your partnership has not added any.");
    browser.driver().findElement(By.linkText("Add a lawful basis")).click();
    check("lawful-basis-form");

    submit("Add lawful basis");
    check("lawful-basis-form-errors");
    assertThat(browser.title()).startsWith("Error: ");
    assertThat(errorSummary())
        .containsExactly("Select which part of the law it is", "Enter the code", "Enter the title");
    eachErrorLinkFocusesItsField();

    choose("kind", "POWER");
    type("code", "Crime and Disorder Act 1998 S115");
    type("title", "Social services functions of local authorities");
    submit("Add lawful basis");
    check("lawful-basis-form-clash");
    assertThat(errorSummary())
        .containsExactly(
            "Crime and Disorder Act 1998 S115 is already the lawful basis Crime and Disorder Act"
                + " 1998 s115, which CCR Hub ships: choose another code");
    assertThat(browser.driver().findElement(By.id("title")).getDomProperty("value"))
        .isEqualTo("Social services functions of local authorities");

    type("code", LASSA);
    type("aliases", "LASSA 1970 s7");
    submit("Add lawful basis");
    check("lawful-bases-with-own");
    assertThat(browser.mainText()).contains(LASSA + " added", "Also written LASSA 1970 s7");
    browser.driver().findElement(By.linkText(LASSA)).click();
    check("lawful-basis-edit");
    assertThat(browser.h1()).isEqualTo("Change " + LASSA);

    // the officer finds it offered, among the powers to share
    signIn(officer);
    browser.open(base + "/requests/new");
    check("request-form");
    WebElement box =
        browser.driver().findElements(By.cssSelector("input[type=checkbox][name=bases]")).stream()
            .filter(b -> labelOf(b).getDomProperty("textContent").strip().startsWith(LASSA + ":"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No lawful basis " + LASSA));
    assertThat(labelOf(box).getDomProperty("textContent").strip())
        .isEqualTo(LASSA + ": Social services functions of local authorities");
    assertThat(
            box.findElement(By.xpath("ancestor::details"))
                .findElement(By.tagName("summary"))
                .getText())
        .isEqualTo("Power to share");
    labelOf(box).click();
    assertThat(box.isSelected()).isTrue();

    assertThat(problems).as("accessibility problems").isEmpty();
  }

  private List<String> errorSummary() {
    return browser.driver().findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Clicks each link of the error summary in turn: focus must go to the field it names. */
  private void eachErrorLinkFocusesItsField() {
    int links =
        browser.driver().findElements(By.cssSelector(".govuk-error-summary__list a")).size();
    for (int i = 0; i < links; i++) {
      WebElement link =
          browser.driver().findElements(By.cssSelector(".govuk-error-summary__list a")).get(i);
      String target = link.getDomAttribute("href").substring(1);
      link.click();
      assertThat(browser.focused().getDomAttribute("id"))
          .as("focus after \"" + link.getText() + "\"")
          .isEqualTo(target);
    }
  }

  private void choose(String name, String value) {
    WebElement radio =
        browser
            .driver()
            .findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    labelOf(radio).click();
    assertThat(radio.isSelected()).isTrue();
  }

  private void type(String id, String text) {
    WebElement field = browser.driver().findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private WebElement labelOf(WebElement input) {
    return browser
        .driver()
        .findElement(By.cssSelector("label[for='" + input.getDomAttribute("id") + "']"));
  }

  private void submit(String button) {
    browser.submitWith(
        browser
            .driver()
            .findElement(By.xpath("//main//button[normalize-space()='" + button + "']")));
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

  /** axe and the page checks at 1280 pixels and at 320, and reflow at 320. */
  private void check(String name) {
    for (int at : List.of(WIDE, Reflow.WIDTH)) {
      browser.viewportWidth(at);
      browser.screenshot("own-lists-" + name + "-" + at);
      PageChecks.problems(browser, "own-lists-" + name + "-" + at).stream()
          // as in SharingJourneysBrowserTests: the summary loses focus when axe opens a window
          .filter(p -> at == WIDE || !p.equals("the error summary does not have focus"))
          .forEach(p -> problems.add(name + " at " + at + " (" + browser.path() + "): " + p));
    }
    Reflow.problems(browser, "own-lists-" + name)
        .forEach(p -> problems.add(name + " reflow (" + browser.path() + "): " + p));
    browser.viewportWidth(WIDE);
  }

  private String member(Role role, String name, Agency agency) {
    String email = fixtures.user(partnership, role);
    long person =
        jdbc.sql(
                "insert into person (partnership_id, name, agency_id) values (:p, :name, :agency)"
                    + " returning id")
            .param("p", partnership.id())
            .param("name", name)
            .param("agency", agency == null ? null : agency.id())
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
}
