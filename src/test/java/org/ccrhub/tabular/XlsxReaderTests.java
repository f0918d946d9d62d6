package org.ccrhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccrhub.tabular.SpreadsheetFiles.text;
import static org.ccrhub.tabular.SpreadsheetFiles.xlsx;
import static org.ccrhub.tabular.SpreadsheetFiles.xlsxRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxReaderTests {

  @Test
  void readsCellsAsExcelShowsThemWithFormulasAsTheirValues() throws IOException {
    byte[] file;
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = workbook.createSheet("Plan");
      Row header = sheet.createRow(0);
      for (String name : List.of("ref", "action", "baseline", "due", "done", "total")) {
        header.createCell(header.getPhysicalNumberOfCells()).setCellValue(name);
      }
      Row row = sheet.createRow(2);
      row.createCell(0).setCellValue("1.1");
      row.createCell(1).setCellValue("Train staff\nin two lines");
      row.createCell(2).setCellValue(1200);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      row.createCell(3).setCellValue(java.time.LocalDate.of(2017, 3, 31));
      row.getCell(3).setCellStyle(date);
      row.createCell(4).setCellValue(true);
      row.createCell(5).setCellFormula("C3*2");
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      workbook.createSheet("Second").createRow(0).createCell(0).setCellValue("ignored");
      workbook.write(out);
      file = out.toByteArray();
    }
    Table table = Tables.read(file);
    assertThat(table.header()).containsExactly("ref", "action", "baseline", "due", "done", "total");
    assertThat(table.rows()).hasSize(1);
    assertThat(table.rows().get(0).number()).isEqualTo(3);
    assertThat(table.rows().get(0).cells())
        .containsExactly("1.1", "Train staff\nin two lines", "1200", "31/03/2017", "TRUE", "2400");
  }

  @Test
  void readsExcelsBuiltInShortDateTheUkWayRound() throws IOException {
    byte[] file;
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = workbook.createSheet("Values");
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("period");
      header.createCell(1).setCellValue("recorded");
      Row row = sheet.createRow(1);
      CellStyle shortDate = workbook.createCellStyle();
      shortDate.setDataFormat((short) 14); // what Excel gives a date typed as 30/11/2026
      CellStyle dateTime = workbook.createCellStyle();
      dateTime.setDataFormat((short) 22);
      row.createCell(0).setCellValue(java.time.LocalDate.of(2026, 11, 30));
      row.getCell(0).setCellStyle(shortDate);
      row.createCell(1).setCellValue(java.time.LocalDateTime.of(2026, 2, 3, 16, 21));
      row.getCell(1).setCellStyle(dateTime);
      workbook.write(out);
      file = out.toByteArray();
    }
    assertThat(Tables.read(file).rows().get(0).cells())
        .containsExactly("30/11/2026", "03/02/2026 16:21");
  }

  @Test
  void readsSharedStringsWithRunsButNotTheirPhoneticGuides() {
    byte[] file =
        xlsx(
            text(
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                    + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c>"
                    + "</row>"),
            "<si><t>ref</t></si><si><t>action</t></si><si><t>1.1</t></si>"
                + "<si><r><t>Fund </t></r><r><t>refuges</t></r><rPh><t>ふりがな</t></rPh></si>");
    assertThat(Tables.read(file).rows().get(0).cells()).containsExactly("1.1", "Fund refuges");
  }

  @Test
  void readsOnlyTheHeadersColumnsSoAFileWithACellInXfdOnEveryRowCostsNothing() {
    byte[] file =
        xlsx(
            out -> {
              out.write(xlsxRow(1, "ref", "action").getBytes(StandardCharsets.UTF_8));
              for (int r = 2; r <= 200_001; r++) {
                out.write(
                    ("<row r=\"" + r + "\"><c r=\"XFD" + r + "\"><v>1</v></c></row>")
                        .getBytes(StandardCharsets.UTF_8));
              }
              out.write(xlsxRow(200_002, "9.9", "Last action").getBytes(StandardCharsets.UTF_8));
            },
            "");
    long started = System.nanoTime();
    Table table = Tables.read(file);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(table.header()).containsExactly("ref", "action");
    assertThat(table.rows()).hasSize(1);
    assertThat(table.rows().get(0).number()).isEqualTo(200_002);
    assertThat(table.rows().get(0).cells()).containsExactly("9.9", "Last action");
  }

  @Test
  void refusesRowsPastTheRowLimit() {
    byte[] file =
        xlsx(
            out -> {
              out.write(xlsxRow(1, "ref", "action").getBytes(StandardCharsets.UTF_8));
              for (int r = 2; r <= 100_002; r++) {
                out.write(
                    ("<row r=\""
                            + r
                            + "\"><c r=\"A"
                            + r
                            + "\"><v>"
                            + r
                            + "</v></c>"
                            + "<c r=\"XFD"
                            + r
                            + "\"><v>1</v></c></row>")
                        .getBytes(StandardCharsets.UTF_8));
              }
            },
            "");
    assertThatThrownBy(() -> Tables.read(file))
        .hasMessage("The file has more than 100,000 rows: split it or raise ccr.imports.max-rows");
  }

  @Test
  void refusesALongCellWhetherInlineOrShared() {
    byte[] inline =
        xlsx(text(xlsxRow(1, "ref", "action") + xlsxRow(2, "1", "x".repeat(40_000))), "");
    assertThatThrownBy(() -> Tables.read(inline))
        .hasMessage(
            "Row 2, column B has more than 32,000 characters: shorten it or raise"
                + " ccr.imports.max-cell-characters");
    byte[] shared =
        xlsx(
            text(
                xlsxRow(1, "ref", "action")
                    + "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>0</v></c></row>"),
            "<si><t>" + "y".repeat(40_000) + "</t></si>");
    assertThatThrownBy(() -> Tables.read(shared)).hasMessageStartingWith("Row 3, column B has");
  }

  @Test
  void refusesAZipBombAndAFileThatUnpacksPastTheSizeLimit() {
    byte[] bomb =
        xlsx(
            out -> {
              out.write(xlsxRow(1, "ref", "action").getBytes(StandardCharsets.UTF_8));
              byte[] spaces = new byte[1 << 20];
              java.util.Arrays.fill(spaces, (byte) ' ');
              for (int i = 0; i < 120; i++) {
                out.write(spaces);
              }
            },
            "");
    assertThat(bomb.length).isLessThan(1_000_000);
    assertThatThrownBy(() -> Tables.read(bomb))
        .hasMessageStartingWith("The file unpacks to over 100 times its size");

    StringBuilder rows = new StringBuilder(xlsxRow(1, "ref", "action"));
    for (int r = 2; r < 2000; r++) {
      rows.append(xlsxRow(r, Integer.toString(r * 7919), "Action " + r * 104729));
    }
    ImportLimits small = new ImportLimits(100_000, 100, 32_000, 50_000, Duration.ofSeconds(10));
    assertThatThrownBy(() -> Tables.read(xlsx(text(rows.toString()), ""), small))
        .hasMessage(
            "The file expands to more than 50,000 bytes once unpacked: split it or raise"
                + " ccr.imports.max-expanded-size");
  }

  @Test
  void refusesABrokenSpreadsheetPlainly() {
    byte[] broken = SpreadsheetFiles.zip("xl/workbook.xml", "<not-a-workbook");
    assertThatThrownBy(() -> Tables.read(broken))
        .hasMessage(
            "The file looks like a spreadsheet but could not be read: save it as XLSX or CSV and"
                + " try again");
  }
}
