package org.ccrhub.tabular;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.ccrhub.shared.PlainText;

/**
 * Writes a table as CSV (RFC 4180, UTF-8, CRLF line ends), XLSX or ODS, as a stream whatever its
 * length: XLSX through {@link XlsxFile}, ODS through {@link OdsWriter}. Rows may be made as they
 * are written (any {@link Iterable}), so that a long table is never held whole. Every cell is
 * written as {@link #cell} makes it. The header row is bold in XLSX and ODS, and frozen in XLSX.
 */
public final class TableWriter {

  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private TableWriter() {}

  /**
   * A cell as every exported file holds it: without the characters no XML document may hold (which
   * text kept before they were cleaned from input could bring, and which would make an XLSX or ODS
   * file that no spreadsheet opens), then neutralised against formula injection.
   */
  public static String cell(String text) {
    return Formulas.neutralise(PlainText.forXml(text));
  }

  public static byte[] write(
      TableFormat format,
      String sheetName,
      List<String> header,
      Iterable<? extends List<String>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(format, sheetName, header, rows, bytes);
    return bytes.toByteArray();
  }

  /** Writes the table to the stream, which may be closed once the file is written. */
  public static void write(
      TableFormat format,
      String sheetName,
      List<String> header,
      Iterable<? extends List<String>> rows,
      OutputStream out) {
    switch (format) {
      case CSV -> csv(header, rows, out);
      case XLSX -> xlsx(sheetName, header, rows, Set.of(), out);
      case ODS -> OdsWriter.write(sheetName, header, rows, out);
    }
  }

  /**
   * An XLSX file whose cells in the given columns are numbers where they hold a plain number (so
   * that a spreadsheet can add them up); every other cell, and anything else in those columns
   * ({@code <5}, a blank), is text, wrapped.
   */
  public static byte[] xlsx(
      String sheetName,
      List<String> header,
      Iterable<? extends List<String>> rows,
      Set<Integer> numericColumns) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    xlsx(sheetName, header, rows, numericColumns, bytes);
    return bytes.toByteArray();
  }

  private static void xlsx(
      String sheetName,
      List<String> header,
      Iterable<? extends List<String>> rows,
      Set<Integer> numericColumns,
      OutputStream out) {
    try (XlsxFile file = new XlsxFile()) {
      Workbook workbook = file.workbook();
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle wrap = workbook.createCellStyle();
      wrap.setWrapText(true);
      Sheet sheet =
          file.sheet(
              sheetName,
              rowsOut -> {
                Row headerRow = rowsOut.createRow(0);
                for (int c = 0; c < header.size(); c++) {
                  XlsxFile.text(headerRow, c, header.get(c), bold);
                }
                int r = 1;
                for (List<String> cells : rows) {
                  Row row = rowsOut.createRow(r++);
                  for (int c = 0; c < cells.size(); c++) {
                    String text = cells.get(c);
                    if (numericColumns.contains(c) && PLAIN_NUMBER.matcher(text).matches()) {
                      row.createCell(c).setCellValue(Double.parseDouble(text));
                    } else {
                      XlsxFile.text(row, c, text, wrap);
                    }
                  }
                }
              });
      sheet.createFreezePane(0, 1);
      file.write(out);
    }
  }

  public static byte[] csv(List<String> header, Iterable<? extends List<String>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    csv(header, rows, bytes);
    return bytes.toByteArray();
  }

  /** Writes the table as CSV to the stream, which is left open. */
  public static void csv(
      List<String> header, Iterable<? extends List<String>> rows, OutputStream out) {
    try {
      BufferedWriter writer =
          new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
      printer.printRecord(header.stream().map(TableWriter::cell));
      for (List<String> row : rows) {
        printer.printRecord(row.stream().map(TableWriter::cell));
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
