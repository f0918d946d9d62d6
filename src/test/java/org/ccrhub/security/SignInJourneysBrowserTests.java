package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.shared.Partnership;
import org.ccrhub.web.browser.Browser;
import org.ccrhub.web.browser.PageChecks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In a real browser, with axe and {@link PageChecks} on every page: an administrator invites a new
 * person, who accepts and signs in; a person whose account someone tried to guess is told at their
 * next sign-in and unblocks it with their link.
 */
@CcrHubTest
class SignInJourneysBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired MockMvc mvc;

  private Partnership partnership;
  private String admin;
  private final List<String> problems = new ArrayList<>();

  @BeforeEach
  void aPartnershipWithAnAdministrator() {
    browser.useServerOn(port);
    browser.signOut();
    partnership = fixtures.partnership();
    admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
  }

  @AfterEach
  void noAccessibilityProblems() {
    assertThat(problems).isEmpty();
  }

  @Test
  void anInvitedPersonChoosesTheirPasswordAndSignsIn() {
    String email = "jo." + partnership.slug() + "@council.example";
    browser.signIn(admin, Fixtures.PASSWORD);
    browser.open("/p/" + partnership.slug() + "/admin/users/new");
    check("invite");
    browser.driver().findElement(By.id("email")).sendKeys(email);
    browser.driver().findElement(By.id("name")).sendKeys("Jo Bloggs");
    browser.driver().findElement(By.id("roles-ACTION_LEAD")).click();
    browser.submitWith(browser.driver().findElement(By.cssSelector("main form button")));
    check("invited");
    assertThat(browser.mainText())
        .contains("Invitation made for " + email)
        .contains(
            "The invitation was not sent by email (no mail server is set up, or it could not be"
                + " reached), so give this link to the person yourself")
        .contains("Jo Bloggs");
    String link =
        URI.create(browser.driver().findElement(By.id("invitation-link")).getText()).getPath();

    browser.signOut();
    browser.open(link);
    check("invitation");
    assertThat(browser.h1()).isEqualTo("Accept your invitation");
    assertThat(browser.mainText()).contains(partnership.name()).contains("Action lead");
    browser.driver().findElement(By.id("password")).sendKeys("short");
    browser.driver().findElement(By.id("confirmPassword")).sendKeys("short");
    browser.submitWith(
        browser.driver().findElement(By.xpath("//button[text()='Create my account']")));
    check("invitation-error");
    assertThat(browser.title())
        .isEqualTo("Error: Accept your invitation" + PageChecks.TITLE_SUFFIX);
    browser.driver().findElement(By.id("password")).sendKeys("lantern biscuit harbour");
    browser.driver().findElement(By.id("confirmPassword")).sendKeys("lantern biscuit harbour");
    browser.submitWith(
        browser.driver().findElement(By.xpath("//button[text()='Create my account']")));
    check("joined");
    assertThat(browser.mainText()).contains("Your account has been created");

    browser.signIn(email, "lantern biscuit harbour");
    assertThat(browser.path()).isEqualTo("/p/" + partnership.slug());
  }

  @Test
  void aPersonIsToldOfFailedAttemptsAtTheirNextSignInAndUnblocksTheirAccount() throws Exception {
    String email = fixtures.user(partnership, Role.VIEWER);
    String attacker = SignInIntegrationTests.anAddress();
    for (int i = 0; i < 7; i++) {
      mvc.perform(SignInIntegrationTests.signIn(email, "a wrong guess " + i, attacker));
    }
    browser.open("/sign-in?error&wait=1");
    check("sign-in-wait");

    browser.signIn(email, Fixtures.PASSWORD);
    check("sign-in-notice");
    assertThat(browser.h1()).isEqualTo("Failed attempts to sign in to your account");
    assertThat(browser.mainText())
        .contains("with a wrong password 5 times from 1 network address")
        .contains("A further 2 attempts were refused");
    browser.driver().findElement(By.id("unblock-link")).click();
    check("unblock");
    browser.submitWith(
        browser.driver().findElement(By.xpath("//button[text()='Unblock my account']")));
    check("unblocked");
    assertThat(browser.mainText()).contains("Your account is unblocked");

    mvc.perform(SignInIntegrationTests.signIn(email, Fixtures.PASSWORD, attacker))
        .andExpect(authenticated());
  }

  private void check(String name) {
    PageChecks.problems(browser, name).forEach(p -> problems.add(name + ": " + p));
  }
}
