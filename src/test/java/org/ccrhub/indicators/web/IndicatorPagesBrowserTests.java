package org.ccrhub.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The indicator pages in a real browser with real figures, checked by axe against WCAG 2.2 AA and
 * by {@link PageChecks}: the dashboard, an indicator with its chart, the values grid with and
 * without errors, the performance table and the public page. (The crawl of every page starts from a
 * partnership without indicators, so it sees only the empty dashboard.)
 */
@CcrHubTest
class IndicatorPagesBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  private static final YearMonth OCT_2016 = YearMonth.of(2016, 10);

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Indicators indicators;

  private final Map<String, List<String>> problems = new LinkedHashMap<>();

  @Test
  void everyIndicatorPageMeetsWcag22AaAlsoWithErrors() {
    browser.useServerOn(port);
    browser.signOut();
    Partnership partnership = fixtures.partnership();
    String admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    Indicator offences =
        save(
            partnership,
            "1.1",
            "Domestic abuse offences",
            Unit.COUNT,
            Polarity.LOWER_IS_BETTER,
            new BigDecimal("1000"),
            true,
            List.of());
    Indicator safety =
        save(
            partnership,
            "1.2",
            "IDVA cases where the victim's safety increased",
            Unit.PERCENTAGE,
            Polarity.HIGHER_IS_BETTER,
            new BigDecimal("80"),
            false,
            List.of());
    save(
        partnership,
        "2.1",
        "Stalking protection orders",
        Unit.COUNT,
        Polarity.HIGHER_IS_BETTER,
        null,
        true,
        List.of());
    Indicator total =
        save(
            partnership,
            "3",
            "Offences and orders",
            Unit.COUNT,
            Polarity.NEITHER,
            null,
            false,
            List.of("1.1", "2.1"));
    List<ValueEntry> values = new ArrayList<>();
    for (int i = 0; i < 36; i++) {
      IndicatorPeriod month = IndicatorPeriod.month(OCT_2016.minusMonths(35 - i));
      values.add(entry(offences, "", month, BigDecimal.valueOf(110 - i), null, null));
      values.add(entry(offences, "London", month, BigDecimal.valueOf(5200 - 10L * i), null, null));
      values.add(entry(safety, "", month, null, BigDecimal.valueOf(7 + i % 3), BigDecimal.TEN));
      values.add(
          entry(
              indicators.findByRef(partnership, "2.1").orElseThrow(),
              "",
              month,
              BigDecimal.valueOf(i % 7 == 0 ? 1 : 0),
              null,
              null));
    }
    indicators.record(partnership, values, "Seeder");
    indicators.record(
        partnership,
        List.of(
            entry(
                offences, "", IndicatorPeriod.month(OCT_2016), BigDecimal.valueOf(80), null, null)),
        "Sam Jones");
    String base = "/p/" + partnership.slug() + "/indicators";

    browser.signIn(admin, Fixtures.PASSWORD);
    browser.open("/p/" + partnership.slug());
    assertThat(browser.driver().findElements(By.cssSelector("main a[href='" + base + "']")))
        .isNotEmpty();

    check("dashboard", base);
    assertThat(browser.h1()).isEqualTo("Performance indicators");
    check("dashboard-red", base + "?rating=RED");
    check("dashboard-bad-month", base + "?to=soon");
    assertThat(browser.title()).startsWith("Error: ");
    check("indicator-count", base + "/" + offences.id());
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("main .app-chart img[src^='data:image/svg+xml']")))
        .hasSize(1);
    check("indicator-percentage", base + "/" + safety.id());
    check("indicator-composite", base + "/" + total.id());
    check("values-composite", base + "/" + total.id() + "/values");
    check("values", base + "/" + offences.id() + "/values?to=2016-10");
    browser.driver().findElement(By.id("value-2016-10")).clear();
    browser.driver().findElement(By.id("value-2016-10")).sendKeys("eighty");
    browser.submitWith(browser.driver().findElement(By.xpath("//button[.='Save values']")));
    check("values-with-errors", null);
    assertThat(browser.title()).startsWith("Error: ");
    check("values-percentage", base + "/" + safety.id() + "/values?to=2016-10");
    check("performance", base + "/performance?to=2016-10");
    browser.signOut();
    check("public-performance", "/public/" + partnership.slug() + "/performance");

    assertThat(problems)
        .withFailMessage(
            () ->
                problems.entrySet().stream()
                    .map(p -> p.getKey() + "\n    on " + String.join("\n       ", p.getValue()))
                    .collect(Collectors.joining("\n\n")))
        .isEmpty();
  }

  /** Opens the page (or checks the one shown), checks it, and keeps a full-length screenshot. */
  private void check(String name, @Nullable String path) {
    if (path != null) {
      browser.open(path);
    }
    PageChecks.problems(browser, "indicators-" + name)
        .forEach(p -> problems.computeIfAbsent(p, k -> new ArrayList<>()).add(name));
    Dimension size = browser.driver().manage().window().getSize();
    long height =
        ((Number) browser.script("return document.documentElement.scrollHeight")).longValue();
    browser
        .driver()
        .manage()
        .window()
        .setSize(new Dimension(size.getWidth(), (int) Math.min(height + 150, 8000)));
    browser.screenshot("indicators-" + name + "-full");
    browser.driver().manage().window().setSize(size);
  }

  private Indicator save(
      Partnership p,
      String ref,
      String name,
      Unit unit,
      Polarity polarity,
      @Nullable BigDecimal target,
      boolean published,
      List<String> sumOf) {
    indicators.save(
        p,
        new Indicator(
            0,
            ref,
            name,
            "What the partnership counts for " + name.toLowerCase(),
            unit,
            polarity,
            Frequency.MONTHLY,
            "Police crime system",
            "Community Safety Team",
            null,
            null,
            null,
            target == null ? null : IndicatorPeriod.parse("2016/17"),
            target,
            null,
            Indicator.DEFAULT_TOLERANCE,
            sumOf,
            published,
            0));
    return indicators.findByRef(p, ref).orElseThrow();
  }

  private static ValueEntry entry(
      Indicator indicator,
      String area,
      IndicatorPeriod period,
      @Nullable BigDecimal value,
      @Nullable BigDecimal numerator,
      @Nullable BigDecimal denominator) {
    return new ValueEntry(indicator.id(), area, period, value, numerator, denominator);
  }
}
