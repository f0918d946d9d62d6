package org.ccrhub.tabular;

/**
 * Reads uploaded CSV, XLSX and ODS files (told apart by content, not by name) into {@link Table}s,
 * as streams and within {@link ImportLimits}: a file over a limit is refused with a plain message
 * naming the limit, before the memory is spent. The first non-blank row is the header.
 */
public final class Tables {

  /** Larger files are refused before they are read. */
  public static final int MAX_BYTES = 25 * 1024 * 1024;

  private Tables() {}

  /** Reads the file within the default limits. */
  public static Table read(byte[] bytes) {
    return read(bytes, ImportLimits.DEFAULTS);
  }

  /** Reads the file, or refuses it with an {@link UnreadableFileException} saying why. */
  public static Table read(byte[] bytes, ImportLimits limits) {
    if (bytes.length == 0) {
      throw new UnreadableFileException("The file is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new UnreadableFileException(
          "The file is "
              + (bytes.length / (1024 * 1024))
              + " MB: files of up to "
              + (MAX_BYTES / (1024 * 1024))
              + " MB can be imported");
    }
    TableBuilder table = new TableBuilder(limits);
    if (!isZip(bytes)) {
      CsvReader.read(bytes, table);
    } else {
      Zips.read(
          bytes,
          table,
          zip -> {
            if (Zips.isOpenDocument(zip)) {
              OdsReader.read(zip, table);
            } else {
              XlsxReader.read(zip, table);
            }
          },
          "The file looks like a spreadsheet but could not be read: save it as XLSX or CSV and"
              + " try again");
    }
    return table.build();
  }

  /** Undoes {@link Formulas#neutralise}, so that an exported file imports unchanged. */
  static String unneutralise(String cell) {
    return cell.length() >= 2 && cell.charAt(0) == '\'' && Formulas.isRisky(cell.substring(1))
        ? cell.substring(1)
        : cell;
  }

  private static boolean isZip(byte[] bytes) {
    return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
  }
}
