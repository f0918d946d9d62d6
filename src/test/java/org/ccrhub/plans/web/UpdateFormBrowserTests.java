package org.ccrhub.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccrhub.Fixtures.CLOCK;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.ccrhub.CcrHubApplication;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.TestNode;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.web.browser.Browser;
import org.ccrhub.web.browser.PageChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The update form and the timeout warning in a real browser, with axe on each state, against a
 * second CCR Hub node on the same database whose sessions time out after 30 seconds without a
 * request ({@code CCR_SESSION_TIMEOUT=30s}) and end 50 seconds after signing in: the warning opens
 * 15 seconds before the timeout.
 */
@CcrHubTest
class UpdateFormBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  private static final Duration IDLE = Duration.ofSeconds(30);
  private static final Duration LIFETIME = Duration.ofSeconds(50);
  private static ConfigurableApplicationContext node;

  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired Fixtures fixtures;
  @Autowired Accounts accounts;
  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired ActionProgress progress;
  @Autowired ReportingPeriods periods;

  private Partnership partnership;
  private String lead;
  private DeliveryPlan plan;
  private final List<String> problems = new ArrayList<>();

  @BeforeEach
  void aNodeWithShortSessionsAndALeadWithAnActionToUpdate() {
    if (node == null) {
      List<String> settings = TestNode.settings(environment, dataSource);
      settings.add("--server.servlet.session.timeout=" + IDLE.toSeconds() + "s");
      settings.add("--ccr.session.absolute-lifetime=" + LIFETIME.toSeconds() + "s");
      node =
          new SpringApplicationBuilder(CcrHubApplication.class)
              .run(settings.toArray(String[]::new));
    }
    browser.useServerOn(((WebServerApplicationContext) node).getWebServer().getPort());
    browser.signOut();
    partnership = fixtures.partnership();
    lead = fixtures.user(partnership, Role.ACTION_LEAD);
    long leadId =
        accounts.members(partnership.id()).stream()
            .filter(m -> m.email().equals(lead))
            .findFirst()
            .orElseThrow()
            .accountId();
    imports.run(
        partnership,
        new PlanImportRequest(
            "VAWG delivery plan",
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(ReportingPeriod.parse("2016/17 Q2")),
            Optional.empty(),
            PlanPagesIntegrationTests.PLAN_CSV.getBytes(StandardCharsets.UTF_8)));
    plan = plans.named(partnership, "VAWG delivery plan");
    progress.assignUpdaters(partnership, plan, progress.action(plan, "2.2"), Set.of(leadId));
    periods.open(
        partnership, plan, ReportingPeriod.parse("2016/17 Q3"), Optional.empty(), Optional.empty());
  }

  @AfterEach
  void noAccessibilityProblems() {
    assertThat(problems).isEmpty();
  }

  @AfterAll
  static void stopTheNode() {
    if (node != null) {
      node.close();
      node = null;
    }
  }

  @Test
  void theWarningLetsThePersonStaySignedInAndSaysWhenTheyWillBeSignedOutAnyway() {
    browser.signIn(lead, Fixtures.PASSWORD);
    long signedIn = System.nanoTime();
    String myActions = "/p/" + partnership.slug() + "/my-actions";
    browser.open(myActions);

    waitForTheWarning();
    assertThat(text("timeout-warning"))
        .contains("You’re about to be signed out")
        .containsPattern("For your security, we will sign you out in \\d+ seconds\\.")
        .contains("Stay signed in")
        .contains("Sign out");
    assertThat(browser.describe(browser.focused())).isEqualTo("button \"Stay signed in\"");
    assertThat(displayed("[data-continue]")).isFalse();
    check("timeout warning");
    browser.press(Keys.ENTER);
    waitUntil(() -> !warningOpen(), "the warning closes");

    // past the first timeout: still signed in, because staying touched the session
    sleepUntil(signedIn, IDLE.plusSeconds(3));
    browser.open(myActions);
    assertThat(browser.path()).isEqualTo(myActions);
    assertThat(browser.h1()).isEqualTo("My actions");

    // now the end of the session's lifetime comes first: staying cannot help
    waitForTheWarning();
    assertThat(text("timeout-warning"))
        .containsPattern("For your security you will be signed out at " + CLOCK + "\\.");
    assertThat(displayed("[data-stay]")).isFalse();
    assertThat(browser.describe(browser.focused())).isEqualTo("button \"Continue\"");
    check("timeout warning at the end of the session");
    browser.driver().findElement(By.cssSelector("#timeout-warning [data-continue]")).click();
    waitUntil(() -> !warningOpen(), "the warning closes");

    waitUntil(() -> browser.path().startsWith("/sign-in"), "the page goes to sign in");
    assertThat(browser.path()).isEqualTo("/sign-in?expired");
    assertThat(browser.mainText())
        .contains(
            "You have been signed out because you signed in a long time ago."
                + " Sign in again to continue.");
  }

  @Test
  void whatWasTypedBeforeTheTimeoutIsOfferedAsADraftAfterSigningInAgain() {
    String typed = "Directory drafted; the council's web team publishes it in January";
    String form =
        "/p/"
            + partnership.slug()
            + "/plans/"
            + plan.id()
            + "/actions/2.2/progress?period=2016/17%20Q3";
    browser.signIn(lead, Fixtures.PASSWORD);
    browser.open(form);
    choose("AMBER_GREEN");
    browser.driver().findElement(By.id("comment")).sendKeys(typed);
    waitUntil(() -> text("draft-status").matches("Draft saved at " + CLOCK), "the draft is saved");

    // the person walks away: the warning comes, then the sign-in page, saying why
    waitForTheWarning();
    waitUntil(() -> browser.path().startsWith("/sign-in"), "the page goes to sign in");
    assertThat(browser.path()).isEqualTo("/sign-in?timeout");
    assertThat(browser.mainText())
        .contains(
            "You were signed out because you had not done anything for 30 seconds."
                + " Sign in again to continue.");
    check("signed out after the timeout");

    browser.driver().findElement(By.id("email")).sendKeys(lead);
    browser.driver().findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    browser.submitWith(
        browser.driver().findElement(By.cssSelector("main form button[type=submit]")));
    assertThat(browser.path()).isEqualTo(form);
    assertThat(browser.mainText()).containsPattern("You have an unsaved draft from .* at .*\\.");
    assertThat(browser.driver().findElement(By.id("comment")).getDomProperty("value")).isEmpty();
    check("update form offering a draft");

    browser.submitWith(browser.driver().findElement(By.linkText("Use the draft")));
    assertThat(browser.driver().findElement(By.id("comment")).getDomProperty("value"))
        .isEqualTo(typed);
    assertThat(
            browser
                .driver()
                .findElement(By.cssSelector("input[name=rating][value=AMBER_GREEN]"))
                .isSelected())
        .isTrue();
    check("update form with the draft in it");
    browser.submitWith(browser.driver().findElement(By.xpath("//button[text()='Save update']")));

    assertThat(browser.mainText()).contains("Progress on 2.2 for 2016/17 Q3 has been saved");
    ProgressUpdate saved =
        plans
            .updatesIn(plan, ReportingPeriod.parse("2016/17 Q3"))
            .get(progress.action(plan, "2.2").id());
    assertThat(saved.comment()).isEqualTo(typed);
  }

  private void choose(String rating) {
    String id =
        browser
            .driver()
            .findElement(By.cssSelector("input[name=rating][value=" + rating + "]"))
            .getDomAttribute("id");
    browser.driver().findElement(By.cssSelector("label[for='" + id + "']")).click();
  }

  private boolean displayed(String selector) {
    return browser
        .driver()
        .findElement(By.cssSelector("#timeout-warning " + selector))
        .isDisplayed();
  }

  private boolean warningOpen() {
    return Boolean.TRUE.equals(
        browser.script(
            "const d = document.getElementById('timeout-warning'); return !!d && d.open;"));
  }

  private void waitForTheWarning() {
    waitUntil(this::warningOpen, "the timeout warning opens");
  }

  private String text(String id) {
    WebElement element = browser.driver().findElement(By.id(id));
    return element.getText().strip();
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .withMessage(what)
        .until(d -> condition.getAsBoolean());
  }

  private static void sleepUntil(long startNanos, Duration after) {
    long waitMillis = after.toMillis() - (System.nanoTime() - startNanos) / 1_000_000;
    if (waitMillis > 0) {
      try {
        Thread.sleep(waitMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void check(String name) {
    PageChecks.problems(browser, name).forEach(p -> problems.add(name + ": " + p));
  }
}
