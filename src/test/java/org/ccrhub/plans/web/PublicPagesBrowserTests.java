package org.ccrhub.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.PublicText;
import org.ccrhub.plans.PublicTexts;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.web.browser.Browser;
import org.ccrhub.web.browser.PageChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public plan pages, the preview before publishing and the public texts page in a real browser,
 * on a desktop screen and at 320 CSS pixels wide: axe and {@link PageChecks} find nothing, and at
 * 320 pixels nothing makes the page scroll sideways.
 */
@CcrHubTest
class PublicPagesBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  static final ReportingPeriod Q2 = ReportingPeriod.parse("2016/17 Q2");

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired ReportingPeriods periods;
  @Autowired ActionProgress progress;
  @Autowired PublicTexts publicTexts;
  @Autowired Accounts accounts;

  /**
   * What sticks out past the right edge of the window (up to three elements, then the page's width
   * if it is wider than the window), leaving out what is hidden off screen on purpose (the visually
   * hidden text and a stacked table's hidden header) and what scrolls inside its own box.
   */
  private static final String OVERFLOW =
      """
      const offScreen = e => {
        for (let n = e; n; n = n.parentElement) {
          const s = getComputedStyle(n);
          if (s.position === 'absolute' || s.position === 'fixed' || s.clipPath !== 'none') {
            return true;
          }
        }
        return false;
      };
      return [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
        .filter(e => !e.closest('.app-table-scroll') && !offScreen(e))
        .slice(0, 3)
        .map(e => e.tagName + ' "' + e.textContent.trim().substring(0, 40) + '" to '
          + Math.round(e.getBoundingClientRect().right) + ' px')
        .concat(document.documentElement.scrollWidth > window.innerWidth
          ? ['the page, ' + document.documentElement.scrollWidth + ' px wide'] : []);
      """;

  private final Map<String, List<String>> problems = new LinkedHashMap<>();

  @BeforeEach
  void useTheServer() {
    browser.useServerOn(port);
    browser.signOut();
  }

  @Test
  void publicPagesThePreviewAndTheApprovalPageMeetWcag22AaAndFit320Pixels() {
    Partnership partnership = fixtures.partnership();
    String strategicEmail = fixtures.user(partnership, Role.STRATEGIC_LEAD);
    Member strategic =
        accounts.members(partnership.id()).stream()
            .filter(m -> m.email().equals(strategicEmail))
            .findFirst()
            .orElseThrow();
    DeliveryPlan published = importPlan(partnership, "Westshire VAWG delivery plan 2016 to 2017");
    DeliveryPlan draft = importPlan(partnership, "Safe accommodation plan");
    periods.open(partnership, published, Q2, Optional.empty(), Optional.empty());
    var action = progress.action(published, "1.1");
    publicTexts.write(
        partnership,
        published,
        action,
        Q2,
        "A campaign ran in 12 secondary schools; details at"
            + " https://www.westshire.example/community-safety/violence-against-women-and-girls",
        "Sam Jones");
    PublicText written = publicTexts.of(action, Q2).orElseThrow();
    publicTexts.review(
        partnership,
        published,
        Map.of(action.id(), action),
        Q2,
        List.of(new PublicTexts.Review(action.id(), written.text(), written.version())),
        Set.of(action.id()),
        new ActionProgress.Reporter(
            strategic.accountId(), strategic.displayName(), Set.of(Role.STRATEGIC_LEAD)));
    publicTexts.write(
        partnership,
        published,
        progress.action(published, "1.2"),
        Q2,
        "GP practices are being trained.",
        "Sam Jones");
    plans.publish(partnership, published.id(), true);

    String slug = partnership.slug();
    String base = "/p/" + slug + "/plans/";
    List<String> publicPages =
        List.of("/public/" + slug + "/plans", "/public/" + slug + "/plans/" + published.id());
    for (String page : publicPages) {
      check(page);
    }
    browser.signIn(strategicEmail, Fixtures.PASSWORD);
    List<String> signedIn =
        List.of(
            base + draft.id() + "/publish",
            base + published.id() + "/public-texts?period=2016/17%20Q2",
            base + published.id() + "/public-texts?period=2016/17%20Q2&show=waiting");
    for (String page : signedIn) {
      check(page);
    }
    // signed in, the public pages still have no navigation
    for (String page : publicPages) {
      check(page);
      assertThat(browser.driver().getPageSource()).doesNotContain("Sign out");
    }

    assertThat(problems)
        .withFailMessage(
            () ->
                problems.entrySet().stream()
                    .map(p -> p.getKey() + "\n    on " + String.join("\n       ", p.getValue()))
                    .collect(Collectors.joining("\n\n")))
        .isEmpty();
  }

  /** Checks the page on a desktop screen, then at 320 CSS pixels wide. */
  private void check(String path) {
    browser.open(path);
    String name = "public-" + path.replaceAll("[^a-z0-9]+", "-");
    PageChecks.problems(browser, name)
        .forEach(p -> problems.computeIfAbsent(p, k -> new ArrayList<>()).add(path));
    browser
        .driver()
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", 320, "height", 640, "deviceScaleFactor", 1, "mobile", false));
    try {
      browser.open(path);
      PageChecks.problems(browser, name + "-320")
          .forEach(p -> problems.computeIfAbsent(p, k -> new ArrayList<>()).add(path + " at 320"));
      Object overflow = browser.script(OVERFLOW);
      if (!((List<?>) overflow).isEmpty()) {
        problems
            .computeIfAbsent("scrolls sideways at 320 px: " + overflow, k -> new ArrayList<>())
            .add(path);
      }
    } finally {
      browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  private DeliveryPlan importPlan(Partnership partnership, String name) {
    imports.run(
        partnership,
        new PlanImportRequest(
            name,
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(Q2),
            Optional.empty(),
            PlanPagesIntegrationTests.PLAN_CSV.getBytes(StandardCharsets.UTF_8)));
    return plans.named(partnership, name);
  }
}
