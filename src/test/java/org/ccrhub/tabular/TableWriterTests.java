package org.ccrhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.miachm.sods.SpreadSheet;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ccrhub.shared.PlainText;
import org.junit.jupiter.api.Test;

/**
 * Exported tables, of any length, read back as they were written by the app's own readers and by
 * others' (POI's usermodel for XLSX, SODS for ODS, LibreOffice by hand: ADR 5).
 */
class TableWriterTests {

  private static final List<String> HEADER =
      List.of(
          "outcome", "area", "ref", "action", "due", "lead", "links", "rag", "comment", "period");

  /** Big enough for the files of a plan of 100,000 rows, which the default import refuses. */
  private static final ImportLimits LARGE =
      new ImportLimits(100_000, 100, 32_000, 1L << 30, Duration.ofMinutes(5));

  /** Text that no XML document may hold, stored before input was cleaned of it. */
  private static final String ODD =
      "Pasted \uFFFE\uFFFF from \uD800old\uDC00 notes\u0001\u0008\u000B\u000C\u001F, with an emoji"
          + " \uD83D\uDE00";

  private static final String ODD_CLEANED = "Pasted  from old notes, with an emoji \uD83D\uDE00";

  @Test
  void writesAHundredThousandRowsAsXlsxAndOdsThatReadBackAsTheyWere() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      rows.add(
          List.of(
              "1 Prevention",
              "Schools",
              "1." + i,
              i % 1000 == 0 ? "=HYPERLINK(\"http://x\")" : "Deliver sessions in school " + i,
              "Q4",
              "Public health; Schools",
              "",
              "Red",
              "Only 4 of 12 schools booked\nconsent module delayed " + i,
              "2016/17 Q2"));
    }
    for (TableFormat format : List.of(TableFormat.XLSX, TableFormat.ODS)) {
      byte[] file = TableWriter.write(format, "VAWG delivery plan", HEADER, rows);
      Table table = Tables.read(file, LARGE);
      assertThat(table.header()).as(format.name()).isEqualTo(HEADER);
      assertThat(table.rows()).as(format.name()).hasSize(100_000);
      for (int i : List.of(0, 1, 999, 1000, 54_321, 99_999)) {
        assertThat(table.rows().get(i).cells()).as(format + " row " + i).isEqualTo(rows.get(i));
        assertThat(table.rows().get(i).number()).isEqualTo(i + 2);
      }
    }
  }

  @Test
  void odsStartsWithItsMimetypeStoredUncompressedThenTheManifest() throws IOException {
    byte[] file = TableWriter.write(TableFormat.ODS, "Plan", HEADER, List.of());

    assertThat(new String(file, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("PK\3\4");
    assertThat(file[8] | file[9] << 8).as("compression method: stored").isZero();
    int nameLength = (file[26] & 0xff) | (file[27] & 0xff) << 8;
    int extraLength = (file[28] & 0xff) | (file[29] & 0xff) << 8;
    assertThat(new String(file, 30, nameLength, StandardCharsets.US_ASCII)).isEqualTo("mimetype");
    assertThat(extraLength).as("nothing between the name and the content").isZero();
    assertThat(new String(file, 30 + nameLength, 46, StandardCharsets.US_ASCII))
        .isEqualTo("application/vnd.oasis.opendocument.spreadsheet");

    List<String> entries = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        entries.add(entry.getName());
        if (entry.getName().equals("META-INF/manifest.xml")) {
          assertThat(new String(zip.readAllBytes(), StandardCharsets.UTF_8))
              .contains(
                  "manifest:full-path=\"/\" manifest:version=\"1.2\""
                      + " manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"")
              .contains("manifest:full-path=\"content.xml\"");
        }
      }
    }
    assertThat(entries).containsExactly("mimetype", "META-INF/manifest.xml", "content.xml");
  }

  @Test
  void cellsWithTextNoXmlMayHoldAreWrittenWithoutItAndEveryFormatReadsBack() throws Exception {
    List<List<String>> rows = List.of(List.of("1.1", ODD), List.of("=1+1", "-" + ODD));
    List<List<String>> expected =
        List.of(List.of("1.1", ODD_CLEANED), List.of("=1+1", "-" + ODD_CLEANED));
    for (TableFormat format : TableFormat.values()) {
      byte[] file = TableWriter.write(format, "Plan \uFFFE\uD800", List.of("ref", "action"), rows);
      assertThat(Tables.read(file).rows())
          .as(format.name())
          .extracting(Table.Row::cells)
          .isEqualTo(expected);
    }

    byte[] xlsx = TableWriter.write(TableFormat.XLSX, "Plan", List.of("ref", "action"), rows);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(ODD_CLEANED);
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'=1+1");
    }
    SpreadSheet ods =
        new SpreadSheet(
            new ByteArrayInputStream(
                TableWriter.write(TableFormat.ODS, "Plan", List.of("ref", "action"), rows)));
    Object[][] values = ods.getSheet(0).getDataRange().getValues();
    assertThat(values[1]).containsExactly("1.1", ODD_CLEANED);
    assertThat(values[2]).containsExactly("'=1+1", "'-" + ODD_CLEANED);
  }

  @Test
  void odsKeepsTheLinesSpacesAndTabsOfACell() throws Exception {
    List<String> cells =
        List.of("  two leading", "runs   of  spaces ", "a\ttab", "line one\nline two\r\nthree", "");
    byte[] ods =
        TableWriter.write(
            TableFormat.ODS, "Plan", List.of("a", "b", "c", "d", "e"), List.of(cells));

    Table table = Tables.read(ods);
    assertThat(table.rows().get(0).cells())
        .containsExactly(
            "  two leading", "runs   of  spaces ", "a\ttab", "line one\nline two\nthree");
    Object[][] values =
        new SpreadSheet(new ByteArrayInputStream(ods)).getSheet(0).getDataRange().getValues();
    assertThat(values[1][3]).isEqualTo("line one\nline two\nthree");
  }

  @Test
  void xlsxHasABoldFrozenHeaderWrappedTextAndNumbersWhereAsked() throws Exception {
    byte[] xlsx =
        TableWriter.xlsx(
            "Performance 2016-09",
            List.of("ref", "value", "note"),
            List.of(List.of("1", "12.5", "<5"), List.of("2", "<5", "-3 places")),
            Set.of(1));
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("Performance 2016-09");
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      Cell header = sheet.getRow(0).getCell(0);
      assertThat(workbook.getFontAt(header.getCellStyle().getFontIndex()).getBold()).isTrue();
      Cell number = sheet.getRow(1).getCell(1);
      assertThat(number.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(number.getNumericCellValue()).isEqualTo(12.5);
      Cell text = sheet.getRow(2).getCell(1);
      assertThat(text.getCellType()).isEqualTo(CellType.STRING);
      assertThat(text.getStringCellValue()).isEqualTo("<5");
      assertThat(text.getCellStyle().getWrapText()).isTrue();
      assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("'-3 places");
    }
  }

  /** Nothing of an export goes to disk, where another user of the machine could find it. */
  @Test
  void xlsxIsWrittenWithoutATemporaryFile() {
    List<String> asked = new ArrayList<>();
    TempFile.setTempFileCreationStrategy(
        new TempFileCreationStrategy() {
          @Override
          public File createTempFile(String prefix, String suffix) {
            asked.add(prefix + suffix);
            throw new IllegalStateException("An export asked for a temporary file");
          }

          @Override
          public File createTempDirectory(String prefix) {
            asked.add(prefix);
            throw new IllegalStateException("An export asked for a temporary directory");
          }
        });
    try {
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < 5_000; i++) {
        rows.add(List.of("1." + i, "Deliver the training"));
      }
      byte[] xlsx = TableWriter.write(TableFormat.XLSX, "Plan", List.of("ref", "action"), rows);
      assertThat(Tables.read(xlsx).rows()).hasSize(5_000);
    } finally {
      TempFile.setTempFileCreationStrategy(
          new org.apache.poi.util.DefaultTempFileCreationStrategy());
    }
    assertThat(asked).isEmpty();
  }

  @Test
  void sheetNamesAreOnesSpreadsheetsAccept() {
    assertThat(XlsxFile.sheetName("VAWG: plan [2016/17]?")).isEqualTo("VAWG  plan  2016 17");
    assertThat(XlsxFile.sheetName("'quoted'")).isEqualTo("quoted");
    assertThat(XlsxFile.sheetName("\uFFFE\n")).isEqualTo("Sheet1");
    String thirtyEmoji = "x".repeat(30) + "\uD83D\uDE00";
    assertThat(XlsxFile.sheetName(thirtyEmoji)).isEqualTo("x".repeat(30));
    assertThat(PlainText.forXml(XlsxFile.sheetName(thirtyEmoji))).hasSize(30);
  }
}
