package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccrhub.CcrHubTest;
import org.ccrhub.security.Role;
import org.ccrhub.web.browser.PageChecks;
import org.ccrhub.web.browser.Reflow;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The data protection lead adds a lawful basis of the partnership's own in a real browser (first
 * sending the form empty, then with a code CCR Hub ships, to see the errors and where their links
 * lead), and a police officer then finds it offered on the request form. Every page is checked by
 * axe and {@link PageChecks} at 1280 and at 320 pixels, and for reflow at 320 ({@link Reflow}).
 */
@CcrHubTest
class OwnListsBrowserTests extends SharingBrowserTests {

  private static final String LASSA = "Local Authority Social Services Act 1970 s7";

  OwnListsBrowserTests() {
    super("own-lists");
  }

  @Test
  void theLeadAddsALawfulBasisAndAnOfficerFindsItOnTheRequestForm() {
    String officer = member(Role.ACTION_LEAD, "PC Ann Smith", police);
    String dpl = member(Role.DATA_PROTECTION_LEAD, "Dana Lead", null);
    long protocol = protocol("Northbridge ISP");
    party(protocol, police, null);
    party(protocol, council, null);

    signIn(dpl);
    browser.open(base);
    browser.follow("Lawful bases");
    check("lawful-bases");
    assertThat(browser.h1()).isEqualTo("Lawful bases");
    assertThat(browser.mainText()).contains("Your partnership has not added any.");
    browser.follow("Add a lawful basis");
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
    browser.follow(LASSA);
    check("lawful-basis-edit");
    assertThat(browser.h1()).isEqualTo("Change " + LASSA);

    // the officer finds it offered, among the powers to share
    signIn(officer);
    browser.open(base + "/requests/new");
    check("request-form");
    WebElement box = basisBox(LASSA);
    assertThat(labelOf(box).getDomProperty("textContent").strip())
        .isEqualTo(LASSA + ": Social services functions of local authorities");
    assertThat(
            box.findElement(By.xpath("ancestor::details"))
                .findElement(By.tagName("summary"))
                .getText())
        .isEqualTo("Power to share");
    labelOf(box).click();
    assertThat(box.isSelected()).isTrue();
  }
}
