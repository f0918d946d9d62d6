package org.ccrhub.web.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core on the page in the browser against WCAG 2.2 A and AA.
 *
 * <p>axe is put into the page with WebDriver's execute-script, which Chromium runs through the
 * DevTools protocol: the page's Content-Security-Policy ({@code script-src 'self'}, no {@code
 * unsafe-inline} or {@code unsafe-eval}) governs the page's own scripts, not those, and axe-core 4
 * needs no eval. {@code AccessibilityBrowserTests} proves it on every page: axe reports the rules
 * it passed, which it could not do had it been blocked. So there is no need to switch the CSP off
 * with {@code Page.setBypassCSP}, and the pages are tested under the policy users get.
 */
public final class Axe {

  private static final List<String> WCAG_22_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
  private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

  private Axe() {}

  /**
   * The serious and critical WCAG violations on the page shown, one readable entry each with the
   * rule, what to do and where; minor and moderate ones are printed only.
   */
  public static List<String> violations(WebDriver driver) {
    Results results = analyze(driver);
    if (results.isErrored()) {
      return List.of("axe could not run: " + results.getErrorMessage());
    }
    if (results.getPasses() == null || results.getPasses().isEmpty()) {
      return List.of("axe ran no checks at all: was it blocked?");
    }
    results.getViolations().stream()
        .filter(rule -> !FAILING_IMPACTS.contains(rule.getImpact()))
        .forEach(
            rule ->
                System.out.println(
                    "axe (not failing) on " + driver.getCurrentUrl() + ": " + describe(rule)));
    return results.getViolations().stream()
        .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
        .map(Axe::describe)
        .toList();
  }

  /**
   * axe opens about:blank for a moment, allowing it one second; on a busy machine Chromium can take
   * longer, which is no fault of the page: then it is tried again, once.
   */
  private static Results analyze(WebDriver driver) {
    String page = driver.getWindowHandle();
    try {
      return new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
    } catch (RuntimeException busy) {
      if (!String.valueOf(busy.getMessage()).contains("switchToWindow failed")) {
        throw busy;
      }
      // back to the page, without the blank tab axe left open
      for (String window : driver.getWindowHandles()) {
        if (!window.equals(page)) {
          driver.switchTo().window(window).close();
        }
      }
      driver.switchTo().window(page);
      driver.manage().timeouts().pageLoadTimeout(java.time.Duration.ofSeconds(30));
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw busy;
      }
      return new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
    }
  }

  private static String describe(Rule rule) {
    return rule.getId()
        + " ("
        + rule.getImpact()
        + "): "
        + rule.getHelp()
        + " "
        + rule.getHelpUrl()
        + rule.getNodes().stream().map(Axe::describe).collect(Collectors.joining("", "", ""));
  }

  private static String describe(CheckedNode node) {
    String summary = node.getFailureSummary() == null ? "" : node.getFailureSummary();
    return "\n    - "
        + node.getTarget()
        + "  "
        + node.getHtml()
        + (summary.isEmpty() ? "" : "\n      " + summary.replace("\n", "\n      "));
  }
}
