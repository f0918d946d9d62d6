package org.ccrhub.web.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every page of CCR Hub must get right, checked on the page the browser shows: axe finds no
 * serious or critical WCAG 2.2 AA violation; there is one {@code h1}; the title ends with " – CCR
 * Hub"; the skip link is the first thing Tab reaches and leads to the main content; GOV.UK styles,
 * fonts and scripts loaded under the Content-Security-Policy; nothing technical leaks out; and an
 * error summary has focus, a title starting "Error: " and links that lead to fields. Each check
 * also saves a screenshot.
 */
public final class PageChecks {

  public static final String TITLE_SUFFIX = " – CCR Hub";

  /**
   * Signs of an exception shown to a user. "Exception" on its own counts too, except in "exception
   * report", which is a CCR Hub report of actions rated amber or red.
   */
  private static final Pattern TECHNICAL =
      Pattern.compile(
          "Whitelabel|\\b\\w*Exception\\b(?!\\s+reports?\\b)|Caused by:|[Ss]tack ?trace"
              + "|\\bat [\\w$]+(?:\\.[\\w$<>]+)+\\((?:[\\w$]+\\.java:\\d+|Native Method|Unknown Source)\\)");

  private static final String FACTS =
      """
      const callback = arguments[arguments.length - 1];
      const tabbable = [...document.querySelectorAll(
          'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]')]
        .filter(e => !e.disabled && e.tabIndex >= 0 && e.type !== 'hidden' && !e.closest('[inert]')
          && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
      const first = tabbable[0];
      const h1s = [...document.querySelectorAll('h1')];
      const summary = document.querySelector('.govuk-error-summary');
      const summaryLinks = summary ? [...summary.querySelectorAll('.govuk-error-summary__list a')] : [];
      document.fonts.ready.then(() => callback({
        firstTabbable: first ? first.outerHTML.substring(0, 160) : 'nothing',
        firstIsSkipLink: !!first && first.matches('a.govuk-skip-link[href="#main-content"]'),
        mainContent: document.querySelectorAll('main#main-content').length === 1,
        positiveTabindex: tabbable.filter(e => e.tabIndex > 0).map(e => e.outerHTML.substring(0, 120)),
        h1Count: h1s.length,
        text: document.body.innerText,
        errorSummary: !!summary,
        errorSummaryHasFocus: !!summary && summary.contains(document.activeElement),
        errorSummaryLinks: summaryLinks.length,
        brokenErrorLinks: summaryLinks.map(a => a.getAttribute('href'))
          .filter(h => !h || !h.startsWith('#') || !document.getElementById(decodeURIComponent(h.substring(1)))),
        styled: [...document.querySelectorAll('.govuk-footer')]
          .some(f => getComputedStyle(f).fontFamily.includes('GDS Transport')),
        scripted: document.body.classList.contains('govuk-frontend-supported'),
        fonts: [...document.fonts].filter(f => f.family.includes('GDS Transport')).map(f => f.status),
        contentType: document.contentType
      }));
      """;

  private PageChecks() {}

  /**
   * Every problem with the page shown, which is also saved as the screenshot {@code name}. The
   * problems do not name the page, so that one on many pages can be reported once.
   */
  public static List<String> problems(Browser browser, String name) {
    browser.screenshot(name);
    List<String> problems = new ArrayList<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) browser.driver().executeAsyncScript(FACTS);
    if (!"text/html".equals(facts.get("contentType"))) {
      return List.of("is " + facts.get("contentType") + ", not an HTML page");
    }
    for (String violation : Axe.violations(browser.driver())) {
      problems.add("axe: " + violation);
    }
    if (((Number) facts.get("h1Count")).intValue() != 1) {
      problems.add("has " + facts.get("h1Count") + " h1 headings, not exactly one");
    }
    String title = browser.title();
    if (!title.endsWith(TITLE_SUFFIX) || title.equals(TITLE_SUFFIX.strip())) {
      problems.add("title \"" + title + "\" does not end with \"" + TITLE_SUFFIX + "\"");
    }
    if (!(Boolean) facts.get("firstIsSkipLink")) {
      problems.add(
          "the first element Tab reaches is " + facts.get("firstTabbable") + ", not the skip link");
    }
    if (!(Boolean) facts.get("mainContent")) {
      problems.add("the skip link has no main#main-content to go to");
    }
    if (!((List<?>) facts.get("positiveTabindex")).isEmpty()) {
      problems.add("a positive tabindex changes the focus order: " + facts.get("positiveTabindex"));
    }
    Matcher technical = TECHNICAL.matcher((String) facts.get("text"));
    if (technical.find()) {
      problems.add("shows technical details to the user: \"" + technical.group() + "\"");
    }
    if (!(Boolean) facts.get("styled")) {
      problems.add(
          "is not styled by GOV.UK Frontend (footer not in GDS Transport): CSS blocked or not found?");
    }
    List<?> fonts = (List<?>) facts.get("fonts");
    if (fonts.contains("error") || !fonts.contains("loaded")) {
      problems.add("the GDS Transport fonts did not load: " + fonts);
    }
    if (!(Boolean) facts.get("scripted")) {
      problems.add("GOV.UK Frontend scripts did not run (body lacks govuk-frontend-supported)");
    }
    if ((Boolean) facts.get("errorSummary")) {
      if (!title.startsWith("Error: ")) {
        problems.add(
            "shows an error summary but the title \""
                + title
                + "\" does not start with \"Error: \"");
      }
      if (!(Boolean) facts.get("errorSummaryHasFocus")) {
        problems.add("the error summary does not have focus");
      }
      if (((Number) facts.get("errorSummaryLinks")).intValue() == 0) {
        problems.add("the error summary lists no errors");
      }
      if (!((List<?>) facts.get("brokenErrorLinks")).isEmpty()) {
        problems.add("error summary links lead nowhere: " + facts.get("brokenErrorLinks"));
      }
    }
    String page = browser.driver().getCurrentUrl();
    for (String error : browser.consoleErrors()) {
      // The error pages' own status (404, 403) is reported as a failed load; it is meant.
      if (!(error.startsWith(page + " - Failed to load resource") && isErrorPage(browser))) {
        // "<page address> <line> <message>": the message is the same on every page
        String message =
            error.startsWith(page + " ")
                ? error.substring(page.length()).replaceFirst("^ [-\\d: ]*", "")
                : error;
        problems.add("browser console: " + message);
      }
    }
    return problems;
  }

  /** Whether this is the application's error page ({@code error.html}), which gives a reference. */
  public static boolean isErrorPage(Browser browser) {
    return browser.driver().getPageSource().contains("quote reference");
  }
}
