package org.ccrhub.tabular;

import java.time.Duration;
import java.util.Locale;

/**
 * How much of an uploaded file is read before it is refused: rows of data, columns of the header,
 * characters in one cell, the size the file expands to (bytes unpacked from an XLSX or ODS file,
 * plus two bytes for each character of the cells kept, as Java may hold them), and the time spent
 * reading it. Each is checked as the file is read, before the memory is spent.
 */
public record ImportLimits(
    int maxRows, int maxColumns, int maxCellCharacters, long maxExpandedBytes, Duration timeLimit) {

  public static final ImportLimits DEFAULTS =
      new ImportLimits(100_000, 100, 32_000, 64L * 1024 * 1024, Duration.ofSeconds(15));

  public ImportLimits {
    if (maxRows < 1 || maxColumns < 1 || maxCellCharacters < 1 || maxExpandedBytes < 1) {
      throw new IllegalArgumentException("Import limits must be positive");
    }
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("The import time limit must be positive");
    }
  }

  UnreadableFileException tooManyRows() {
    return new UnreadableFileException(
        "The file has more than "
            + number(maxRows)
            + " rows: split it or raise ccr.imports.max-rows");
  }

  UnreadableFileException tooManyColumns() {
    return new UnreadableFileException(
        "The header row has more than "
            + number(maxColumns)
            + " columns: remove the columns that are not imported or raise"
            + " ccr.imports.max-columns");
  }

  UnreadableFileException cellTooLong(int row, int column) {
    return new UnreadableFileException(
        "Row "
            + row
            + ", column "
            + columnName(column)
            + " has more than "
            + number(maxCellCharacters)
            + " characters: shorten it or raise ccr.imports.max-cell-characters");
  }

  UnreadableFileException tooLarge() {
    return new UnreadableFileException(
        "The file expands to more than "
            + megabytes(maxExpandedBytes)
            + " once unpacked: split it or raise ccr.imports.max-expanded-size");
  }

  UnreadableFileException tooSlow() {
    return new UnreadableFileException(
        "Reading the file took longer than "
            + seconds(timeLimit)
            + ": split it or raise ccr.imports.time-limit");
  }

  /** A column as a spreadsheet names it: 0 is A, 26 is AA, 16383 is XFD. */
  static String columnName(int column) {
    StringBuilder name = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      name.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return name.toString();
  }

  static String number(long n) {
    return String.format(Locale.UK, "%,d", n);
  }

  private static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0
        ? number(bytes / (1024 * 1024)) + " MB"
        : number(bytes) + " bytes";
  }

  private static String seconds(Duration duration) {
    long s = duration.toSeconds();
    return duration.toMillis() % 1000 == 0
        ? number(s) + (s == 1 ? " second" : " seconds")
        : duration.toMillis() + " milliseconds";
  }
}
