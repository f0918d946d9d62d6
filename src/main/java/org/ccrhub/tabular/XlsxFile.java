package org.ccrhub.tabular;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.ccrhub.shared.PlainText;

/**
 * An XLSX file made as a stream, however many rows it has (ADR 5). POI's {@code
 * DeferredSXSSFWorkbook} makes each sheet's rows while the file is written, holds at most {@value
 * #WINDOW} of them at a time, and writes them straight into the zip: nothing is written to a
 * temporary file, so no copy of the content is left on disk or open to other users of the machine.
 *
 * <p>What a sheet has besides its rows (frozen panes, merged cells, repeated header rows, print
 * setup, column widths) is set on the {@link Sheet} that {@link #sheet} returns, before {@link
 * #write}; rows are made only by the {@link Rows} given to {@link #sheet}, when the file is
 * written. Text cells go through {@link #text}, which cleans and neutralises them.
 */
public final class XlsxFile implements AutoCloseable {

  /** Rows kept in memory at once while a sheet is written. */
  static final int WINDOW = 200;

  private final DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook(WINDOW);

  /** Makes the rows of one sheet, in order, with {@link Sheet#createRow}. */
  @FunctionalInterface
  public interface Rows {
    void write(Sheet sheet);
  }

  /** The workbook, to make cell styles and fonts with. */
  public Workbook workbook() {
    return workbook;
  }

  /** The document title the file's properties carry. */
  public void title(String title) {
    workbook
        .getXSSFWorkbook()
        .getProperties()
        .getCoreProperties()
        .setTitle(PlainText.forXml(title));
  }

  /**
   * Adds a sheet (its name made one a spreadsheet accepts) whose rows {@code rows} makes when the
   * file is written.
   */
  public Sheet sheet(String name, Rows rows) {
    DeferredSXSSFSheet sheet = workbook.createSheet(sheetName(name));
    sheet.setRowGenerator(rows::write);
    return sheet;
  }

  /** The file, with every sheet's rows made. */
  public byte[] bytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(bytes);
    return bytes.toByteArray();
  }

  /**
   * Writes the file, making every sheet's rows, to a stream that is closed once the file is written
   * (when this is {@linkplain #close closed}).
   */
  public void write(OutputStream out) {
    try {
      workbook.writeAvoidingTempFiles(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      workbook.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text cell, as every exported cell is written: {@link TableWriter#cell}. */
  public static Cell text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(TableWriter.cell(value));
    cell.setCellStyle(style);
    return cell;
  }

  /**
   * A sheet's name as spreadsheets accept it: up to 31 characters (never half of a pair), none of
   * {@code \ / ? * [ ] :} nor a control character, no apostrophe first or last; "Sheet1" when
   * nothing is left.
   */
  static String sheetName(String name) {
    String cleaned =
        PlainText.forXml(name)
            .replaceAll("[\\\\/?*\\[\\]:\\p{Cntrl}]", " ")
            .replaceAll("^[\\s']+|[\\s']+$", "");
    if (cleaned.length() > 31) {
      cleaned = cleaned.substring(0, Character.isHighSurrogate(cleaned.charAt(30)) ? 30 : 31);
      cleaned = cleaned.replaceAll("[\\s']+$", "");
    }
    return cleaned.isEmpty() ? "Sheet1" : cleaned;
  }
}
