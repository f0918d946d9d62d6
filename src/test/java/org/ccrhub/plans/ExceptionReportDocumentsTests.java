package org.ccrhub.plans;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccrhub.plans.PlanSnapshotFixture.aPlan;
import static org.ccrhub.shared.RagRating.AMBER_GREEN;
import static org.ccrhub.shared.RagRating.AMBER_RED;
import static org.ccrhub.shared.RagRating.COMPLETED;
import static org.ccrhub.shared.RagRating.GREEN;
import static org.ccrhub.shared.RagRating.RED;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ccrhub.documents.Documents;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.ccrhub.shared.TooLargeException;
import org.junit.jupiter.api.Test;

class ExceptionReportDocumentsTests {

  private static final Documents DOCUMENTS = Documents.fromClasspath();
  private static final Partnership HARINGEY =
      new Partnership(1, "haringey", "Haringey Community Safety Partnership");
  private static final String OWN_RED = "Our words: the board must step in now";

  private final ExceptionReportDocuments documents =
      new ExceptionReportDocuments(
          DOCUMENTS,
          p -> definitions(RagScheme.FOUR),
          Clock.fixed(Instant.parse("2016-10-05T09:00:00Z"), ZoneId.of("Europe/London")));

  private static Map<RagRating, String> definitions(RagScheme scheme) {
    Map<RagRating, String> definitions = new EnumMap<>(RagRating.class);
    scheme.allowed().forEach(r -> definitions.put(r, scheme.defaultDefinition(r)));
    definitions.put(RED, OWN_RED);
    return definitions;
  }

  /** Red, Amber/Red and an overdue Green action; a Completed one and one not updated. */
  private static ExceptionReport report() {
    return aPlan(RagScheme.FOUR)
        .marked("OFFICIAL-SENSITIVE")
        .outcome("1", "Coordinated community response")
        .action("1.1", "Refresh the MARAC operating protocol", "Q1", "MARAC coordinator")
        .ratedBefore(GREEN, "Drafting")
        .rated(GREEN, "Draft with partners – signing off in October")
        .action("1.2", "Commission the IDVA service", "Q1", "Commissioning")
        .rated(COMPLETED, "Contract let")
        .outcome("2", "Prevention")
        .action("2.10", "Fund the perpetrator programme", "March 2017", "MOPAC")
        .ratedBefore(RED, "No funding")
        .rated(RED, "-£18,000 gap: MOPAC funding not yet confirmed")
        .action(
            "2.9",
            "Deliver healthy relationships sessions in schools",
            "Q4",
            "Public health",
            "Schools")
        .ratedBefore(AMBER_GREEN, "Booking schools")
        .rated(AMBER_RED, "Only 4 of 12 schools booked, “consent” module delayed")
        .action("2.12", "Map specialist support services", "Q4", "Community safety")
        .ratedBefore(GREEN, "Started")
        .report();
  }

  /**
   * A PDF longer than the server has memory for is refused, saying what to download instead: before
   * its HTML is made when its exceptions alone are too many, or as soon as its HTML grows too long.
   * The spreadsheets of the same report are still made.
   */
  @Test
  void aPdfTooLongForTheMemoryIsRefusedSayingToDownloadTheSpreadsheet() {
    String tooLong =
        "This exception report is too long to make as a PDF. Download it as a spreadsheet (XLSX or"
            + " CSV) instead: it lists every exception.";
    for (int most : List.of(1_000, 20_000)) {
      ExceptionReportDocuments small =
          new ExceptionReportDocuments(
              Documents.fromClasspath(most),
              p -> definitions(RagScheme.FOUR),
              Clock.fixed(Instant.parse("2016-10-05T09:00:00Z"), ZoneId.of("Europe/London")));
      assertThatThrownBy(() -> small.render(HARINGEY, report(), ReportFormat.PDF))
          .as("at most %d characters", most)
          .isInstanceOf(TooLargeException.class)
          .hasMessage(tooLong);
      assertThat(small.render(HARINGEY, report(), ReportFormat.XLSX)).isNotEmpty();
      assertThat(new String(small.render(HARINGEY, report(), ReportFormat.CSV), UTF_8))
          .contains("2.10,Fund the perpetrator programme");
    }
    assertThat(documents.render(HARINGEY, report(), ReportFormat.PDF))
        .startsWith("%PDF".getBytes());
  }

  @Test
  void writesCsvWithOneRowPerExceptionInNaturalRefOrder() {
    String csv =
        new String(documents.render(HARINGEY, report(), ReportFormat.CSV), StandardCharsets.UTF_8);

    assertThat(csv)
        .isEqualTo(
            "outcome,ref,action,lead,due,rating,previous_rating,overdue,comment\r\n"
                + "1 Coordinated community response,1.1,Refresh the MARAC operating protocol,"
                + "MARAC coordinator,Q1,Green,Green,yes,Draft with partners – signing off in October\r\n"
                + "2 Prevention,2.9,Deliver healthy relationships sessions in schools,"
                + "Public health; Schools,Q4,Amber/Red,Amber/Green,no,"
                + "\"Only 4 of 12 schools booked, “consent” module delayed\"\r\n"
                + "2 Prevention,2.10,Fund the perpetrator programme,MOPAC,March 2017,Red,Red,no,"
                + "\"'-£18,000 gap: MOPAC funding not yet confirmed\"\r\n");
  }

  @Test
  void writesXlsxWithExceptionsByOutcomeSummaryNotUpdatedAndMovements() throws IOException {
    byte[] xlsx = documents.render(HARINGEY, report(), ReportFormat.XLSX);

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Exceptions");
      assertThat(List.of(1, 2, 3))
          .extracting(i -> workbook.getSheetAt(i).getSheetName())
          .containsExactly("Summary", "Not updated", "Movements");

      List<List<String>> exceptions = rows(workbook.getSheet("Exceptions"));
      assertThat(exceptions.get(0)).containsExactly("OFFICIAL-SENSITIVE");
      assertThat(exceptions.get(1).get(0))
          .isEqualTo(
              "Haringey Community Safety Partnership: Exception report for VAWG Delivery Plan,"
                  + " 2016/17 Q2");
      // the date produced is a date, shown the UK way
      assertThat(exceptions.get(2)).containsExactly("Produced", "05/10/2016");
      assertThat(DateUtil.isCellDateFormatted(workbook.getSheet("Exceptions").getRow(2).getCell(1)))
          .isTrue();
      assertThat(exceptions.subList(4, exceptions.size()))
          .containsExactly(
              List.of(
                  "Outcome",
                  "Ref",
                  "Action",
                  "Lead",
                  "Due",
                  "Rating 2016/17 Q2",
                  "Rating 2016/17 Q1",
                  "Overdue",
                  "Comment"),
              List.of("1 Coordinated community response"),
              List.of(
                  "1 Coordinated community response",
                  "1.1",
                  "Refresh the MARAC operating protocol",
                  "MARAC coordinator",
                  "Q1",
                  "Green",
                  "Green",
                  "Yes",
                  "Draft with partners – signing off in October"),
              List.of("2 Prevention"),
              List.of(
                  "2 Prevention",
                  "2.9",
                  "Deliver healthy relationships sessions in schools",
                  "Public health; Schools",
                  "Q4",
                  "Amber/Red",
                  "Amber/Green",
                  "No",
                  "Only 4 of 12 schools booked, “consent” module delayed"),
              List.of(
                  "2 Prevention",
                  "2.10",
                  "Fund the perpetrator programme",
                  "MOPAC",
                  "March 2017",
                  "Red",
                  "Red",
                  "No",
                  "'-£18,000 gap: MOPAC funding not yet confirmed"));
      assertThat(workbook.getSheet("Exceptions").getRow(4).getCell(0).getCellStyle())
          .matches(style -> workbook.getFontAt(style.getFontIndex()).getBold(), "bold header");
      assertThat(workbook.getSheet("Exceptions").getHeader().getCenter())
          .isEqualTo("OFFICIAL-SENSITIVE");
      // columns fit their content: the action column is as wide as its longest action
      assertThat(workbook.getSheet("Exceptions").getColumnWidth(2))
          .isEqualTo(("Deliver healthy relationships sessions in schools".length() + 2) * 256);

      assertThat(rows(workbook.getSheet("Summary")).subList(4, 8))
          .containsExactly(
              List.of(
                  "Outcome",
                  "Green",
                  "Amber/Green",
                  "Amber/Red",
                  "Red",
                  "Not started",
                  "Completed",
                  "Not rated",
                  "Total"),
              List.of("1 Coordinated community response", "1", "0", "0", "0", "0", "1", "0", "2"),
              List.of("2 Prevention", "0", "0", "1", "1", "0", "0", "1", "3"),
              List.of("Whole plan", "1", "0", "1", "1", "0", "1", "1", "5"));
      // counts are numbers
      assertThat(workbook.getSheet("Summary").getRow(7).getCell(8).getNumericCellValue())
          .isEqualTo(5.0);
      assertThat(rows(workbook.getSheet("Not updated")).subList(4, 6))
          .containsExactly(
              List.of("Outcome", "Ref", "Action", "Lead", "Due"),
              List.of(
                  "2 Prevention",
                  "2.12",
                  "Map specialist support services",
                  "Community safety",
                  "Q4"));
      assertThat(rows(workbook.getSheet("Movements")).subList(4, 6))
          .containsExactly(
              List.of("Outcome", "Ref", "Action", "Rating 2016/17 Q1", "Rating 2016/17 Q2"),
              List.of(
                  "2 Prevention",
                  "2.9",
                  "Deliver healthy relationships sessions in schools",
                  "Amber/Green",
                  "Amber/Red"));
    }
  }

  @Test
  void aDueDateWrittenAsADateIsADateCellAndAnyOtherDueStaysAsWritten() {
    FinancialYear year = FinancialYear.parse("2016/17");
    assertThat(ExceptionReportDocuments.due(Due.parse("30/11/2016", year)))
        .isEqualTo(java.time.LocalDate.of(2016, 11, 30));
    assertThat(ExceptionReportDocuments.due(Due.parse("2016-11-30", year)))
        .isEqualTo(java.time.LocalDate.of(2016, 11, 30));
    assertThat(ExceptionReportDocuments.due(Due.parse("Q3", year))).isEqualTo("Q3");
    assertThat(ExceptionReportDocuments.due(Due.parse("March 2017", year))).isEqualTo("March 2017");
    assertThat(ExceptionReportDocuments.due(Due.parse("Ongoing", year))).isEqualTo("Ongoing");
  }

  @Test
  void writesHtmlDocumentWithTheExceptionsUnderTheirOutcomeHeadings() throws Exception {
    String html =
        new String(documents.render(HARINGEY, report(), ReportFormat.HTML), StandardCharsets.UTF_8);

    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(html)
        .contains("<title>Exception report 2016/17 Q2: VAWG Delivery Plan (OFFICIAL-SENSITIVE)")
        .contains("Haringey Community Safety Partnership")
        .contains(OWN_RED)
        .doesNotContain("<script", "<link", "src=")
        .containsSubsequence(
            ">1 Coordinated community response</h3>",
            ">Refresh the MARAC operating protocol<",
            ">Overdue<",
            ">2 Prevention</h3>",
            ">Deliver healthy relationships sessions in schools<",
            ">Amber/Red<",
            ">Amber/Green<",
            ">Fund the perpetrator programme<",
            ">-£18,000 gap: MOPAC funding not yet confirmed<",
            "Summary",
            ">Whole plan<",
            "Not updated this period",
            ">Map specialist support services<",
            "Movements since 2016/17 Q1",
            "1 action changed rating: 1 worse.",
            ">Amber/Green</strong> to <strong",
            ">Amber/Red</strong>",
            "(1 action)",
            ">2.9 Deliver healthy relationships sessions in schools</li>")
        .doesNotContain(">Commission the IDVA service<");
  }

  @Test
  void manyMovementsAreListedByRefWithAPointerToTheSpreadsheet() {
    PlanSnapshotFixture plan = aPlan(RagScheme.FOUR).outcome("1", "Prevention");
    for (int i = 1; i <= 41; i++) {
      plan.action("1." + i, "Action number " + i, "Q4", "Police")
          .ratedBefore(GREEN, "")
          .rated(AMBER_GREEN, "Slipping");
    }

    String html =
        new String(
            documents.render(HARINGEY, plan.report(), ReportFormat.HTML), StandardCharsets.UTF_8);

    assertThat(html)
        .contains("41 actions changed rating: 41 worse.")
        .contains("so they are listed by ref")
        .contains("(41 actions)")
        .contains(">1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 1.10, 1.11,")
        .doesNotContain("<ul class=\"govuk-list app-movements__actions\"")
        .doesNotContain(">1.1 Action number 1<");
  }

  @Test
  void countsThousandsOfExceptionsAtAGlance() {
    PlanSnapshotFixture plan = aPlan(RagScheme.FOUR).outcome("1", "Prevention");
    for (int i = 1; i <= 6_000; i++) {
      plan.action("1." + i, "Action number " + i, "Q4", "Police")
          .rated(i % 3 == 0 ? AMBER_RED : RED, "Slipping");
    }

    String html =
        new String(
            documents.render(HARINGEY, plan.report(), ReportFormat.HTML), StandardCharsets.UTF_8);

    assertThat(html.replaceAll("\\s+", " "))
        .contains("6,000 of 6,000 actions")
        .containsSubsequence(
            "Rated Red", ">4,000<", "Rated Amber/Red", ">2,000<", "Overdue", ">0<");
  }

  @Test
  void writesPdfWithTheMarkingAndPageNumberOnEveryPage() throws IOException {
    ExceptionReport report = longReport();

    byte[] pdf = documents.render(HARINGEY, report, ReportFormat.PDF);
    Path copy = Path.of("target", "exception-report.pdf");
    Files.createDirectories(copy.getParent());
    Files.write(copy, pdf);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThanOrEqualTo(3);
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(document);
        assertThat(text)
            .as("page %d", page)
            .contains("OFFICIAL-SENSITIVE", "Page " + page + " of " + pages);
        assertThat(text.split("OFFICIAL-SENSITIVE", -1).length - 1)
            .as("markings on page %d", page)
            .isGreaterThanOrEqualTo(2);
      }
      stripper.setStartPage(1);
      stripper.setEndPage(pages);
      String all = stripper.getText(document).replaceAll("\\s+", " ");
      assertThat(all)
          .contains(
              "Haringey Community Safety Partnership",
              "Exception report 2016/17 Q2",
              "VAWG Delivery Plan (2016/17)",
              "5 October 2016",
              OWN_RED,
              "Draft with partners – signing off in October",
              "Only 4 of 12 schools booked, “consent” module delayed",
              "-£18,000 gap: MOPAC funding not yet confirmed",
              "Extra action 4.12",
              "Whole plan");
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Exception report 2016/17 Q2: VAWG Delivery Plan (OFFICIAL-SENSITIVE)");
    }
  }

  /**
   * Leads and due dates as plans write them are never broken inside a word in the PDF: "Community
   * Safety Team; Youth service" may wrap between words, "Q3/4" or "Business as usual" not within
   * one. A broken word would come out of the PDF as two pieces.
   */
  @Test
  void leadsAndDueDatesAreNotBrokenInsideAWordInThePdf() throws IOException {
    ExceptionReport report =
        aPlan(RagScheme.FOUR)
            .outcome("1", "Prevention")
            .action(
                "1.1",
                "Concerted partnership work in hotspots",
                "Q3/4",
                "Community Safety Team",
                "Youth service")
            .rated(RED, "Delayed")
            .action(
                "1.2",
                "Deliver the multi-agency safeguarding training programme",
                "Business as usual",
                "Safeguarding Adults Board",
                "Metropolitan Police Service")
            .rated(AMBER_RED, "Fewer places than planned")
            .action(
                "1.3",
                "Review the domestic homicide review action plans",
                "31 March 2017",
                "Community Safety Partnership Board",
                "Commissioning",
                "Safer Neighbourhoods")
            .rated(RED, "Not started")
            .action(
                "1.4",
                "Agree the information sharing protocol",
                "Ongoing",
                "Multi-Agency Risk Assessment Conference (MARAC) coordinator")
            .rated(RED, "Protocol not signed by Health or Probation; escalated to the Board chair")
            .action(
                "1.5", "Run the sanctuary scheme", "2016/17", "Children’s Services", "Women’s Aid")
            .rated(RED, "The landlord’s consent is still awaited")
            .report();

    byte[] pdf = documents.render(HARINGEY, report, ReportFormat.PDF);
    Path copy = Path.of("target", "exception-report-leads.pdf");
    Files.createDirectories(copy.getParent());
    Files.write(copy, pdf);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> words = List.of(new PDFTextStripper().getText(document).split("\\s+"));
      assertThat(words)
          .contains(
              "Q3/4",
              "Community",
              "Safety",
              "Team;",
              "Youth",
              "service",
              "Business",
              "usual",
              "31",
              "March",
              "2017",
              "Ongoing",
              "Safeguarding",
              "Metropolitan",
              "Partnership",
              "Commissioning;",
              "Neighbourhoods",
              "Multi-Agency",
              "Assessment",
              "(MARAC)",
              "coordinator",
              "2016/17",
              "Children’s",
              "Services;",
              "Women’s",
              "landlord’s");
    }
  }

  /** The report above with two more outcomes of a dozen Red actions each: several pages. */
  private static ExceptionReport longReport() {
    PlanSnapshotFixture plan =
        aPlan(RagScheme.FOUR)
            .marked("OFFICIAL-SENSITIVE")
            .outcome("1", "Coordinated community response")
            .action("1.1", "Refresh the MARAC operating protocol", "Q1", "MARAC coordinator")
            .ratedBefore(GREEN, "Drafting")
            .rated(GREEN, "Draft with partners – signing off in October")
            .outcome("2", "Prevention")
            .action("2.10", "Fund the perpetrator programme", "March 2017", "MOPAC")
            .ratedBefore(RED, "No funding")
            .rated(RED, "-£18,000 gap: MOPAC funding not yet confirmed")
            .action(
                "2.9",
                "Deliver healthy relationships sessions in schools",
                "Q4",
                "Public health",
                "Schools")
            .ratedBefore(AMBER_GREEN, "Booking schools")
            .rated(AMBER_RED, "Only 4 of 12 schools booked, “consent” module delayed");
    List<String> titles = new ArrayList<>(List.of("Support for victim/survivors", "Perpetrators"));
    for (int o = 3; o <= 4; o++) {
      plan.outcome(String.valueOf(o), titles.get(o - 3));
      for (int a = 1; a <= 12; a++) {
        plan.action(
                o + "." + a,
                "Extra action "
                    + o
                    + "."
                    + a
                    + ": extend the sanctuary scheme to private rented tenants and review"
                    + " the referral pathway with housing providers",
                a % 3 == 0 ? "Q1" : "Q4",
                "Housing",
                "Police")
            .ratedBefore(a % 2 == 0 ? AMBER_GREEN : RED, "Earlier comment")
            .rated(
                a % 2 == 0 ? AMBER_RED : RED,
                "Delayed by the landlord’s consent process; the provider has asked for a"
                    + " further £2,500 and a revised start date – the group will decide in"
                    + " November whether to re-tender.");
      }
    }
    return plan.report();
  }

  private static List<List<String>> rows(Sheet sheet) {
    DataFormatter format = new DataFormatter();
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      List<String> cells = new ArrayList<>();
      if (row != null) {
        for (int c = 0; c < row.getLastCellNum(); c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null ? "" : format.formatCellValue(cell));
        }
      }
      rows.add(cells);
    }
    return rows;
  }
}
