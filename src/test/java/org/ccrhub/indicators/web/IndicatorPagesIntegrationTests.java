package org.ccrhub.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.PerformanceTable;
import org.ccrhub.indicators.Polarity;
import org.ccrhub.indicators.Unit;
import org.ccrhub.indicators.ValueEntry;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The indicator pages with real figures: a partnership with three indicators and 24 months of
 * values to October 2016, London as a comparator for one, driven as each kind of user.
 */
@CcrHubTest
class IndicatorPagesIntegrationTests {

  static final YearMonth OCT_2016 = YearMonth.of(2016, 10);

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Indicators indicators;
  @Autowired IndicatorImport imports;
  @Autowired PlanImport planImport;
  @Autowired DeliveryPlans plans;

  Partnership partnership;
  MockHttpSession analyst;
  String base;
  Indicator offences;
  Indicator safety;
  Indicator stalking;

  @BeforeEach
  void aPartnershipWithIndicatorsAndTwoYearsOfValues() throws Exception {
    partnership = fixtures.partnership();
    analyst = Fixtures.signIn(mvc, fixtures.user(partnership, Role.ANALYST));
    base = "/p/" + partnership.slug() + "/indicators";
    offences =
        save(
            partnership,
            "1.1",
            "Domestic abuse offences",
            Unit.COUNT,
            Polarity.LOWER_IS_BETTER,
            new BigDecimal("1000"),
            true,
            List.of());
    safety =
        save(
            partnership,
            "2.1",
            "IDVA cases where safety increased",
            Unit.PERCENTAGE,
            Polarity.HIGHER_IS_BETTER,
            new BigDecimal("80"),
            false,
            List.of());
    stalking =
        save(
            partnership,
            "3.1",
            "Stalking protection orders",
            Unit.COUNT,
            Polarity.HIGHER_IS_BETTER,
            null,
            true,
            List.of());
    // offences: 100 a month in the previous 12 months (1,200), 1,114 in the current 12
    // (eleven months of 93 and 91 in October 2016); London 5,000 a month, then 4,750
    monthly(offences, "", 24, i -> i < 12 ? count(100) : count(i == 23 ? 91 : 93));
    monthly(offences, "London", 24, i -> count(i < 12 ? 5000 : 4750));
    // safety: 8 of 10 cases a month (80%), then 9 of 10 (90%)
    monthly(safety, "", 24, i -> parts(i < 12 ? 8 : 9, 10));
    // stalking: three orders in the current 12 months, none recorded before
    monthly(stalking, "", 12, i -> count(i == 5 ? 3 : 0), OCT_2016.minusMonths(11));
  }

  @Test
  void aDashboardKeptByDataVersionShowsANewValueAtOnceAndWhatEachPersonMayDo() throws Exception {
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    String url = base + "?to=2016-10";
    assertThat(text(page(analyst, url)))
        .contains("12-month figure: 1,114")
        .contains("Import indicators");
    assertThat(text(page(viewer, url)))
        .as("the dashboard kept for the analyst, with the viewer's own links")
        .doesNotContain("Import indicators");

    // October was 91: the 12 months come to 1,114 - 91 + 4,321
    record(offences, "", "2016-10", new BigDecimal("4321"));

    assertThat(text(page(viewer, url)))
        .contains("12-month figure: 5,344")
        .doesNotContain("Import indicators");
    assertThat(text(page(analyst, url)))
        .contains("12-month figure: 5,344")
        .contains("Import indicators");
    assertThat(text(page(analyst, base + "?to=2016%2F17")))
        .as("an address the page does not link to: shown, with its error, but not kept")
        .contains("Select a month from the list")
        .contains("12-month figure: 5,344");
  }

  @Test
  void theDashboardShowsEachIndicatorsFigureRatingAndTrendInWords() throws Exception {
    String page = page(analyst, base);

    assertThat(title(page)).isEqualTo("Performance indicators");
    assertThat(text(page))
        .contains("The 12 months to October 2016 against the 12 months before.")
        .contains(
            "1.1 Domestic abuse offences 12-month figure: 1,114 ↓ Down 7.2% on the previous 12"
                + " months (better) Target: 1,000 by 2016/17 Red")
        .contains(
            "2.1 IDVA cases where safety increased 12-month figure: 90.0% ↑ Up 10.0 points"
                + " (12.5%) on the previous 12 months (better) Target: 80% by 2016/17 Green")
        .contains(
            "3.1 Stalking protection orders 12-month figure: 3 No change to show: the previous 12"
                + " months have no figure (No value for 2014-11, 2014-12, 2015-01, 2015-02 and 8"
                + " more) No target Not rated")
        .contains("3 indicators");
    assertThat(page).contains("<span aria-hidden=\"true\" class=\"app-tile__arrow\">↓</span>");
    assertThat(page).doesNotContain("<svg").doesNotContain("<img").doesNotContain("style=");

    String red = text(page(analyst, base + "?rating=RED"));
    assertThat(red).contains("1 of 3 indicators match").contains("1.1 Domestic abuse offences");
    assertThat(red).doesNotContain("2.1 IDVA").doesNotContain("3.1 Stalking");
    assertThat(text(page(analyst, base + "?rating=NOT_RATED")))
        .contains("3.1 Stalking")
        .doesNotContain("1.1 Domestic");

    String earlier = text(page(analyst, base + "?to=2016-09"));
    assertThat(earlier).contains("The 12 months to September 2016").contains("1,123");
  }

  @Test
  void aMonthThatIsNotOneShowsAnErrorAndTheLastMonth() throws Exception {
    String page = page(analyst, base + "?to=not-a-month");

    assertThat(title(page)).isEqualTo("Error: Performance indicators");
    assertThat(page).contains("govuk-error-summary").contains("href=\"#to\"");
    assertThat(text(page))
        .contains("Select a month from the list, for example October 2016")
        .contains("The 12 months to October 2016");
    assertThat(title(page(analyst, base + "?to=2016/17 Q2"))).startsWith("Error: ");
  }

  @Test
  void aPartnershipWithoutIndicatorsIsToldSoAndOnlyManagersAreOfferedTheImport() throws Exception {
    Partnership empty = fixtures.partnership();
    MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(empty, Role.PARTNERSHIP_ADMIN));
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(empty, Role.VIEWER));
    String emptyBase = "/p/" + empty.slug() + "/indicators";

    assertThat(text(page(admin, emptyBase)))
        .contains("There are no indicators yet")
        .contains("Import indicators and their values");
    assertThat(page(admin, emptyBase)).contains("href=\"" + emptyBase + "/import\"");
    assertThat(text(page(viewer, emptyBase)))
        .contains("There are no indicators yet")
        .doesNotContain("Import indicators");
  }

  @Test
  void theIndicatorPageShowsTheDefinitionPerformanceChartAndItsData() throws Exception {
    String page = page(analyst, base + "/" + offences.id());
    String text = text(page);

    assertThat(title(page)).isEqualTo("1.1 Domestic abuse offences");
    assertThat(text)
        .contains("Unit Count")
        .contains("Which way is better Lower is better")
        .contains("Target 1,000 by 2016/17")
        .contains("Published Yes, on the public page")
        .contains("Previous 12 months (Nov 2014 to Oct 2015) 1,200")
        .contains("Current 12 months (Nov 2015 to Oct 2016) 1,114")
        .contains("Change on the previous 12 months Down 7.2% on the previous 12 months (better)")
        .contains("London, current 12 months 57,000; down 5.0% on its previous 12 months")
        .contains("Target 1,000 (1,000 by 2016/17)")
        .contains("Behind the trajectory 11.4%")
        .contains("Rating Red");
    Matcher chart =
        Pattern.compile("<img src=\"data:image/svg\\+xml;base64,([^\"]+)\"").matcher(page);
    assertThat(chart.find()).as("the chart is on the page").isTrue();
    String svg =
        new String(java.util.Base64.getDecoder().decode(chart.group(1)), StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("Domestic abuse offences");
    // on a phone, the chart drawn for its width, so that its text can be read
    Matcher narrow =
        Pattern.compile(
                "<source media=\"\\(max-width: 40.0525em\\)\" srcset=\"data:image/svg\\+xml;base64,([^\"]+)\"")
            .matcher(page);
    assertThat(narrow.find()).as("the narrow chart is on the page").isTrue();
    assertThat(
            new String(
                java.util.Base64.getDecoder().decode(narrow.group(1)), StandardCharsets.UTF_8))
        .contains("width=\"290\"");
    assertThat(text).contains("gives the same figures, and those of London.");
    assertThat(page)
        .contains(
            "alt=\"Line chart of the 12-month figures of 1.1 Domestic abuse offences from Oct 2015 to Oct 2016.");
    // the chart's data: from the first month with a 12-month figure (Oct 2015) to Oct 2016
    List<String> rows = rows(page, "app-chart-data");
    assertThat(rows).hasSize(13);
    assertThat(rows.get(0)).isEqualTo("Oct 2015 | 1,200 | 60,000");
    assertThat(rows.get(12)).isEqualTo("Oct 2016 | 1,114 | 57,000");
    assertThat(text).contains("The chart's data");
    // the recorded values, latest first, for the partnership and London
    assertThat(text).contains("Oct 2016 91 Sept 2016 93").contains("Oct 2016 4,750");
    assertThat(text).doesNotContain("History of changes");

    String ratio = text(page(analyst, base + "/" + safety.id()));
    assertThat(ratio)
        .contains("Current 12 months (Nov 2015 to Oct 2016) 90.0%")
        .contains("Oct 2016 90.0% 9 10")
        .contains(
            "Change on the previous 12 months Up 10.0 points (12.5%) on the previous 12 months"
                + " (better)");
  }

  @Test
  void theIndicatorPageLinksToThePlanActionsAndOutcomesItMeasures() throws Exception {
    planImport.run(
        partnership,
        new PlanImportRequest(
            "VAWG Delivery Plan",
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "outcome,ref,action\n1 Safer homes,1.2.1,Train 300 frontline staff\n"
                .getBytes(StandardCharsets.UTF_8)));
    imports.importDefinitions(
        partnership,
        "ref,name,links\n1.1,Domestic abuse offences,VAWG Delivery Plan: 1.2.1; 1\n"
            .getBytes(StandardCharsets.UTF_8));
    long planId = plans.named(partnership, "VAWG Delivery Plan").id();
    long outcomeId = plans.outcomes(plans.named(partnership, "VAWG Delivery Plan")).get(0).id();

    String page = page(analyst, base + "/" + offences.id());

    assertThat(text(page))
        .contains(
            "Measures VAWG Delivery Plan: 1 Safer homes VAWG Delivery Plan: 1.2.1 Train 300"
                + " frontline staff");
    String plan = "/p/" + partnership.slug() + "/plans/" + planId;
    assertThat(page)
        .contains("href=\"" + plan + "/actions/1.2.1\"")
        .contains("href=\"" + plan + "?outcome=" + outcomeId + "\"");
    assertThat(text(page(analyst, base + "/" + safety.id()))).contains("Measures None recorded");
  }

  @Test
  void theMonthAGridEndsAtMayBeTypedAsAUkDate() throws Exception {
    for (String to : List.of("31/10/2016", "31 Oct 2016", "October 2016")) {
      String grid = page(analyst, base + "/" + offences.id() + "/values?to=" + to);
      assertThat(grid)
          .as(to)
          .contains("id=\"value-2016-10\"")
          .contains("id=\"value-2015-11\"")
          .doesNotContain("id=\"value-2016-11\"");
    }
  }

  @Test
  void valuesEnteredInTheGridAreRecordedAndTheirHistoryShown() throws Exception {
    String grid = page(analyst, base + "/" + offences.id() + "/values?to=2016-10");
    assertThat(title(grid)).isEqualTo("Enter values for 1.1 Domestic abuse offences");
    assertThat(grid)
        .contains("id=\"value-2016-10\"")
        .contains("id=\"value-2015-11\"")
        .doesNotContain("id=\"value-2015-10\"");
    assertThat(inputValue(grid, "value-2016-10")).isEqualTo("91");

    MvcResult saved =
        mvc.perform(
                grid(offences, "", "2016-10", "95", "91||", "2016-09", "93", "93||")
                    .session(analyst)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl(base + "/" + offences.id()))
            .andExpect(flash().attribute("message", "1 value recorded"))
            .andReturn();
    assertThat(saved).isNotNull();

    String page = text(page(analyst, base + "/" + offences.id()));
    assertThat(page)
        .contains("Current 12 months (Nov 2015 to Oct 2016) 1,118")
        .contains("History of changes")
        .contains("Oct 2016 " + partnership.name() + " 91 → changed to 95 Test Analyst");
    assertThat(page).doesNotContain("Sept 2016 " + partnership.name() + " 93 changed");
    assertThat(indicators.revisions(partnership, offences)).hasSize(24 + 24 + 1);

    // a comparator's values go in its own area
    mvc.perform(
            grid(offences, "London", "2016-10", "4800", "4750||", "2016-09", "", "")
                .session(analyst)
                .with(csrf()))
        .andExpect(flash().attribute("message", "1 value recorded"));
    assertThat(text(page(analyst, base + "/" + offences.id())))
        .contains("Oct 2016 London 4,750 → changed to 4,800 Test Analyst");
  }

  @Test
  void badNumbersComeBackWithAnErrorSummaryAndNothingIsStored() throws Exception {
    String page =
        rendered(
            grid(offences, "", "2016-10", "ninety", "91||", "2016-09", "2.5", "93||")
                .session(analyst)
                .with(csrf()));

    assertThat(title(page)).isEqualTo("Error: Enter values for 1.1 Domestic abuse offences");
    assertThat(page)
        .contains("govuk-error-summary")
        .contains("href=\"#value-2016-10\"")
        .contains("href=\"#value-2016-09\"");
    assertThat(text(page))
        .contains("Enter the value for Oct 2016 as a number, like 1114 or 53.7")
        .contains("The count for Sept 2016 must be a whole number");
    assertThat(inputValue(page, "value-2016-10")).isEqualTo("ninety");
    assertThat(inputValue(page, "value-2016-09")).isEqualTo("2.5");
    assertThat(indicators.revisions(partnership, offences)).hasSize(48);

    String parts =
        rendered(
            post(base + "/" + safety.id() + "/values")
                .param("to", "2016-10")
                .param("area", "")
                .param("rows[0].period", "2016-10")
                .param("rows[0].numerator", "9")
                .param("rows[0].denominator", "")
                .param("rows[0].seen", "|9|10")
                .session(analyst)
                .with(csrf()));
    assertThat(text(parts)).contains("Enter the denominator for Oct 2016");
    assertThat(parts).contains("href=\"#denominator-2016-10\"");
  }

  @Test
  void aValueSomeoneElseChangedMeanwhileIsNotOverwrittenUnseen() throws Exception {
    record(offences, "", "2016-10", new BigDecimal("92"));

    String page =
        rendered(
            grid(offences, "", "2016-10", "95", "91||", "2016-09", "93", "93||")
                .session(analyst)
                .with(csrf()));

    assertThat(text(page))
        .contains("Someone else recorded 92 for Oct 2016 since you opened this page");
    assertThat(inputValue(page, "value-2016-10")).isEqualTo("95");
    assertThat(page).contains("value=\"92||\"");
    assertThat(indicators.revisions(partnership, offences)).hasSize(49);
  }

  @Test
  void onlyAdministratorsStrategicLeadsAndAnalystsEnterValues() throws Exception {
    String values = base + "/" + offences.id() + "/values";
    for (Role role : List.of(Role.VIEWER, Role.ACTION_LEAD)) {
      MockHttpSession session = Fixtures.signIn(mvc, fixtures.user(partnership, role));
      mvc.perform(get(values).session(session)).andExpect(status().isForbidden());
      mvc.perform(
              grid(offences, "", "2016-10", "1", "91||", "2016-09", "93", "93||")
                  .session(session)
                  .with(csrf()))
          .andExpect(status().isForbidden());
      assertThat(text(page(session, base + "/" + offences.id())))
          .contains("1,114")
          .doesNotContain("Enter values");
    }
    for (Role role : List.of(Role.PARTNERSHIP_ADMIN, Role.STRATEGIC_LEAD)) {
      MockHttpSession session = Fixtures.signIn(mvc, fixtures.user(partnership, role));
      mvc.perform(get(values).session(session)).andExpect(status().isOk());
    }
    assertThat(indicators.revisions(partnership, offences)).hasSize(48);
    mvc.perform(
            post(values)
                .param("rows[0].period", "2016-10")
                .param("rows[0].value", "1")
                .session(analyst))
        .andExpect(status().isForbidden()); // no CSRF token
  }

  @Test
  void aCompositeHasNoGridAndRefusesValues() throws Exception {
    Indicator total =
        save(
            partnership,
            "9",
            "Offences and orders",
            Unit.COUNT,
            Polarity.NEITHER,
            null,
            false,
            List.of("1.1", "3.1"));

    String page = page(analyst, base + "/" + total.id() + "/values");
    assertThat(text(page)).contains("This indicator is the total of 1.1 and 3.1");
    assertThat(page).doesNotContain("Save values");
    mvc.perform(
            grid(total, "", "2016-10", "5", "", "2016-09", "", "").session(analyst).with(csrf()))
        .andExpect(status().isBadRequest());

    String composite = text(page(analyst, base + "/" + total.id()));
    assertThat(composite)
        .contains("The total of 1.1 Domestic abuse offences 3.1 Stalking protection orders")
        .contains("Current 12 months (Nov 2015 to Oct 2016) 1,117")
        .doesNotContain("Enter values");
  }

  @Test
  void theCsvDownloadIsSuppressedWithItsColumns() throws Exception {
    MvcResult result =
        mvc.perform(get(base + "/performance.csv").param("to", "2016-10").session(analyst))
            .andExpect(status().isOk())
            .andReturn();

    assertThat(result.getResponse().getHeader("Content-Disposition"))
        .startsWith("attachment")
        .contains("performance-2016-10.csv");
    String csv =
        result.getResponse().getContentAsString(StandardCharsets.UTF_8).replace("\uFEFF", "");
    assertThat(csv.lines().findFirst()).hasValue(String.join(",", PerformanceTable.CSV_COLUMNS));
    assertThat(csv)
        .contains("1.1,Domestic abuse offences,1200,1114,-7.2,,,,-5.0,1000,Red")
        .contains("2.1,IDVA cases where safety increased,80.0,90.0,12.5,10.0,,,,80.0,Green")
        .contains("3.1,Stalking protection orders,,<5,,,,,,,");

    for (String format : List.of("xlsx", "pdf", "html")) {
      MvcResult file =
          mvc.perform(get(base + "/performance." + format).param("to", "2016-10").session(analyst))
              .andExpect(status().isOk())
              .andReturn();
      assertThat(file.getResponse().getHeader("Content-Disposition"))
          .contains("performance-2016-10." + format);
      assertThat(file.getResponse().getContentAsByteArray()).isNotEmpty();
    }
    mvc.perform(get(base + "/performance.exe").session(analyst)).andExpect(status().isNotFound());
  }

  @Test
  void thePerformancePageShowsEveryFigureAsItIsWithDownloadLinks() throws Exception {
    String page = page(analyst, base + "/performance?to=2016-10");

    assertThat(title(page)).isEqualTo("Performance table to October 2016");
    assertThat(text(page))
        .contains("Performance to October 2016")
        .contains("and 8 more 3 Not rated")
        .contains("The comparator is London");
    assertThat(page)
        .contains("href=\"" + base + "/performance.csv?to=2016-10\"")
        .contains("href=\"" + base + "/" + offences.id() + "\"")
        .contains("href=\"/public/" + partnership.slug() + "/performance\"");
  }

  @Test
  void thePublicPageShowsOnlyPublishedIndicatorsSuppressed() throws Exception {
    String page = rendered(get("/public/" + partnership.slug() + "/performance"));

    assertThat(title(page)).isEqualTo("Performance indicators, " + partnership.name());
    assertThat(text(page))
        .contains("1.1 Domestic abuse offences 1,200 1,114 -7.2% Better -5.0% 1,000 Red")
        .contains("3.1 Stalking protection orders Previous 12 months: No value for 2014-11")
        .contains("and 8 more <5 Not rated")
        .contains("for the 12 months to October 2016")
        .doesNotContain("IDVA")
        .doesNotContain("Sign out");
    assertThat(page).doesNotContain("href=\"/p/").doesNotContain("<svg");

    mvc.perform(get("/public/no-such-partnership/performance")).andExpect(status().isNotFound());
    Partnership unpublished = fixtures.partnership();
    save(unpublished, "1", "Private", Unit.COUNT, Polarity.NEITHER, null, false, List.of());
    mvc.perform(get("/public/" + unpublished.slug() + "/performance"))
        .andExpect(status().isNotFound());
  }

  @Test
  void unknownAndOtherPartnershipsIndicatorsAreNotFound() throws Exception {
    mvc.perform(get(base + "/999999999").session(analyst)).andExpect(status().isNotFound());
    mvc.perform(get(base + "/not-a-number").session(analyst)).andExpect(status().isNotFound());
    mvc.perform(get(base + "/999999999/values").session(analyst)).andExpect(status().isNotFound());

    Partnership other = fixtures.partnership();
    Indicator theirs =
        save(other, "1", "Their indicator", Unit.COUNT, Polarity.NEITHER, null, false, List.of());
    mvc.perform(get(base + "/" + theirs.id()).session(analyst)).andExpect(status().isNotFound());
    mvc.perform(get(base + "/" + theirs.id() + "/values").session(analyst))
        .andExpect(status().isNotFound());
    mvc.perform(
            grid(theirs, "", "2016-10", "5", "", "2016-09", "", "").session(analyst).with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(indicators.revisions(other, theirs)).isEmpty();
    mvc.perform(get("/p/" + other.slug() + "/indicators").session(analyst))
        .andExpect(status().isNotFound());
  }

  // Helpers

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
            "",
            unit,
            polarity,
            Frequency.MONTHLY,
            "Police",
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

  private record Cell(@Nullable BigDecimal value, @Nullable BigDecimal n, @Nullable BigDecimal d) {}

  private static Cell count(int value) {
    return new Cell(BigDecimal.valueOf(value), null, null);
  }

  private static Cell parts(int numerator, int denominator) {
    return new Cell(null, BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
  }

  private void monthly(Indicator indicator, String area, int months, IntFunction<Cell> cell) {
    monthly(indicator, area, months, cell, OCT_2016.minusMonths(months - 1L));
  }

  private void monthly(
      Indicator indicator, String area, int months, IntFunction<Cell> cell, YearMonth first) {
    List<ValueEntry> entries = new ArrayList<>();
    for (int i = 0; i < months; i++) {
      Cell c = cell.apply(i);
      entries.add(
          new ValueEntry(
              indicator.id(),
              area,
              IndicatorPeriod.month(first.plusMonths(i)),
              c.value(),
              c.n(),
              c.d()));
    }
    indicators.record(partnership, entries, "Seeder");
  }

  private void record(Indicator indicator, String area, String period, BigDecimal value) {
    indicators.record(
        partnership,
        List.of(
            new ValueEntry(indicator.id(), area, IndicatorPeriod.parse(period), value, null, null)),
        "Someone Else");
  }

  /** The grid sent with two rows, each with its typed value and what it showed. */
  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder grid(
      Indicator indicator,
      String area,
      String period0,
      String value0,
      String seen0,
      String period1,
      String value1,
      String seen1) {
    return post("/p/" + partnership.slug() + "/indicators/" + indicator.id() + "/values")
        .param("to", "2016-10")
        .param("area", area)
        .param("rows[0].period", period0)
        .param("rows[0].value", value0)
        .param("rows[0].seen", seen0)
        .param("rows[1].period", period1)
        .param("rows[1].value", value1)
        .param("rows[1].seen", seen1);
  }

  private String page(MockHttpSession session, String url) throws Exception {
    return rendered(get(url).session(session));
  }

  private String rendered(RequestBuilder request) throws Exception {
    MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static String title(String html) {
    Matcher m = Pattern.compile("<title>(.*?) – CCR Hub</title>", Pattern.DOTALL).matcher(html);
    return m.find() ? HtmlUtils.htmlUnescape(m.group(1)).strip() : "";
  }

  private static String inputValue(String html, String id) {
    Matcher m = Pattern.compile("<input[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
    if (!m.find()) {
      return "(no input " + id + ")";
    }
    Matcher v = Pattern.compile("value=\"([^\"]*)\"").matcher(m.group());
    return v.find() ? HtmlUtils.htmlUnescape(v.group(1)) : "";
  }

  /** The body rows of the table with the class, as cells' text joined by " | ". */
  private static List<String> rows(String html, String tableClass) {
    int start = html.indexOf("class=\"govuk-table " + tableClass + "\"");
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
    return rows.subList(1, rows.size()); // without the header row
  }

  /** The visible words of the page, tags removed and spaces collapsed. */
  private static String text(String html) {
    return HtmlUtils.htmlUnescape(
            html.replaceAll("(?s)<head>.*?</head>", "")
                .replaceAll("(?s)<svg.*?</svg>", "")
                .replaceAll("<[^>]+>", " "))
        .replaceAll("\\s+", " ")
        .strip();
  }
}
