package org.ccrhub.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.Polarity;
import org.ccrhub.indicators.Unit;
import org.ccrhub.indicators.ValueEntry;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.web.browser.Browser;
import org.ccrhub.web.browser.PageChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The performance table in a real browser: on a desktop a long indicator name wraps and the figures
 * keep to one line; at 320 CSS pixels each indicator stacks, its figures labelled, and the page
 * does not scroll sideways. Checked by axe too.
 */
@CcrHubTest
class PerformanceTableBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  private static final YearMonth DEC_2016 = YearMonth.of(2016, 12);

  /** What the page's layout is: widths, and how the first body row's cells are laid out. */
  private static final String LAYOUT =
      """
      const table = document.querySelector('table.app-performance');
      const row = table.querySelector('tbody tr');
      const name = row.querySelector('.app-performance__name');
      const change = row.querySelector('.app-change__headline');
      const lineHeight = parseFloat(getComputedStyle(name).lineHeight);
      const figure = row.querySelector('td.app-figure');
      return {
        pageWidth: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        nameLines: Math.round(name.querySelector('a').getBoundingClientRect().height / lineHeight),
        changeLines: change.getClientRects().length,
        figureDisplay: getComputedStyle(figure).display,
        figureLabel: getComputedStyle(figure, '::before').content,
        figureWhiteSpace: getComputedStyle(figure).whiteSpace
      };
      """;

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Indicators indicators;

  @Test
  void namesWrapFiguresDoNotAndAt320PixelsTheRowsStack() {
    browser.useServerOn(port);
    browser.signOut();
    Partnership partnership = fixtures.partnership();
    String analyst = fixtures.user(partnership, Role.ANALYST);
    Indicator rate =
        save(
            partnership,
            "1.1",
            "Repeat cases heard at the multi-agency risk assessment conference within twelve"
                + " months of an earlier hearing",
            Unit.PERCENTAGE);
    Indicator count = save(partnership, "1.2", "Domestic abuse offences", Unit.COUNT);
    List<ValueEntry> values = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      IndicatorPeriod month = IndicatorPeriod.month(DEC_2016.minusMonths(23 - i));
      values.add(
          new ValueEntry(
              rate.id(),
              "",
              month,
              null,
              BigDecimal.valueOf(i < 12 ? 311 : 306),
              BigDecimal.valueOf(1000)));
      values.add(
          new ValueEntry(
              count.id(), "", month, BigDecimal.valueOf(i < 12 ? 1000 : 930), null, null));
    }
    indicators.record(partnership, values, "Seeder");

    browser.signIn(analyst, Fixtures.PASSWORD);
    String page = "/p/" + partnership.slug() + "/indicators/performance?to=2016-12";
    List<String> problems = new ArrayList<>();

    browser.driver().manage().window().setSize(new Dimension(1280, 900));
    browser.open(page);
    problems.addAll(PageChecks.problems(browser, "performance-table-1280"));
    Map<String, Object> wide = layout();
    assertThat(((Number) wide.get("nameLines")).intValue()).as("the name wraps").isGreaterThan(1);
    assertThat(((Number) wide.get("changeLines")).intValue()).as("-0.5 points on one line").isOne();
    assertThat(wide.get("figureWhiteSpace")).isEqualTo("nowrap");
    assertThat(browser.mainText()).contains("-0.5 points").contains("Better").contains("11,160");
    assertThat(((Number) wide.get("pageWidth")).intValue())
        .isLessThanOrEqualTo(((Number) wide.get("viewport")).intValue());
    assertThat(
            (Boolean)
                browser.script(
                    "const s = document.querySelector('.app-table-scroll');"
                        + " return s.scrollWidth <= s.clientWidth;"))
        .as("the table fits a desktop screen without scrolling")
        .isTrue();

    browser.driver().manage().window().setSize(new Dimension(320, 900));
    browser.open(page);
    problems.addAll(PageChecks.problems(browser, "performance-table-320"));
    Map<String, Object> narrow = layout();
    assertThat(((Number) narrow.get("pageWidth")).intValue())
        .as("the page does not scroll sideways")
        .isLessThanOrEqualTo(((Number) narrow.get("viewport")).intValue());
    assertThat(narrow.get("figureDisplay")).isEqualTo("block");
    assertThat(narrow.get("figureLabel")).isEqualTo("\"Previous 12 months: \"");
    long height =
        ((Number) browser.script("return document.documentElement.scrollHeight")).longValue();
    browser.driver().manage().window().setSize(new Dimension(320, (int) Math.min(height, 4000)));
    browser.screenshot("performance-table-320-full");

    browser.driver().manage().window().setSize(new Dimension(1280, 900));
    assertThat(problems).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> layout() {
    return (Map<String, Object>) browser.script(LAYOUT);
  }

  private Indicator save(Partnership partnership, String ref, String name, Unit unit) {
    indicators.save(
        partnership,
        new Indicator(
            0,
            ref,
            name,
            "",
            unit,
            Polarity.LOWER_IS_BETTER,
            Frequency.MONTHLY,
            "Police",
            "",
            null,
            null,
            null,
            null,
            null,
            null,
            Indicator.DEFAULT_TOLERANCE,
            List.of(),
            false,
            0));
    return indicators.findByRef(partnership, ref).orElseThrow();
  }
}
