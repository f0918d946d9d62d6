package org.ccrhub.tabular;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.jspecify.annotations.Nullable;

/**
 * A report as a spreadsheet for people to read, laid out the same way for every report the app
 * makes in XLSX (the performance table, the exception report): the protective marking in the first
 * row and in the header and footer of every printed page; a title row naming the partnership, the
 * report and its period; the date it was produced, as a date. Each sheet then has its header row in
 * the words the screen uses (bold, frozen, and repeated on every printed page) and its rows, where
 * numbers are numbers with a number format (thousands separated; a percentage is a spreadsheet
 * percentage, 31.1% held as 0.311) and dates are dates shown in the UK way, {@code dd/mm/yyyy}.
 * Columns are as wide as their content, up to {@value #WIDEST} characters, beyond which text wraps.
 *
 * <p>Rows are made as the file is written ({@link XlsxFile}), so a long report is not held twice; a
 * row given as a {@link Supplier} is asked for its cells once more beforehand, to measure them.
 * Text cells are cleaned and neutralised against formula injection as every exported cell is.
 */
public final class XlsxReport implements AutoCloseable {

  /** Columns are no wider than this many characters; longer text wraps. */
  static final int WIDEST = 60;

  /** Nor narrower than this. */
  static final int NARROWEST = 6;

  /** The height of a line of text in points, in the default font (Calibri 11). */
  static final float LINE_HEIGHT = 15f;

  /** The tallest row a spreadsheet allows, in points (Excel's limit). */
  static final float MAX_ROW_HEIGHT = 409f;

  /** The UK date format dates are shown in. */
  public static final String DATE_FORMAT = "dd/mm/yyyy";

  /** How a number is shown. */
  public enum Format {
    /** {@code 1,114} */
    WHOLE("#,##0", 0, ""),
    /** {@code 1,114.5} */
    ONE_PLACE("#,##0.0", 1, ""),
    /** {@code 18,000.00} */
    TWO_PLACES("#,##0.00", 2, ""),
    /** {@code 31.1%}, given as 31.1 and held as 0.311. */
    PERCENT("0.0%", 1, "%"),
    /** {@code £18,000.00} */
    MONEY("£#,##0.00", 2, "£");

    private final String pattern;
    private final int decimals;
    private final String sign;

    Format(String pattern, int decimals, String sign) {
      this.pattern = pattern;
      this.decimals = decimals;
      this.sign = sign;
    }

    /** The number as the spreadsheet shows it, to measure the column. */
    String shown(BigDecimal value) {
      DecimalFormat format =
          new DecimalFormat(
              decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
              DecimalFormatSymbols.getInstance(Locale.UK));
      format.setRoundingMode(RoundingMode.HALF_UP);
      String number = format.format(value);
      return this == MONEY ? sign + number : number + sign;
    }
  }

  /**
   * A number cell.
   *
   * @param value the number as people write it: a percentage as 31.1, not 0.311
   */
  public record Figure(BigDecimal value, Format format) {

    /** The value the cell holds: a percentage as a fraction. */
    double cellValue() {
      return format == Format.PERCENT ? value.movePointLeft(2).doubleValue() : value.doubleValue();
    }
  }

  /** A number cell shown in the format. */
  public static Figure figure(BigDecimal value, Format format) {
    return new Figure(value, format);
  }

  private final XlsxFile file = new XlsxFile();
  private final String marking;
  private final String title;
  private final LocalDate produced;
  private final List<ReportSheet> sheets = new ArrayList<>();
  private final Styles styles;

  /**
   * A report: {@code "Performance report"} of {@code "Northbridge Community Safety Partnership"}
   * for {@code "the 12 months to October 2016"}, produced on a day, with its marking.
   */
  public XlsxReport(
      String report, String partnership, String period, String marking, LocalDate produced) {
    this.marking = marking;
    this.title = partnership + ": " + report + (period.isEmpty() ? "" : ", " + period);
    this.produced = produced;
    this.styles = new Styles(file.workbook());
    file.title(title);
  }

  /** The title row's text: the partnership, the report and its period. */
  public String title() {
    return title;
  }

  /**
   * A sheet of the report with these column headers: the marking, title and date rows, a blank row,
   * then the header row.
   */
  public ReportSheet sheet(String name, List<String> headers) {
    ReportSheet sheet = new ReportSheet(name, headers);
    sheets.add(sheet);
    return sheet;
  }

  /** The file. */
  public byte[] bytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(bytes);
    return bytes.toByteArray();
  }

  /** Writes the file to the stream, making every sheet's rows. */
  public void write(OutputStream out) {
    sheets.forEach(ReportSheet::fitColumns);
    file.write(out);
  }

  @Override
  public void close() {
    file.close();
  }

  /** One sheet: rows are kept as what makes them, and made as the file is written. */
  public final class ReportSheet {
    private final Sheet sheet;
    private final int columns;
    private final int[] widths;
    private final List<Consumer<Sheet>> rows = new ArrayList<>();
    private int next;

    private ReportSheet(String name, List<String> headers) {
      this.columns = headers.size();
      this.widths = new int[Math.max(columns, 2)];
      this.sheet = file.sheet(name, out -> rows.forEach(row -> row.accept(out)));
      row(row -> XlsxFile.text(row, 0, marking, styles.marking));
      row(row -> XlsxFile.text(row, 0, title, styles.title));
      measure(0, "Produced");
      measure(1, produced);
      row(
          row -> {
            XlsxFile.text(row, 0, "Produced", styles.text);
            Cell date = row.createCell(1);
            date.setCellValue(produced);
            date.setCellStyle(styles.produced);
          });
      next++;
      int header = next;
      for (int c = 0; c < headers.size(); c++) {
        measureWords(c, headers.get(c));
      }
      row(
          row -> {
            int lines = 1;
            for (int c = 0; c < headers.size(); c++) {
              XlsxFile.text(row, c, headers.get(c), styles.header);
              lines = Math.max(lines, lines(headers.get(c), c));
            }
            fitHeight(row, lines);
          });
      sheet.createFreezePane(0, header + 1);
      sheet.setRepeatingRows(new CellRangeAddress(header, header, 0, Math.max(0, columns - 1)));
      sheet.getHeader().setCenter(marking);
      sheet.getFooter().setCenter(marking);
      sheet.getFooter().setRight("Page &P of &N");
      sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
      sheet.getPrintSetup().setLandscape(true);
      sheet.setFitToPage(true);
      sheet.getPrintSetup().setFitWidth((short) 1);
      sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /**
     * A row of cells: text ({@link String}), numbers ({@link Figure}; an {@link Integer} or {@link
     * Long} is a whole number), dates ({@link LocalDate}), or blank ({@code null}).
     */
    public void row(List<?> cells) {
      measure(cells);
      List<?> kept = List.copyOf(cells.stream().map(c -> c == null ? "" : c).toList());
      row(row -> cells(row, kept, false));
    }

    /** A row whose cells are made when the file is written (and once before, to measure them). */
    public void row(Supplier<? extends List<?>> cells) {
      measure(cells.get());
      row(row -> cells(row, cells.get(), false));
    }

    /** A row in bold, such as a total. */
    public void total(List<?> cells) {
      measure(cells);
      List<?> kept = List.copyOf(cells.stream().map(c -> c == null ? "" : c).toList());
      row(row -> cells(row, kept, true));
    }

    /** A heading across the whole row, such as an outcome above its actions. */
    public void heading(String text) {
      if (columns > 1) {
        sheet.addMergedRegion(new CellRangeAddress(next, next, 0, columns - 1));
      }
      row(row -> XlsxFile.text(row, 0, text, styles.heading));
    }

    private void row(Consumer<Row> cells) {
      int number = next++;
      rows.add(out -> cells.accept(out.createRow(number)));
    }

    private void cells(Row row, List<?> values, boolean bold) {
      int lines = 1;
      for (int c = 0; c < values.size(); c++) {
        Object value = values.get(c);
        if (value == null || "".equals(value)) {
          continue;
        }
        if (value instanceof Figure figure) {
          Cell cell = row.createCell(c);
          cell.setCellValue(figure.cellValue());
          cell.setCellStyle(styles.number(figure.format(), bold));
        } else if (value instanceof Integer || value instanceof Long) {
          Cell cell = row.createCell(c);
          cell.setCellValue(((java.lang.Number) value).longValue());
          cell.setCellStyle(styles.number(Format.WHOLE, bold));
        } else if (value instanceof LocalDate date) {
          Cell cell = row.createCell(c);
          cell.setCellValue(date);
          cell.setCellStyle(styles.date);
        } else {
          XlsxFile.text(row, c, value.toString(), bold ? styles.bold : styles.text);
          lines = Math.max(lines, lines(value.toString(), c));
        }
      }
      fitHeight(row, lines);
    }

    /**
     * How many lines the text wraps to in the column, as its words fill lines of the column's
     * width: spreadsheets do not all grow a row to fit its wrapped text, so it is set.
     */
    private int lines(String text, int column) {
      int room = Math.max(1, characters(column) - 1);
      int lines = 0;
      for (String paragraph : text.split("\\R", -1)) {
        lines++;
        int used = 0;
        for (String word : paragraph.split(" ")) {
          int length = word.length();
          if (used > 0 && used + 1 + length > room) {
            lines++;
            used = 0;
          }
          used += (used > 0 ? 1 : 0) + length;
          // a word longer than the line is broken over several
          while (used > room) {
            lines++;
            used -= room;
          }
        }
      }
      return lines;
    }

    private void fitHeight(Row row, int lines) {
      if (lines > 1) {
        row.setHeightInPoints(Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT));
      }
    }

    /** The column's width in characters. */
    private int characters(int column) {
      int measured = column < widths.length ? widths[column] : 0;
      return Math.max(NARROWEST, Math.min(WIDEST, measured) + 2);
    }

    private void measure(List<?> cells) {
      for (int c = 0; c < cells.size(); c++) {
        measure(c, cells.get(c));
      }
    }

    private void measure(int column, @Nullable Object value) {
      if (column >= widths.length || value == null) {
        return;
      }
      int length;
      if (value instanceof Figure figure) {
        length = figure.format().shown(figure.value()).length();
      } else if (value instanceof Integer || value instanceof Long) {
        length =
            Format.WHOLE.shown(BigDecimal.valueOf(((java.lang.Number) value).longValue())).length();
      } else if (value instanceof LocalDate) {
        length = DATE_FORMAT.length();
      } else {
        length = longestLine(value.toString());
      }
      widths[column] = Math.max(widths[column], length);
    }

    /** A header wraps between its words, so only its longest word needs the room. */
    private void measureWords(int column, String header) {
      for (String word : header.split("\\s+")) {
        widths[column] = Math.max(widths[column], word.length());
      }
    }

    private void fitColumns() {
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, characters(c) * 256);
      }
    }
  }

  private static int longestLine(String text) {
    int longest = 0;
    for (String line : text.split("\\R", -1)) {
      longest = Math.max(longest, line.length());
    }
    return longest;
  }

  /** The styles every sheet uses, made once for the workbook. */
  private static final class Styles {
    final CellStyle marking;
    final CellStyle title;
    final CellStyle header;
    final CellStyle heading;
    final CellStyle text;
    final CellStyle bold;
    final CellStyle date;
    final CellStyle produced;
    private final Map<Format, CellStyle> numbers = new EnumMap<>(Format.class);
    private final Map<Format, CellStyle> boldNumbers = new EnumMap<>(Format.class);

    Styles(Workbook workbook) {
      Font boldFont = workbook.createFont();
      boldFont.setBold(true);
      Font markingFont = workbook.createFont();
      markingFont.setBold(true);
      markingFont.setFontHeightInPoints((short) 12);
      Font titleFont = workbook.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 14);

      marking = workbook.createCellStyle();
      marking.setFont(markingFont);
      title = workbook.createCellStyle();
      title.setFont(titleFont);
      header = workbook.createCellStyle();
      header.setFont(boldFont);
      header.setWrapText(true);
      header.setVerticalAlignment(VerticalAlignment.TOP);
      header.setBorderBottom(BorderStyle.MEDIUM);
      heading = workbook.createCellStyle();
      heading.setFont(boldFont);
      heading.setVerticalAlignment(VerticalAlignment.TOP);
      text = workbook.createCellStyle();
      text.setWrapText(true);
      text.setVerticalAlignment(VerticalAlignment.TOP);
      bold = workbook.createCellStyle();
      bold.cloneStyleFrom(text);
      bold.setFont(boldFont);
      date = workbook.createCellStyle();
      date.setVerticalAlignment(VerticalAlignment.TOP);
      date.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));
      produced = workbook.createCellStyle();
      produced.cloneStyleFrom(date);
      produced.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
      for (Format format : Format.values()) {
        CellStyle plain = workbook.createCellStyle();
        plain.setVerticalAlignment(VerticalAlignment.TOP);
        plain.setDataFormat(workbook.createDataFormat().getFormat(format.pattern));
        numbers.put(format, plain);
        CellStyle strong = workbook.createCellStyle();
        strong.cloneStyleFrom(plain);
        strong.setFont(boldFont);
        boldNumbers.put(format, strong);
      }
    }

    CellStyle number(Format format, boolean bold) {
      return (bold ? boldNumbers : numbers).get(format);
    }
  }
}
