package org.ccrhub.tabular;

/**
 * Spreadsheet formula injection: a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return may run as a formula when someone opens an exported file.
 * Exports prefix such cells with an apostrophe; imports take it off again. A plain number such as
 * {@code -7.2} is left alone: it is a value, not a formula.
 */
public final class Formulas {

  private Formulas() {}

  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?");

  static boolean isRisky(String cell) {
    if (cell.isEmpty() || NUMBER.matcher(cell).matches()) {
      return false;
    }
    char first = cell.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  /** The cell as it is safe to write to a spreadsheet or CSV file. */
  public static String neutralise(String cell) {
    return isRisky(cell) ? "'" + cell : cell;
  }
}
