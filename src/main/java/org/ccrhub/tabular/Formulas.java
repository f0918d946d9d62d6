package org.ccrhub.tabular;

import java.util.regex.Pattern;

/**
 * Spreadsheet formula injection: a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, their full-width forms ({@code ＝ ＋ － ＠}, which spreadsheets in some languages read as
 * the same), a tab or a carriage return, or with blanks (spaces, non-breaking spaces, other Unicode
 * spaces) before one of those signs, may run as a formula when someone opens an exported file.
 * Exports prefix such cells with an apostrophe; imports take it off again. A plain number such as
 * {@code -7.2} is left alone: it is a value, not a formula.
 */
public final class Formulas {

  private Formulas() {}

  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

  static boolean isRisky(String cell) {
    if (cell.isEmpty() || NUMBER.matcher(cell).matches()) {
      return false;
    }
    char first = cell.charAt(0);
    if (first == '\t' || first == '\r' || first == '\n') {
      return true;
    }
    int i = 0;
    while (i < cell.length() && isBlank(cell.charAt(i))) {
      i++;
    }
    return i < cell.length() && isSign(cell.charAt(i));
  }

  private static boolean isSign(char c) {
    return switch (c) {
      case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
      default -> false;
    };
  }

  /** Spaces of every kind, line breaks, and the invisible characters pasted text brings. */
  private static boolean isBlank(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\u200B'
        || c == '\u2060'
        || c == '\uFEFF';
  }

  /** The cell as it is safe to write to a spreadsheet or CSV file. */
  public static String neutralise(String cell) {
    return isRisky(cell) ? "'" + cell : cell;
  }
}
