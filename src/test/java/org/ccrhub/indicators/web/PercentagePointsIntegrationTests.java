package org.ccrhub.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.indicators.IndicatorImportRejectedException;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.Polarity;
import org.ccrhub.indicators.Unit;
import org.ccrhub.indicators.ValueEntry;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.ImportProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * A rate read in points wherever a change is shown, next to a count that keeps its percentage:
 * repeat cases at the MARAC went from 31.1% to 30.6% in the 12 months to December 2016 (down 0.5
 * points, 1.6%), offences from 1,200 to 1,116 (down 7.0%). The rate's target is 2 points below its
 * 2015/16 baseline by 2017/18.
 */
@CcrHubTest
class PercentagePointsIntegrationTests {

  static final YearMonth DEC_2016 = YearMonth.of(2016, 12);

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Indicators indicators;
  @Autowired IndicatorImport imports;
  @Autowired Clock clock;

  Partnership partnership;
  MockHttpSession analyst;
  String base;
  Indicator repeats;
  Indicator offences;

  @BeforeEach
  void aRateAndACountWithTwoYearsOfValues() throws Exception {
    partnership = fixtures.partnership();
    analyst = Fixtures.signIn(mvc, fixtures.user(partnership, Role.ANALYST));
    base = "/p/" + partnership.slug() + "/indicators";
    indicators.save(
        partnership,
        new Indicator(
            0,
            "R1",
            "Repeat cases at the MARAC",
            "",
            Unit.PERCENTAGE,
            Polarity.LOWER_IS_BETTER,
            Frequency.MONTHLY,
            "MARAC coordinator",
            "",
            null,
            IndicatorPeriod.parse("2015/16"),
            new BigDecimal("31.1"),
            IndicatorPeriod.parse("2017/18"),
            null,
            null,
            new BigDecimal("-2"),
            Indicator.DEFAULT_TOLERANCE,
            List.of(),
            true,
            0));
    indicators.save(
        partnership,
        new Indicator(
            0,
            "C1",
            "Domestic abuse offences",
            "",
            Unit.COUNT,
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
            true,
            0));
    repeats = indicators.findByRef(partnership, "R1").orElseThrow();
    offences = indicators.findByRef(partnership, "C1").orElseThrow();
    List<ValueEntry> values = new ArrayList<>();
    YearMonth first = DEC_2016.minusMonths(23);
    for (int i = 0; i < 24; i++) {
      IndicatorPeriod month = IndicatorPeriod.month(first.plusMonths(i));
      // 311 of 1,000 cases a month (31.1%), then 306 of 1,000 (30.6%)
      values.add(
          new ValueEntry(
              repeats.id(),
              "",
              month,
              null,
              BigDecimal.valueOf(i < 12 ? 311 : 306),
              BigDecimal.valueOf(1000)));
      // 100 offences a month (1,200), then 93 (1,116)
      values.add(
          new ValueEntry(
              offences.id(), "", month, BigDecimal.valueOf(i < 12 ? 100 : 93), null, null));
    }
    indicators.record(partnership, values, "Seeder");
  }

  @Test
  void thePerformanceTableShowsARateInPointsACountInPercentWithBetterOrWorseInWords()
      throws Exception {
    String page = page(base + "/performance?to=2016-12");

    // the target is 31.1 - 2 = 29.1%; the trajectory at December 2016, 9 of the 24 months from
    // March 2016 to March 2018, is 31.1 - 2 × 9/24 = 30.35%, and 30.6% is 0.8% behind it
    assertThat(rows(page, "app-performance"))
        .containsExactly(
            "C1 | Domestic abuse offences | 1,200 | 1,116 | -7.0% Better |  |  |  |  | Not rated",
            "R1 | Repeat cases at the MARAC | 31.1% | 30.6% | -0.5 points (-1.6%) Better | 31.1%"
                + " | -0.5 points (-1.6%) Better |  | 29.1% | Amber/Green");
    assertThat(text(page))
        .contains(
            "A change in a percentage or a rate is in points, the difference of the two figures");
    // each figure says what it is when the rows stack on a narrow screen
    assertThat(page)
        .contains("class=\"govuk-table app-performance app-stack-table\"")
        .contains("data-label=\"Change\"")
        .contains("<strong class=\"app-change app-change--better\">Better</strong>");
  }

  @Test
  void theDashboardAndTheIndicatorPageSayTheChangeInPoints() throws Exception {
    assertThat(text(page(base + "?to=2016-12")))
        .contains(
            "R1 Repeat cases at the MARAC 12-month figure: 30.6% ↓ Down 0.5 points (1.6%) on the"
                + " previous 12 months (better) Target: -2 points by 2017/18 from 2015/16"
                + " Amber/Green")
        .contains(
            "C1 Domestic abuse offences 12-month figure: 1,116 ↓ Down 7.0% on the previous 12"
                + " months (better) No target");

    assertThat(text(page(base + "/" + repeats.id() + "?to=2016-12")))
        .contains("Target -2 points by 2017/18 from 2015/16")
        .contains(
            "Change on the previous 12 months Down 0.5 points (1.6%) on the previous 12 months"
                + " (better)")
        .contains("Change on the baseline Down 0.5 points (1.6%)")
        .contains("Target 29.1% (-2 points by 2017/18 from 2015/16)");
  }

  @Test
  void theCsvHasChangePointsForTheRateAndABlankForTheCount() throws Exception {
    String csv =
        new String(download(base + "/performance.csv?to=2016-12"), StandardCharsets.UTF_8)
            .replace("\uFEFF", "");

    assertThat(csv.lines().toList())
        .containsExactly(
            "ref,name,previous_12_months,current_12_months,change_pct,change_points,baseline,"
                + "change_vs_baseline_pct,comparator_change_pct,target,rating",
            "C1,Domestic abuse offences,1200,1116,-7.0,,,,,,",
            "R1,Repeat cases at the MARAC,31.1,30.6,-1.6,-0.5,31.1,-1.6,,29.1,Amber/Green");
  }

  @Test
  void theSpreadsheetHasTheMarkingATitleThePeoplesHeadersNumbersAndAUkDate() throws Exception {
    byte[] xlsx = download(base + "/performance.xlsx?to=2016-12");

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter shown = new DataFormatter(java.util.Locale.UK);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("OFFICIAL");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
          .isEqualTo(partnership.name() + ": Performance report, 12 months to December 2016");
      Cell produced = sheet.getRow(2).getCell(1);
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Produced");
      assertThat(produced.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(produced)).isTrue();
      assertThat(produced.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
      LocalDate today = LocalDate.now(clock);
      assertThat(produced.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(today);
      assertThat(shown.formatCellValue(produced))
          .isEqualTo(today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));

      assertThat(texts(sheet.getRow(4)))
          .containsExactly(
              "Ref",
              "Indicator",
              "Previous 12 months",
              "Current 12 months",
              "Change %",
              "Change in points",
              "Better or worse",
              "Baseline",
              "Change on baseline %",
              "Comparator change %",
              "Target",
              "Rating",
              "Notes");
      // frozen under the header
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);

      Row count = sheet.getRow(5);
      assertThat(count.getCell(1).getStringCellValue()).isEqualTo("Domestic abuse offences");
      assertThat(count.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(count.getCell(2).getNumericCellValue()).isEqualTo(1200.0);
      assertThat(shown.formatCellValue(count.getCell(2))).isEqualTo("1,200");
      assertThat(shown.formatCellValue(count.getCell(4))).isEqualTo("-7.0%");
      assertThat(count.getCell(5)).isNull();
      assertThat(count.getCell(6).getStringCellValue()).isEqualTo("Better");

      Row rate = sheet.getRow(6);
      assertThat(rate.getCell(3).getNumericCellValue()).isEqualTo(0.306);
      assertThat(shown.formatCellValue(rate.getCell(3))).isEqualTo("30.6%");
      assertThat(rate.getCell(5).getNumericCellValue()).isEqualTo(-0.5);
      assertThat(shown.formatCellValue(rate.getCell(5))).isEqualTo("-0.5");
      assertThat(rate.getCell(11).getStringCellValue()).isEqualTo("Amber/Green");

      // the marking is on every printed page, and the columns fit their content
      assertThat(sheet.getHeader().getCenter()).isEqualTo("OFFICIAL");
      assertThat(sheet.getColumnWidth(1))
          .isEqualTo(("Repeat cases at the MARAC".length() + 2) * 256);
      assertThat(sheet.getColumnWidth(0)).isLessThan(sheet.getColumnWidth(1));
    }
  }

  @Test
  void thePdfAndThePublicPageSayThePointsAndBetterInWords() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(download(base + "/performance.pdf?to=2016-12"))) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(text).contains("-0.5 points").contains("(-1.6%)").contains("Better");
      assertThat(text).contains("1,200").contains("1,116");
    }

    String pub = text(rendered(get("/public/" + partnership.slug() + "/performance")));
    assertThat(pub)
        .contains("R1 Repeat cases at the MARAC 31.1% 30.6% -0.5 points (-1.6%) Better")
        .contains("C1 Domestic abuse offences 1,200 1,116 -7.0% Better");
  }

  @Test
  void theBoardPackSaysThePointsAndBetterInWords() throws Exception {
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    String pack =
        text(
            new String(
                mvc.perform(
                        get("/p/" + partnership.slug() + "/board-pack/download")
                            .param("period", "2016/17 Q3")
                            .param("format", "html")
                            .session(viewer))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray(),
                StandardCharsets.UTF_8));

    assertThat(pack)
        .contains("Repeat cases at the MARAC 31.1% 30.6% -0.5 points (-1.6%) Better")
        .contains("Domestic abuse offences 1,200 1,116 -7.0% Better");
  }

  @Test
  void aRateTargetCanBeGivenInPointsOnTheFormButACountsCannot() throws Exception {
    mvc.perform(
            post(base + "/new")
                .param("ref", "R2")
                .param("name", "Cases where safety increased")
                .param("unit", "PERCENTAGE")
                .param("polarity", "HIGHER_IS_BETTER")
                .param("frequency", "MONTHLY")
                .param("baselinePeriod", "2015/16")
                .param("baselineValue", "78")
                .param("targetPeriod", "2017/18")
                .param("targetChangePoints", "+7")
                .param("tolerance", "5")
                .session(analyst)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    Indicator saved = indicators.findByRef(partnership, "R2").orElseThrow();
    assertThat(saved.targetChangePoints()).isEqualByComparingTo("7");
    assertThat(saved.targetChangePct()).isNull();
    assertThat(text(page(base + "/" + saved.id() + "/edit")))
        .contains("Target change from the baseline, in points (optional)");
    assertThat(page(base + "/" + saved.id() + "/edit"))
        .contains("id=\"targetChangePoints\"")
        .containsPattern("id=\"targetChangePoints\"[^>]*value=\"7\"");

    String refused =
        rendered(
            post(base + "/new")
                .param("ref", "C2")
                .param("name", "Stalking offences")
                .param("unit", "COUNT")
                .param("polarity", "LOWER_IS_BETTER")
                .param("frequency", "MONTHLY")
                .param("baselineValue", "120")
                .param("targetChangePoints", "-2")
                .param("tolerance", "5")
                .session(analyst)
                .with(csrf()));
    assertThat(text(refused))
        .contains("There is a problem")
        .contains(
            "A target change in points is for a percentage or a rate: give the change for a count"
                + " indicator in target_change_pct");
    String both =
        rendered(
            post(base + "/new")
                .param("ref", "R3")
                .param("name", "Repeat victims")
                .param("unit", "PERCENTAGE")
                .param("polarity", "LOWER_IS_BETTER")
                .param("frequency", "MONTHLY")
                .param("baselineValue", "30")
                .param("targetChangePct", "-5")
                .param("targetChangePoints", "-2")
                .param("tolerance", "5")
                .session(analyst)
                .with(csrf()));
    assertThat(text(both))
        .contains(
            "Give one target: a target value, a target change in % or a target change in points");
    assertThat(indicators.findByRef(partnership, "C2")).isEmpty();
    assertThat(indicators.findByRef(partnership, "R3")).isEmpty();
  }

  @Test
  void theDefinitionsImportReadsATargetChangeInPointsAndRatesWithIt() {
    imports.importDefinitions(
        partnership,
        ("ref,name,unit,polarity,baseline_period,baseline_value,target_period,"
                + "target_change_points\n"
                + "R1,Repeat cases at the MARAC,%,lower,2015/16,31.1,2016/17,-0.5\n")
            .getBytes(StandardCharsets.UTF_8));

    Indicator r1 = indicators.findByRef(partnership, "R1").orElseThrow();
    assertThat(r1.targetChangePoints()).isEqualByComparingTo("-0.5");
    // by March 2017 31.1 - 0.5 = 30.6; at December 2016, 9 of 12 months in, the trajectory is
    // 30.725%: 30.6% is ahead of it
    assertThat(indicators.data(partnership).performance(r1, DEC_2016, null).rating())
        .hasToString("GREEN");

    // a file that gives a % target replaces the points target; the rate keeps working with it
    imports.importDefinitions(
        partnership,
        "ref,name,target_change_pct\nR1,Repeat cases at the MARAC,-10\n"
            .getBytes(StandardCharsets.UTF_8));
    Indicator pct = indicators.findByRef(partnership, "R1").orElseThrow();
    assertThat(pct.targetChangePoints()).isNull();
    assertThat(pct.targetChangePct()).isEqualByComparingTo("-10");

    assertThatThrownBy(
            () ->
                imports.importDefinitions(
                    partnership,
                    ("ref,name,baseline_value,target_change_pct,target_change_points\n"
                            + "C1,Domestic abuse offences,1200,,-2\n"
                            + "R1,Repeat cases at the MARAC,31.1,-5,-2\n")
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ImportProblem::row, ImportProblem::column)
                    .containsExactly(
                        tuple(2, "target_change_points"), tuple(3, "target_change_points")));
  }

  // Helpers

  private String page(String url) throws Exception {
    return rendered(get(url).session(analyst));
  }

  private String rendered(RequestBuilder request) throws Exception {
    MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private byte[] download(String url) throws Exception {
    return mvc.perform(get(url).session(analyst))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    row.forEach(cell -> texts.add(cell.getStringCellValue()));
    return texts;
  }

  /** The body rows of the table with the class, as cells' text joined by " | ". */
  private static List<String> rows(String html, String tableClass) {
    int start = html.indexOf("class=\"govuk-table " + tableClass);
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
