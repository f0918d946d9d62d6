package org.ccrhub.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.TestIndicators;
import org.ccrhub.indicators.ValueEntry;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The data month on the indicator pages: police figures to October 2016, the health figure to
 * September, the MARAC's quarterly return to 2016/17 Q2, and a probation figure defined but not yet
 * sent. The pages show September, the latest month with the most figures, and name what is missing
 * instead of showing blank tiles or rows.
 */
@CcrHubTest
class DataMonthPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Indicators indicators;

  Partnership partnership;
  MockHttpSession viewer;
  String base;

  @BeforeEach
  void figuresArrivingAtDifferentTimes() throws Exception {
    partnership = fixtures.partnership();
    viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    base = "/p/" + partnership.slug() + "/indicators";
    Indicator offences =
        save("1.1", "Domestic abuse offences", Frequency.MONTHLY, "Police (CRIS)", "Analyst", true);
    Indicator stalking =
        save("1.2", "Stalking referrals", Frequency.MONTHLY, "Police (CRIS)", "Analyst", true);
    Indicator assaults =
        save(
            "2.1",
            "Assaults seen at A&E",
            Frequency.MONTHLY,
            "NHS A&E data",
            "Public health team",
            true);
    save("3.1", "Probation referrals", Frequency.MONTHLY, "Probation", "", false);
    Indicator marac =
        save("4.1", "MARAC cases", Frequency.QUARTERLY, "MARAC return", "MARAC coordinator", false);
    List<ValueEntry> values = new ArrayList<>();
    YearMonth first = YearMonth.of(2014, 11);
    for (int i = 0; i < 24; i++) {
      YearMonth month = first.plusMonths(i);
      values.add(entry(offences, IndicatorPeriod.month(month), 100));
      values.add(entry(stalking, IndicatorPeriod.month(month), 20));
      if (month.isBefore(YearMonth.of(2016, 10))) {
        values.add(entry(assaults, IndicatorPeriod.month(month), 30));
      }
    }
    for (String quarter : List.of("2015/16 Q3", "2015/16 Q4", "2016/17 Q1", "2016/17 Q2")) {
      values.add(entry(marac, IndicatorPeriod.parse(quarter), 40));
    }
    indicators.record(partnership, values, "test");
  }

  @Test
  void theDashboardShowsTheLatestMonthWithTheMostFiguresAndNamesTheRest() throws Exception {
    String page = text(page(base));
    assertThat(page)
        .contains("The 12 months to September 2016 against the 12 months before.")
        .contains("September 2016 is the latest month with figures for the most indicators.")
        .contains(
            "Figures missing This indicator has no figure for September 2016, so it is not shown:"
                + " 3.1 Probation referrals . Source: Probation; no owner recorded. No values"
                + " yet.")
        .contains("4 indicators with a figure for September 2016")
        .contains("2.1 Assaults seen at A&E 12-month figure: 360")
        .contains("4.1 MARAC cases 12-month figure: 160")
        .doesNotContain("No figure");
  }

  @Test
  void theDashboardForOctoberListsTheHealthFigureInsteadOfABlankTile() throws Exception {
    for (String to : List.of("2016-10", "10/2016", "Oct 2016")) {
      String page = text(page(base + "?to=" + to));
      assertThat(page)
          .as(to)
          .contains("The 12 months to October 2016 against the 12 months before.")
          .contains("The latest month with figures for the most indicators is September 2016.")
          .contains("These 2 indicators have no figure for October 2016, so they are not shown:")
          .contains(
              "2.1 Assaults seen at A&E . Source: NHS A&E data; owner: Public health team."
                  + " Latest value: September 2016.")
          .contains("3.1 Probation referrals . Source: Probation; no owner recorded.")
          .contains("3 indicators with a figure for October 2016")
          .doesNotContain("12-month figure: 360")
          .doesNotContain("No figure");
    }
  }

  @Test
  void thePerformanceTableHasNoBlankRowsAndNamesTheMissingFigures() throws Exception {
    String september = page(base + "/performance");
    assertThat(text(september))
        .contains("Performance to September 2016")
        .contains("September 2016 is the latest month with figures for the most indicators.")
        .contains("3.1 Probation referrals . Source: Probation");
    assertThat(rowRefs(september)).containsExactly("1.1", "1.2", "2.1", "4.1");

    String october = page(base + "/performance?to=October 2016");
    assertThat(text(october))
        .contains("Performance to October 2016")
        .contains("These 2 indicators have no figure for October 2016, so they are not shown:")
        .contains("2.1 Assaults seen at A&E . Source: NHS A&E data; owner: Public health team.");
    assertThat(rowRefs(october)).containsExactly("1.1", "1.2", "4.1");

    String csv =
        mvc.perform(get(base + "/performance.csv").param("to", "2016-10").session(viewer))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))))
        .containsExactly("1.1", "1.2", "4.1");
    String html =
        mvc.perform(get(base + "/performance.html").param("to", "2016-10").session(viewer))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(text(html)).contains("Figures missing").contains("2.1 Assaults seen at A&E");
  }

  @Test
  void thePublicPageIsToTheLatestMonthWithEveryPublishedFigure() throws Exception {
    String page = text(rendered(get("/public/" + partnership.slug() + "/performance")));
    assertThat(page)
        .contains("for the 12 months to September 2016")
        .contains("2.1 Assaults seen at A&E")
        .doesNotContain("Figures missing")
        .doesNotContain("Probation");
  }

  /** A public page names a published indicator without figures, but not who provides it. */
  @Test
  void thePublicPageNamesFiguresMissingButNotWhoProvidesThem() throws Exception {
    save("5.1", "Calls to the helpline", Frequency.MONTHLY, "Helpline", "Outreach manager", true);

    String page = text(rendered(get("/public/" + partnership.slug() + "/performance")));

    assertThat(page)
        .contains("Figures missing")
        .contains("5.1 Calls to the helpline . No values yet.")
        .doesNotContain("Outreach manager")
        .doesNotContain("Source: Helpline");
    assertThat(text(page(base + "/performance")))
        .contains("5.1 Calls to the helpline . Source: Helpline; owner: Outreach manager.");
  }

  @Test
  void theCompletenessPageShowsEachLatestValueTheNextExpectedAndWhoProvidesIt() throws Exception {
    String html = page(base + "/completeness");
    String dashboard = page(base);
    assertThat(dashboard).contains("href=\"" + base + "/completeness\"");
    assertThat(text(dashboard))
        .contains(
            "Data completeness : each indicator's latest value, the one expected next and who"
                + " provides it");
    String today = Dates.date(LocalDate.now(Dates.UK));
    assertThat(text(html))
        .contains("Data completeness")
        .contains("4 of 5 indicators are late on " + today + ".");
    assertThat(rows(html))
        .containsExactly(
            "1.1 Domestic abuse offences | 100 for October 2016 | November 2016 | 31 December 2016"
                + " | Source: Police (CRIS); owner: Analyst | Late",
            "1.2 Stalking referrals | 20 for October 2016 | November 2016 | 31 December 2016"
                + " | Source: Police (CRIS); owner: Analyst | Late",
            "2.1 Assaults seen at A&E | 30 for September 2016 | October 2016 | 30 November 2016"
                + " | Source: NHS A&E data; owner: Public health team | Late",
            "3.1 Probation referrals | None |  |  | Source: Probation; no owner recorded"
                + " | No values yet",
            "4.1 MARAC cases | 40 for 2016/17 Q2 (July to September 2016) | 2016/17 Q3 (October"
                + " to December 2016) | 31 January 2017 | Source: MARAC return; owner: MARAC"
                + " coordinator | Late");
  }

  @Test
  void aValueForLastMonthIsUpToDate() throws Exception {
    Indicator calls =
        save("5.1", "Calls to the helpline", Frequency.MONTHLY, "Helpline", "Refuge", false);
    YearMonth lastMonth = YearMonth.now(Dates.UK).minusMonths(1);
    indicators.record(
        partnership, List.of(entry(calls, IndicatorPeriod.month(lastMonth), 12)), "test");
    List<String> rows = rows(page(base + "/completeness"));
    DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    assertThat(rows.get(5))
        .isEqualTo(
            "5.1 Calls to the helpline | 12 for "
                + lastMonth.format(month)
                + " | "
                + lastMonth.plusMonths(1).format(month)
                + " | "
                + lastMonth
                    .plusMonths(2)
                    .atEndOfMonth()
                    .format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK))
                + " | Source: Helpline; owner: Refuge | Up to date");
  }

  @Test
  void indicatorsWithoutValuesAreNamedNotShownAsEmptyTiles() throws Exception {
    partnership = fixtures.partnership();
    viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    save("1", "Repeat victims", Frequency.MONTHLY, "MARAC", "MARAC coordinator", false);
    String page = text(page("/p/" + partnership.slug() + "/indicators"));
    assertThat(page)
        .contains("No indicator has a value yet.")
        .contains(
            "This indicator has no figure for "
                + YearMonth.now(Dates.UK)
                    .minusMonths(1)
                    .format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK))
                + ", so it is not shown: 1 Repeat victims . Source: MARAC; owner: MARAC"
                + " coordinator. No values yet.")
        .contains("0 indicators with a figure for")
        .doesNotContain("No indicators have this rating");
  }

  private Indicator save(
      String ref,
      String name,
      Frequency frequency,
      String source,
      String owner,
      boolean published) {
    return TestIndicators.saveCount(
        indicators, partnership, ref, name, frequency, source, owner, published);
  }

  private static ValueEntry entry(Indicator indicator, IndicatorPeriod period, int value) {
    return TestIndicators.entry(indicator, period, value);
  }

  private String page(String url) throws Exception {
    return rendered(get(url).session(viewer));
  }

  private String rendered(RequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The refs of the performance table's rows. */
  private static List<String> rowRefs(String html) {
    int start = html.indexOf("class=\"govuk-table app-performance");
    String table = html.substring(start, html.indexOf("</table>", start));
    List<String> refs = new ArrayList<>();
    Matcher row =
        Pattern.compile("<th scope=\"row\" class=\"govuk-table__header[^\"]*\">([^<]*)</th>")
            .matcher(table);
    while (row.find()) {
      refs.add(row.group(1).strip());
    }
    return refs;
  }

  /** The body rows of the stacked table, as cells' text joined by " | ". */
  private static List<String> rows(String html) {
    int start = html.indexOf("class=\"govuk-table app-stack-table\"");
    String table = html.substring(start, html.indexOf("</table>", start));
    List<String> rows = new ArrayList<>();
    Matcher row =
        Pattern.compile("<tr class=\"govuk-table__row\">(.*?)</tr>", Pattern.DOTALL).matcher(table);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell =
          Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL).matcher(row.group(1));
      while (cell.find()) {
        cells.add(text(cell.group(1)));
      }
      rows.add(String.join(" | ", cells));
    }
    return rows.subList(1, rows.size());
  }

  private static String text(String html) {
    return HtmlUtils.htmlUnescape(
            html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " "))
        .replaceAll("\\s+", " ")
        .strip();
  }
}
