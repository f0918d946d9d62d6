package org.ccrhub.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.Polarity;
import org.ccrhub.indicators.Unit;
import org.ccrhub.indicators.ValueEntry;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.reports.BoardPack;
import org.ccrhub.reports.BoardPacks;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagScheme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

@CcrHubTest
class IndicatorEdgeCasesIntegrationTests {
  static final YearMonth SEP_2016 = YearMonth.of(2016, 9);

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Indicators indicators;
  @Autowired Partnerships partnerships;
  @Autowired BoardPacks boardPacks;

  Partnership partnership;
  MockHttpSession analyst;
  String base;

  @BeforeEach
  void setUp() throws Exception {
    partnership = fixtures.partnership();
    analyst = Fixtures.signIn(mvc, fixtures.user(partnership, Role.ANALYST));
    base = "/p/" + partnership.slug() + "/indicators";
  }

  private Indicator save(String ref, List<String> sumOf, BigDecimal target) {
    indicators.save(
        partnership,
        new Indicator(
            0,
            ref,
            "Indicator " + ref,
            "",
            Unit.COUNT,
            Polarity.LOWER_IS_BETTER,
            Frequency.MONTHLY,
            "Police",
            "",
            null,
            null,
            null,
            IndicatorPeriod.parse("2016/17"),
            target,
            null,
            Indicator.DEFAULT_TOLERANCE,
            sumOf,
            true,
            0));
    return indicators.findByRef(partnership, ref).orElseThrow();
  }

  private void monthly(Indicator i, int months, IntFunction<Integer> value) {
    List<ValueEntry> entries = new ArrayList<>();
    for (int m = 0; m < months; m++) {
      entries.add(
          new ValueEntry(
              i.id(),
              "",
              IndicatorPeriod.month(SEP_2016.minusMonths(months - 1L - m)),
              BigDecimal.valueOf(value.apply(m)),
              null,
              null));
    }
    indicators.record(partnership, entries, "Seeder");
  }

  /** The complement cell the table hides is drawn (and described in words) in the pack's chart. */
  @Test
  void theBoardPackChartDoesNotRevealTheComplementHiddenInTheTable() {
    Indicator a = save("1.1", List.of(), BigDecimal.TEN);
    Indicator b = save("1.2", List.of(), BigDecimal.TEN);
    Indicator c = save("1.3", List.of(), BigDecimal.TEN);
    save("1", List.of("1.1", "1.2", "1.3"), BigDecimal.TEN);
    monthly(a, 24, m -> m == 23 ? 3 : 0); // current 12 months: 3 (hidden)
    monthly(b, 24, m -> 10); // 120
    monthly(c, 24, m -> 5); // 60: hidden as the complement
    BoardPack pack =
        boardPacks.assemble(
            partnership,
            ReportingPeriod.parse("2016/17 Q2"),
            List.of(),
            "",
            LocalDate.of(2016, 11, 15));
    assertThat(pack.performance().cells())
        .extracting(r -> r.get(3))
        .containsExactly("183", "<5", "120", "[c]");
    String html = new String(boardPacks.render(pack, ReportFormat.HTML), StandardCharsets.UTF_8);
    // 183 - 120 - 60 = 3
    assertThat(html).doesNotContain("Indicator 1.3 at each month from Sept 2015 to Sept 2016, for");
    assertThat(html).doesNotContain("It went from 60 to 60");
  }

  /** After the partnership changes its RAG scheme, indicator ratings still use the old one. */
  @Test
  void ratingsFollowTheRagSchemeAfterItChanges() {
    Indicator a = save("1", List.of(), BigDecimal.valueOf(110));
    monthly(a, 12, m -> 10); // 120 against 110: 9.1% behind -> Amber/Red (4) or Red (3)
    assertThat(indicators.data(partnership).scheme()).isEqualTo(RagScheme.FOUR);
    partnerships.changeRagScheme(partnership, RagScheme.THREE);
    assertThat(indicators.data(partnership).scheme()).isEqualTo(RagScheme.THREE);
  }

  /** Odd input never gives a server error. */
  @Test
  void badInputNeverGivesAServerError() throws Exception {
    Indicator a = save("1", List.of(), BigDecimal.TEN);
    monthly(a, 24, m -> 10);
    List<RequestBuilder> requests =
        List.of(
            get(base).param("to", "9999-12").session(analyst),
            get(base).param("to", "0000-01").session(analyst),
            get(base).param("to", "2016/17 Q9").session(analyst),
            get(base).param("to", "x".repeat(100000)).session(analyst),
            get(base).param("rating", "NaN").session(analyst),
            get(base + "/performance")
                .param("to", "9999-12")
                .param("comparator", "x".repeat(5000))
                .session(analyst),
            get(base + "/performance.csv").param("to", "2016-13").session(analyst),
            get(base + "/performance.pdf").param("to", "9999-12").session(analyst),
            get(base + "/" + a.id())
                .param("to", "9999-12")
                .param("comparator", "<script>")
                .session(analyst),
            get(base + "/" + a.id() + "/values")
                .param("to", "2016/17")
                .param("area", "x".repeat(500))
                .session(analyst),
            post(base + "/" + a.id() + "/values")
                .param("rows[300].period", "2016-10")
                .param("rows[300].value", "1")
                .session(analyst)
                .with(csrf()),
            post(base + "/" + a.id() + "/values")
                .param("rows[0].period", "2016/17")
                .param("rows[0].value", "1")
                .session(analyst)
                .with(csrf()),
            post(base + "/" + a.id() + "/values")
                .param("rows[0].period", "2016-10")
                .param("rows[0].value", "999999999999999.999999")
                .session(analyst)
                .with(csrf()),
            post(base + "/" + a.id() + "/values")
                .param("rows[0].period", "2016-10")
                .param("rows[0].value", "NaN")
                .session(analyst)
                .with(csrf()),
            post(base + "/" + a.id() + "/values")
                .param("rows[0].period", "2016-10")
                .param("rows[0].value", "5")
                .param("rows[0].seen", "10||")
                .param("area", "London\u0000")
                .session(analyst)
                .with(csrf()),
            post(base + "/" + a.id() + "/values")
                .param("rows[0].period", "9999-12")
                .param("rows[0].value", "5")
                .session(analyst)
                .with(csrf()),
            get("/public/" + partnership.slug() + "/performance"),
            get("/p/" + partnership.slug() + "/board-pack")
                .param("period", "2016/17 Q7")
                .session(analyst));
    List<String> statuses = new ArrayList<>();
    for (RequestBuilder r : requests) {
      org.springframework.test.web.servlet.MvcResult result;
      try {
        result = mvc.perform(r).andReturn();
      } catch (Exception e) {
        statuses.add(
            "500 "
                + e.getClass().getSimpleName()
                + ": "
                + String.valueOf(e.getMessage())
                    .substring(0, Math.min(200, String.valueOf(e.getMessage()).length())));
        continue;
      }
      statuses.add(
          result.getResponse().getStatus()
              + " "
              + result.getRequest().getRequestURI()
              + "?"
              + result.getRequest().getQueryString()
              + " "
              + result.getRequest().getParameterMap().keySet());
    }
    assertThat(statuses).noneMatch(s -> s.startsWith("5"));
  }

  @Autowired org.ccrhub.indicators.IndicatorImport imports;

  /** One value for a far-off month (typed in the grid or imported) breaks every default page. */
  @Test
  void aValueForAFarOffMonthDoesNotBreakTheDashboardAndPublicPage() throws Exception {
    Indicator a = save("1", List.of(), BigDecimal.TEN);
    monthly(a, 24, m -> 10);
    assertThatThrownBy(
            () ->
                imports.importValues(
                    partnership,
                    "indicator,period,value\n1,9999-12,5\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(org.ccrhub.indicators.IndicatorImportRejectedException.class);
    // a month still to come (a typing error for a year that exists) is kept, but not shown first
    imports.importValues(
        partnership, "indicator,period,value\n1,2099-12,5\n".getBytes(StandardCharsets.UTF_8));
    int dashboard = mvc.perform(get(base).session(analyst)).andReturn().getResponse().getStatus();
    int pub =
        mvc.perform(get("/public/" + partnership.slug() + "/performance"))
            .andReturn()
            .getResponse()
            .getStatus();
    int perf =
        mvc.perform(get(base + "/performance").session(analyst))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(List.of(dashboard, pub, perf)).containsOnly(200);
  }

  /** Broken files never throw out of the import. */
  @Test
  void brokenFilesAreReportedNotThrown() {
    List<byte[]> files = new ArrayList<>();
    files.add(new byte[0]);
    files.add(new byte[] {0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 0x50, 0x4b, 3, 4});
    files.add("indicator,period,value\n".getBytes(StandardCharsets.UTF_8));
    files.add("PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1));
    files.add(
        ("indicator,period,value\n" + "1,2016-10,\"unterminated\n")
            .getBytes(StandardCharsets.UTF_8));
    files.add("\uFEFFref,name\n".getBytes(StandardCharsets.UTF_8));
    StringBuilder big = new StringBuilder("indicator,period,value\n");
    while (big.length() < 50_000_000) big.append("1,2016-10,5\n");
    files.add(big.toString().getBytes(StandardCharsets.UTF_8));
    for (byte[] f : files) {
      for (int kind = 0; kind < 2; kind++) {
        boolean refused =
            kind == 0
                ? imports.previewValues(partnership, f).hasErrors()
                : imports.previewDefinitions(partnership, f).hasErrors();
        assertThat(refused).as("file of " + f.length + " bytes, kind " + kind).isTrue();
      }
    }
  }
}
