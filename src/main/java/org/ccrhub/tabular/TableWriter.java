package org.ccrhub.tabular;

import com.github.miachm.sods.Range;
import com.github.miachm.sods.SpreadSheet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a table as CSV (RFC 4180, UTF-8, CRLF line ends), XLSX or ODS. Every cell is text and
 * neutralised against formula injection.
 */
public final class TableWriter {

  private TableWriter() {}

  public static byte[] write(
      TableFormat format, String sheetName, List<String> header, List<List<String>> rows) {
    return switch (format) {
      case CSV -> csv(header, rows);
      case XLSX -> xlsx(sheetName, header, rows, java.util.Set.of());
      case ODS -> ods(sheetName, header, rows);
    };
  }

  /**
   * An XLSX file whose cells in the given columns are numbers where they hold a plain number (so
   * that a spreadsheet can add them up); every other cell, and anything else in those columns
   * ({@code <5}, a blank), is text.
   */
  public static byte[] xlsx(
      String sheetName,
      List<String> header,
      List<List<String>> rows,
      java.util.Set<Integer> numericColumns) {
    return xlsxWith(sheetName, header, rows, numericColumns);
  }

  public static byte[] csv(List<String> header, List<List<String>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row.stream().map(Formulas::neutralise).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static final java.util.regex.Pattern PLAIN_NUMBER =
      java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

  private static byte[] xlsxWith(
      String sheetName,
      List<String> header,
      List<List<String>> rows,
      java.util.Set<Integer> numericColumns) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(safeSheetName(sheetName));
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle wrap = workbook.createCellStyle();
      wrap.setWrapText(true);
      Row headerRow = sheet.createRow(0);
      for (int c = 0; c < header.size(); c++) {
        var cell = headerRow.createCell(c);
        cell.setCellValue(header.get(c));
        cell.setCellStyle(bold);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<String> cells = rows.get(r);
        for (int c = 0; c < cells.size(); c++) {
          var cell = row.createCell(c);
          String text = cells.get(c);
          if (numericColumns.contains(c) && PLAIN_NUMBER.matcher(text).matches()) {
            cell.setCellValue(Double.parseDouble(text));
          } else {
            cell.setCellValue(Formulas.neutralise(text));
            cell.setCellStyle(wrap);
          }
        }
      }
      sheet.createFreezePane(0, 1);
      workbook.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] ods(String sheetName, List<String> header, List<List<String>> rows) {
    com.github.miachm.sods.Sheet sheet =
        new com.github.miachm.sods.Sheet(
            safeSheetName(sheetName), rows.size() + 1, Math.max(1, header.size()));
    Range headerRange = sheet.getRange(0, 0, 1, header.size());
    headerRange.setValues(header.toArray());
    for (int r = 0; r < rows.size(); r++) {
      List<String> cells = rows.get(r);
      for (int c = 0; c < cells.size(); c++) {
        sheet.getRange(r + 1, c).setValue(Formulas.neutralise(cells.get(c)));
      }
    }
    SpreadSheet spreadsheet = new SpreadSheet();
    spreadsheet.appendSheet(sheet);
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      spreadsheet.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String safeSheetName(String name) {
    String cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
    return cleaned.isEmpty() ? "Sheet1" : cleaned.substring(0, Math.min(31, cleaned.length()));
  }
}
