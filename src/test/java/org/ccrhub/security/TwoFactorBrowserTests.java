package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.encoders.Base32;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.shared.Partnership;
import org.ccrhub.web.browser.Browser;
import org.ccrhub.web.browser.PageChecks;
import org.ccrhub.web.browser.Reflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser, with axe and {@link PageChecks} on every page and each page also at 320 CSS
 * pixels ({@link Reflow}): a person sets up two-factor sign-in from the link in the account bar,
 * signs out, and signs in with the password and then a code, after a wrong one; and with a recovery
 * code.
 */
@CcrHubTest
class TwoFactorBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  private final Totp totp = new Totp();
  private final List<String> problems = new ArrayList<>();
  private Partnership partnership;

  @BeforeEach
  void signedOut() {
    browser.useServerOn(port);
    browser.signOut();
    partnership = fixtures.partnership();
  }

  @AfterEach
  void noAccessibilityProblems() {
    assertThat(problems).isEmpty();
  }

  @Test
  void setsItUpThenSignsInWithTheCodeOrARecoveryCode() {
    String email = fixtures.user(partnership, Role.ACTION_LEAD);
    browser.signIn(email, Fixtures.PASSWORD);
    browser.driver().findElement(By.linkText("Two-factor sign-in")).click();
    check("two-factor-set-up");
    assertThat(browser.h1()).isEqualTo("Set up two-factor sign-in");
    assertThat(browser.driver().findElement(By.cssSelector("svg.app-qr-code")).getSize().getWidth())
        .isBetween(150, 240);
    String key = browser.driver().findElement(By.cssSelector(".app-secret-key code")).getText();
    TotpSecret secret = TotpSecret.of(Base32.decode(key.replace(" ", "")));

    turnOn("");
    check("two-factor-set-up-error");
    turnOn(totp.codeAt(secret, Instant.now()));
    check("two-factor-recovery-codes");
    assertThat(browser.mainText())
        .contains("Two-factor sign-in is on")
        .contains("Keep these codes safe");
    List<String> recoveryCodes =
        browser.driver().findElements(By.cssSelector(".app-recovery-codes code")).stream()
            .map(e -> e.getText())
            .toList();
    assertThat(recoveryCodes).hasSize(10);
    browser.driver().findElement(By.linkText("I have kept my recovery codes")).click();
    browser.driver().findElement(By.linkText("Two-factor sign-in")).click();
    check("two-factor");

    browser.signOut();
    browser.signIn(email, Fixtures.PASSWORD);
    check("sign-in-code");
    assertThat(browser.path()).isEqualTo("/sign-in/code");
    assertThat(browser.h1()).isEqualTo("Enter the 6-digit code from your authenticator app");
    var input = browser.driver().findElement(By.id("code"));
    assertThat(input.getDomAttribute("autocomplete")).isEqualTo("one-time-code");
    assertThat(input.getDomAttribute("inputmode")).isEqualTo("numeric");
    enterCode(totp.code(secret, Totp.stepAt(Instant.now()) + 7));
    check("sign-in-code-error");
    assertThat(browser.title()).startsWith("Error: ");
    enterCode(freshCode(email, secret));
    assertThat(browser.path()).isEqualTo("/p/" + partnership.slug());

    browser.signOut();
    browser.signIn(email, Fixtures.PASSWORD);
    browser.driver().findElement(By.linkText("sign in with a recovery code")).click();
    check("sign-in-recovery-code");
    browser.driver().findElement(By.id("code")).sendKeys(recoveryCodes.get(0));
    browser.submitWith(browser.driver().findElement(By.cssSelector("main form button")));
    assertThat(browser.path()).isEqualTo("/p/" + partnership.slug());
    assertThat(browser.mainText())
        .contains("You signed in with a recovery code. You have 9 recovery codes left.");
  }

  private void turnOn(String code) {
    var password = browser.driver().findElement(By.id("password"));
    password.clear();
    password.sendKeys(Fixtures.PASSWORD);
    var input = browser.driver().findElement(By.id("code"));
    input.clear();
    input.sendKeys(code);
    browser.submitWith(
        browser.driver().findElement(By.xpath("//button[text()='Turn on two-factor sign-in']")));
  }

  private void enterCode(String code) {
    var input = browser.driver().findElement(By.id("code"));
    input.clear();
    input.sendKeys(code);
    browser.submitWith(browser.driver().findElement(By.xpath("//button[text()='Continue']")));
  }

  /** The app's code now, as if the last one accepted was a minute ago. */
  private String freshCode(String email, TotpSecret secret) {
    Instant now = Instant.now();
    jdbc.sql(
            "update two_factor set last_used_step = :step"
                + " where account_id = (select id from user_account where email = :email)")
        .param("step", Totp.stepAt(now) - 2)
        .param("email", email)
        .update();
    return totp.codeAt(secret, now);
  }

  private void check(String name) {
    PageChecks.problems(browser, name).forEach(p -> problems.add(name + ": " + p));
    int width = ((Number) browser.script("return window.innerWidth")).intValue();
    browser.viewportWidth(Reflow.WIDTH);
    Reflow.problems(browser, name + "-320").forEach(p -> problems.add(name + " at 320: " + p));
    browser.viewportWidth(width);
  }
}
