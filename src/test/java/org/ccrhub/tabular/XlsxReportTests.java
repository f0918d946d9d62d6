package org.ccrhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxReportTests {

  private static final LocalDate PRODUCED = LocalDate.of(2016, 11, 2);

  private static XSSFWorkbook read(byte[] xlsx) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
  }

  private static byte[] report(String longText) {
    try (XlsxReport report =
        new XlsxReport(
            "Performance report",
            "Haringey Community Safety Partnership",
            "12 months to October 2016",
            "OFFICIAL-SENSITIVE",
            PRODUCED)) {
      XlsxReport.ReportSheet sheet =
          report.sheet("Figures", List.of("Ref", "Indicator", "Current 12 months", "Change %"));
      sheet.row(
          Arrays.asList(
              "1.1",
              "Domestic abuse offences",
              XlsxReport.figure(new BigDecimal("12345"), XlsxReport.Format.WHOLE),
              XlsxReport.figure(new BigDecimal("-7.2"), XlsxReport.Format.PERCENT)));
      sheet.row(() -> Arrays.asList("=1+1", longText, "<5", LocalDate.of(2017, 3, 31)));
      sheet.heading("Outcome 2");
      sheet.total(Arrays.asList("Whole plan", null, 7, null));
      return report.bytes();
    }
  }

  @Test
  void theSheetHasTheMarkingTitleDateAndHeaderAboveItsRows() throws IOException {
    try (XSSFWorkbook workbook = read(report("Short"))) {
      Sheet sheet = workbook.getSheet("Figures");
      DataFormatter shown = new DataFormatter(Locale.UK);

      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("OFFICIAL-SENSITIVE");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
          .isEqualTo(
              "Haringey Community Safety Partnership: Performance report, 12 months to October"
                  + " 2016");
      assertThat(workbook.getProperties().getCoreProperties().getTitle())
          .isEqualTo(sheet.getRow(1).getCell(0).getStringCellValue());
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Produced");
      assertThat(DateUtil.isCellDateFormatted(sheet.getRow(2).getCell(1))).isTrue();
      assertThat(shown.formatCellValue(sheet.getRow(2).getCell(1))).isEqualTo("02/11/2016");
      assertThat(sheet.getRow(3)).isNull();
      Row header = sheet.getRow(4);
      assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Current 12 months");
      assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold())
          .isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);
      assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(4);
      assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(4);
      assertThat(sheet.getHeader().getCenter()).isEqualTo("OFFICIAL-SENSITIVE");
      assertThat(sheet.getFooter().getCenter()).isEqualTo("OFFICIAL-SENSITIVE");
      assertThat(sheet.getFooter().getRight()).isEqualTo("Page &P of &N");
    }
  }

  @Test
  void numbersAreNumbersPercentagesAreSpreadsheetPercentagesAndDatesAreUkDates()
      throws IOException {
    try (XSSFWorkbook workbook = read(report("Short"))) {
      Sheet sheet = workbook.getSheet("Figures");
      DataFormatter shown = new DataFormatter(Locale.UK);
      Row first = sheet.getRow(5);

      assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(12345.0);
      assertThat(shown.formatCellValue(first.getCell(2))).isEqualTo("12,345");
      assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(-0.072);
      assertThat(shown.formatCellValue(first.getCell(3))).isEqualTo("-7.2%");

      Row second = sheet.getRow(6);
      // text that a spreadsheet would run as a formula is neutralised; hidden figures stay text
      assertThat(second.getCell(0).getStringCellValue()).isEqualTo("'=1+1");
      assertThat(second.getCell(2).getStringCellValue()).isEqualTo("<5");
      assertThat(second.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
      assertThat(shown.formatCellValue(second.getCell(3))).isEqualTo("31/03/2017");

      assertThat(sheet.getRow(7).getCell(0).getStringCellValue()).isEqualTo("Outcome 2");
      assertThat(sheet.getMergedRegion(0).formatAsString()).isEqualTo("A8:D8");
      Row total = sheet.getRow(8);
      assertThat(total.getCell(1)).isNull();
      assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(7.0);
      assertThat(workbook.getFontAt(total.getCell(2).getCellStyle().getFontIndex()).getBold())
          .isTrue();
    }
  }

  @Test
  void columnsFitTheirContentAndLongTextWrapsInARowTallEnoughForIt() throws IOException {
    String longText = "word ".repeat(40).strip(); // 199 characters
    try (XSSFWorkbook workbook = read(report(longText))) {
      Sheet sheet = workbook.getSheet("Figures");

      // the first column is as wide as "Whole plan", its longest cell
      assertThat(sheet.getColumnWidth(0)).isEqualTo(("Whole plan".length() + 2) * 256);
      // "Domestic abuse offences" fits; the long text is held to the widest column
      assertThat(sheet.getColumnWidth(1)).isEqualTo((XlsxReport.WIDEST + 2) * 256);
      // a header wraps between its words: "Current 12 months" needs only "Current"'s room
      assertThat(sheet.getColumnWidth(2)).isEqualTo(("Current".length() + 2) * 256);
      // and its row is as tall as its three lines ("Current", "12", "months")
      assertThat(sheet.getRow(4).getHeightInPoints()).isEqualTo(3 * XlsxReport.LINE_HEIGHT);
      // 199 characters in lines of 61: four lines
      assertThat(sheet.getRow(6).getHeightInPoints()).isEqualTo(4 * XlsxReport.LINE_HEIGHT);
      assertThat(sheet.getRow(6).getCell(1).getCellStyle().getWrapText()).isTrue();
    }
  }
}
