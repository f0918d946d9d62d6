package org.ccrhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.web.browser.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Journeys done with the keyboard alone, as someone who cannot use a mouse does them: keys go to
 * whatever has focus, and nothing is clicked. Checks the focus order, the skip link, and that forms
 * can be filled in and sent with Tab, typing, arrow keys and Enter.
 */
@CcrHubTest
class KeyboardBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;

  private Partnership partnership;
  private String admin;

  @BeforeEach
  void newPartnershipWithAnAdministrator() {
    browser.useServerOn(port);
    browser.signOut();
    partnership = fixtures.partnership();
    admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
  }

  @Test
  void signInPageTabsFromTheSkipLinkThroughTheFormToTheFooter() {
    browser.open("/sign-in");

    List<String> order = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      order.add(browser.describe(browser.tab()));
    }

    assertThat(order)
        .containsExactly(
            "a \"Skip to main content\"",
            "a \"CCR Hub\"",
            "input#email",
            "input#password",
            "button \"Sign in\"",
            "a \"Accessibility statement\"",
            "a \"Privacy notice\"");
  }

  @Test
  void signsInWithTheKeyboardAloneByWayOfTheSkipLink() {
    browser.open("/sign-in");

    WebElement skipLink = browser.tab();
    browser.screenshot("keyboard-sign-in-skip-link-focused");
    assertThat(skipLink.getText()).isEqualTo("Skip to main content");
    assertThat(skipLink.getDomAttribute("class")).contains("govuk-skip-link");
    WebElement main = browser.press(Keys.ENTER);
    assertThat(main.getTagName()).isEqualTo("main");
    assertThat(main.getDomAttribute("id")).isEqualTo("main-content");

    assertThat(browser.describe(browser.tab())).isEqualTo("input#email");
    browser.type(admin);
    assertThat(browser.describe(browser.tab())).isEqualTo("input#password");
    browser.type(Fixtures.PASSWORD);
    browser.pressForNewPage(Keys.ENTER);

    browser.screenshot("keyboard-signed-in");
    assertThat(browser.path()).isEqualTo("/p/" + partnership.slug());
    assertThat(browser.h1()).isEqualTo(partnership.name());
    assertThat(browser.driver().findElement(By.className("app-partnership-bar")).getText())
        .contains("Signed in as Test Partnership administrator");
  }

  @Test
  void changesPasswordWithTheKeyboardAloneFromTheNavigation() {
    String newPassword = "harbour kettle amber ninety";
    signInWithKeyboard(admin, Fixtures.PASSWORD);

    browser.tabTo("the Change password link", e -> e.getText().equals("Change password"));
    browser.pressForNewPage(Keys.ENTER);
    assertThat(browser.path()).isEqualTo("/account/password");
    assertThat(browser.h1()).isEqualTo("Change your password");

    browser.tabTo(
        "the current password field", e -> "currentPassword".equals(e.getDomAttribute("id")));
    browser.type(Fixtures.PASSWORD);
    assertThat(browser.describe(browser.tab())).isEqualTo("input#newPassword");
    browser.type(newPassword);
    assertThat(browser.describe(browser.tab())).isEqualTo("input#confirmPassword");
    browser.type(newPassword);
    browser.screenshot("keyboard-change-password-filled-in");
    browser.pressForNewPage(Keys.ENTER);

    browser.screenshot("keyboard-password-changed");
    assertThat(successBanner())
        .as("the success banner on %s", browser.path())
        .contains("Your password has been changed");

    browser.signOut();
    signInWithKeyboard(admin, newPassword);
    assertThat(browser.path()).isEqualTo("/p/" + partnership.slug());
  }

  @Test
  void addsAnAgencyWithTheKeyboardAlone() {
    String agency = "Keyboard Women's Aid " + partnership.slug();
    signInWithKeyboard(admin, Fixtures.PASSWORD);
    browser.tabTo("the Admin link", e -> e.getText().equals("Admin"));
    browser.pressForNewPage(Keys.ENTER);
    assertThat(browser.path()).isEqualTo("/p/" + partnership.slug() + "/admin");
    browser.tabTo("the Agencies link", e -> e.getText().equals("Agencies"));
    browser.pressForNewPage(Keys.ENTER);
    assertThat(browser.path()).isEqualTo("/p/" + partnership.slug() + "/admin/agencies");

    browser.tabTo("the add link", e -> e.getText().startsWith("Add"));
    browser.pressForNewPage(Keys.ENTER);
    assertThat(browser.h1()).isEqualTo("Add an agency");

    browser.tabTo("the name field", e -> "name".equals(e.getDomAttribute("id")));
    browser.type(agency);
    WebElement type = browser.tab();
    assertThat(browser.describe(type)).isEqualTo("select#type");
    browser.type("Voluntary"); // a closed select chooses the option whose text starts so
    assertThat(type.getDomProperty("value")).isEqualTo("VOLUNTARY_COMMUNITY");
    assertThat(browser.describe(browser.tab())).isEqualTo("button \"Save agency\"");
    browser.screenshot("keyboard-add-agency-filled-in");
    browser.pressForNewPage(Keys.ENTER);

    browser.screenshot("keyboard-agency-added");
    assertThat(browser.path()).isEqualTo("/p/" + partnership.slug() + "/admin/agencies");
    assertThat(successBanner()).contains(agency + " has been added");
    WebElement row =
        browser
            .driver()
            .findElement(By.xpath("//main//tr[th[normalize-space()=\"" + agency + "\"]]"));
    assertThat(row.findElement(By.tagName("td")).getText())
        .isEqualTo("Voluntary and community sector");
  }

  private String successBanner() {
    return browser
        .driver()
        .findElements(By.cssSelector(".govuk-notification-banner--success"))
        .stream()
        .map(WebElement::getText)
        .collect(Collectors.joining("\n"));
  }

  private void signInWithKeyboard(String email, String password) {
    browser.open("/sign-in");
    browser.tabTo("the email field", e -> "email".equals(e.getDomAttribute("id")));
    browser.type(email);
    browser.tab();
    browser.type(password);
    browser.pressForNewPage(Keys.ENTER);
    assertThat(browser.path()).startsWith("/p/");
  }
}
