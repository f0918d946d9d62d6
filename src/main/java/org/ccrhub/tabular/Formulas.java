package org.ccrhub.tabular;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Spreadsheet formula injection: a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}
 * or a character that stands for one of them (their full-width, small, superscript and subscript
 * forms, which Unicode's compatibility normalisation NFKC makes the plain sign, and the minus sign
 * {@code U+2212}), a tab or a carriage return, or with invisible characters before such a sign
 * (spaces of every kind, zero-width and other format characters, combining marks, Hangul and
 * Braille fillers, code points not yet assigned), may run as a formula when someone opens an
 * exported file. Exports prefix such cells with an apostrophe; imports take it off again. A plain
 * number such as {@code -7.2} is left alone: it is a value, not a formula.
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
    while (i < cell.length() && isInvisible(cell.codePointAt(i))) {
      i += Character.charCount(cell.codePointAt(i));
    }
    return i < cell.length() && isSign(cell.codePointAt(i));
  }

  private static boolean isSign(int c) {
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\u2212') {
      return true;
    }
    if (c < 0x80) {
      return false;
    }
    // e.g. U+2A75 (two equals signs as one character) becomes "=="
    String plain = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC);
    return !plain.isEmpty() && plain.codePointAt(0) != c && isSign(plain.codePointAt(0));
  }

  /** Characters that show nothing, or nothing of their own, before the first visible one. */
  private static boolean isInvisible(int c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || switch (Character.getType(c)) {
          case Character.FORMAT,
              Character.CONTROL,
              Character.UNASSIGNED,
              Character.NON_SPACING_MARK,
              Character.ENCLOSING_MARK ->
              true;
          default -> false;
        }
        || c == 0x115F // Hangul choseong filler
        || c == 0x1160 // Hangul jungseong filler
        || c == 0x3164 // Hangul filler
        || c == 0xFFA0 // half-width Hangul filler
        || c == 0x2800 // Braille pattern blank
        || c == 0x180E; // Mongolian vowel separator
  }

  /** The cell as it is safe to write to a spreadsheet or CSV file. */
  public static String neutralise(String cell) {
    return isRisky(cell) ? "'" + cell : cell;
  }
}
