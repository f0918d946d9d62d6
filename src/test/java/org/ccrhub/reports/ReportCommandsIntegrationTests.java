package org.ccrhub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.Polarity;
import org.ccrhub.indicators.Unit;
import org.ccrhub.indicators.ValueEntry;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The performance report and the board pack, produced from the command line. */
@CcrHubTest
class ReportCommandsIntegrationTests {

  static final String PLAN_CSV =
      """
      Outcome,Area,Ref,Action,Due,Lead,RAG,Comment
      1 Coordinated community response,1.1 Governance,1.1.1,Refresh the strategy,Q2,VAWG Strategic Group,Green,On track
      ,,1.1.2,Agree an information sharing protocol,Q1,Community Safety Team,Amber/Red,Legal review delayed
      2 Support for survivors,,2.1,Commission refuge spaces,Business as usual,Commissioning Group,Red,Provider withdrew
      """;

  @Autowired AdminCommands commands;
  @Autowired Indicators indicators;
  @Autowired Partnerships partnerships;
  @TempDir Path dir;

  String slug;

  @BeforeEach
  void partnershipWithAPlanAndIndicators() throws Exception {
    slug = "reports-" + System.nanoTime();
    assertThat(
            commands
                .run("partnership", "create", "--slug", slug, "--name", "Reports CSP")
                .exitCode())
        .isZero();
    Path plan = dir.resolve("plan.csv");
    Files.writeString(plan, PLAN_CSV, StandardCharsets.UTF_8);
    AdminCommands.Result imported =
        commands.run(
            "plan",
            "import",
            "--partnership",
            slug,
            "--plan",
            "VAWG plan",
            "--year",
            "2016/17",
            "--file",
            plan.toString(),
            "--period",
            "2016/17 Q2");
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    Partnership p = partnerships.named(slug);
    indicators.save(
        p, count("1", "Domestic abuse offences", Polarity.LOWER_IS_BETTER, "1500", "-20"));
    indicators.save(p, count("2", "Stalking referrals", Polarity.HIGHER_IS_BETTER, null, null));
    Indicator offences = indicators.findByRef(p, "1").orElseThrow();
    Indicator stalking = indicators.findByRef(p, "2").orElseThrow();
    List<ValueEntry> values = new ArrayList<>();
    YearMonth first = YearMonth.of(2014, 10);
    for (int i = 0; i < 24; i++) {
      YearMonth month = first.plusMonths(i);
      // offences: 100 a month, then 93 (1200 -> 1116); stalking: 0 then 3 in the last year
      values.add(entry(offences, "", month, i < 12 ? 100 : 93));
      values.add(entry(offences, "London", month, i < 12 ? 5000 : 4750));
      values.add(entry(stalking, "", month, i == 23 ? 3 : 0));
    }
    indicators.record(p, values, "test");
  }

  private static Indicator count(
      String ref, String name, Polarity polarity, String baseline, String changePct) {
    return new Indicator(
        0,
        ref,
        name,
        "",
        Unit.COUNT,
        polarity,
        Frequency.MONTHLY,
        "Police",
        "",
        null,
        baseline == null ? null : IndicatorPeriod.parse("2011/12"),
        baseline == null ? null : new BigDecimal(baseline),
        changePct == null ? null : IndicatorPeriod.parse("2016/17"),
        null,
        changePct == null ? null : new BigDecimal(changePct),
        Indicator.DEFAULT_TOLERANCE,
        List.of(),
        false,
        0);
  }

  private static ValueEntry entry(Indicator indicator, String area, YearMonth month, int value) {
    return new ValueEntry(
        indicator.id(), area, IndicatorPeriod.month(month), BigDecimal.valueOf(value), null, null);
  }

  @Test
  void thePerformanceCsvHasTheColumnsAndFiguresWithSmallNumbersSuppressed() throws Exception {
    Path out = dir.resolve("performance.csv");
    AdminCommands.Result result =
        commands.run(
            "report",
            "performance",
            "--partnership",
            slug,
            "--to",
            "2016-09",
            "--format",
            "csv",
            "--out",
            out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("2 indicators to 2016-09 written to");
    // offences: Oct 2015 - Sep 2016 = 12 × 93 = 1116 against 1200: -7.0%; against 1500: -25.6%;
    // London 60000 -> 57000: -5.0%; target 1500 × 0.8 = 1200; trajectory at Sep 2016 is
    // (1500 × 6 + 1200 × 54) / 60 = 1230, and 1116 is under it: Green.
    // stalking: 3 in the last 12 months is shown as <5
    assertThat(Files.readString(out))
        .isEqualTo(
            "ref,name,previous_12_months,current_12_months,change_pct,change_points,baseline,"
                + "change_vs_baseline_pct,comparator_change_pct,target,rating\r\n"
                + "1,Domestic abuse offences,1200,1116,-7.0,,1500,-25.6,-5.0,1200,Green\r\n"
                + "2,Stalking referrals,0,<5,,,,,,,\r\n");

    Path xlsx = dir.resolve("performance.xlsx");
    assertThat(
            commands
                .run(
                    "report",
                    "performance",
                    "--partnership",
                    slug,
                    "--to",
                    "2016-09",
                    "--format",
                    "xlsx",
                    "--out",
                    xlsx.toString())
                .exitCode())
        .isZero();
    try (var workbook =
        org.apache.poi.ss.usermodel.WorkbookFactory.create(Files.newInputStream(xlsx))) {
      var sheet = workbook.getSheetAt(0);
      // under the marking, title, date and header rows, figures are numbers a spreadsheet can
      // add up (a percentage as a spreadsheet percentage); hidden ones stay text
      assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).isEqualTo("Current 12 months");
      assertThat(sheet.getRow(5).getCell(3).getNumericCellValue()).isEqualTo(1116.0);
      assertThat(sheet.getRow(5).getCell(4).getNumericCellValue()).isEqualTo(-0.07);
      assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("1");
      assertThat(sheet.getRow(6).getCell(3).getStringCellValue()).isEqualTo("<5");
    }

    Path unsuppressed = dir.resolve("unsuppressed.csv");
    assertThat(
            commands
                .run(
                    "report",
                    "performance",
                    "--partnership",
                    slug,
                    "--to",
                    "2016-09",
                    "--format",
                    "csv",
                    "--out",
                    unsuppressed.toString(),
                    "--unsuppressed")
                .exitCode())
        .isZero();
    assertThat(Files.readString(unsuppressed)).contains("2,Stalking referrals,0,3,,,,,,,");
  }

  @Test
  void aMonthThatIsNotAMonthIsRefused() {
    AdminCommands.Result result =
        commands.run(
            "report",
            "performance",
            "--partnership",
            slug,
            "--to",
            "2016/17",
            "--format",
            "csv",
            "--out",
            dir.resolve("x.csv").toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("'2016/17' is not a month");
  }

  @Test
  void theBoardPackHasTheCoverPlansPerformanceAndMarkingOnEveryPage() throws Exception {
    Path out = dir.resolve("pack.pdf");
    AdminCommands.Result result =
        commands.run(
            "report",
            "board-pack",
            "--partnership",
            slug,
            "--period",
            "2016/17 Q2",
            "--board",
            "Reports CSP board",
            "--meeting-date",
            "2016-11-15",
            "--format",
            "pdf",
            "--out",
            out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Board pack for 2016/17 Q2 (1 plans, 2 indicators)");
    Files.copy(
        out,
        Path.of(System.getProperty("java.io.tmpdir"), "ccr-board-pack-test.pdf"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(out))) {
      int pages = pdf.getNumberOfPages();
      assertThat(pages).isGreaterThanOrEqualTo(4);
      PDFTextStripper stripper = new PDFTextStripper();
      String all = stripper.getText(pdf);
      assertThat(all)
          .contains("Reports CSP board: board pack")
          .contains("15 November 2016")
          .contains("Key to ratings")
          .contains("Exception report: VAWG plan")
          .contains("1.1.2")
          .contains("Provider withdrew")
          .contains("Performance to September 2016")
          .contains("Domestic abuse offences")
          .contains("Charts");
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(pdf);
        assertThat(text)
            .as("page " + page)
            .contains("OFFICIAL")
            .contains("Page " + page + " of " + pages);
      }
    }

    Path html = dir.resolve("pack.html");
    assertThat(
            commands
                .run(
                    "report",
                    "board-pack",
                    "--partnership",
                    slug,
                    "--period",
                    "2016/17 Q2",
                    "--plan",
                    "VAWG plan",
                    "--format",
                    "html",
                    "--out",
                    html.toString())
                .exitCode())
        .isZero();
    String page = Files.readString(html);
    assertThat(page)
        .contains("Reports CSP board: board pack")
        .contains("<svg")
        .contains("role=\"img\"");
  }

  /**
   * The contents list each section with the page it starts on, and that page has the section's
   * heading.
   */
  @Test
  void theBoardPackContentsGiveThePageEachSectionStartsOn() throws Exception {
    Path out = dir.resolve("contents.pdf");
    AdminCommands.Result result =
        commands.run(
            "report",
            "board-pack",
            "--partnership",
            slug,
            "--period",
            "2016/17 Q2",
            "--format",
            "pdf",
            "--out",
            out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(out))) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      String contents = stripper.getText(pdf);
      List<String> sections =
          List.of(
              "Key to ratings",
              "Delivery plans at a glance",
              "Exception report: VAWG plan",
              "Performance to September 2016",
              "Charts");
      int previous = 1;
      for (String section : sections) {
        java.util.regex.Matcher entry =
            java.util.regex.Pattern.compile(
                    java.util.regex.Pattern.quote(section) + "[ .]+ (\\d+)\\s*$",
                    java.util.regex.Pattern.MULTILINE)
                .matcher(contents);
        assertThat(entry.find()).as("a page number after '%s' in %s", section, contents).isTrue();
        int page = Integer.parseInt(entry.group(1));
        assertThat(page).as(section).isGreaterThanOrEqualTo(previous).isGreaterThan(1);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        assertThat(stripper.getText(pdf)).as("page %d", page).contains(section);
        previous = page;
      }
    }
  }

  @Test
  void anUnknownPlanIsRefusedWithItsName() {
    AdminCommands.Result result =
        commands.run(
            "report",
            "board-pack",
            "--partnership",
            slug,
            "--period",
            "2016/17 Q2",
            "--plan",
            "No such plan",
            "--format",
            "pdf",
            "--out",
            dir.resolve("x.pdf").toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("There is no plan called 'No such plan'");
  }
}
