package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.shared.InvalidInputException;

/**
 * Numbers as people write them in spreadsheets: {@code 1200}, {@code 1,200}, {@code -20}, {@code
 * -20%}, {@code £18,000}, {@code 12.5}. Anything else, a formula or a word, is refused with a
 * reason rather than guessed at.
 */
final class ImportedNumbers {

  private static final Pattern NUMBER =
      Pattern.compile("([+-]?)£?([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)?(\\.\\d+)?%?");
  private static final int MOST_WHOLE_DIGITS = 15;
  private static final int MOST_DECIMALS = 10;

  private ImportedNumbers() {}

  /** The number written, or an {@link InvalidInputException} saying why it is not one. */
  static BigDecimal parse(String text) {
    String written = text.strip();
    String compact =
        written.replace('\u2212', '-').replace('\u2013', '-').replaceAll("[\\s\\u00a0]", "");
    Matcher m = NUMBER.matcher(compact);
    if (compact.isEmpty()
        || !m.matches()
        || (m.group(3) == null && m.group(4) == null)
        || (!m.group(1).isEmpty() && !m.group(2).isEmpty())) {
      throw new InvalidInputException(
          "'" + written + "' is not a number: write a number like 1200, 1,200, -20% or £18,000");
    }
    String whole = m.group(3) == null ? "0" : m.group(3).replace(",", "");
    String decimals = m.group(4) == null ? "" : m.group(4);
    if (whole.replaceFirst("^0+(?=.)", "").length() > MOST_WHOLE_DIGITS
        || decimals.length() - 1 > MOST_DECIMALS) {
      throw new InvalidInputException(
          "'"
              + written
              + "' is too large or too precise: numbers can have up to 15 digits before the"
              + " decimal point and 10 after it");
    }
    boolean negative = m.group(1).equals("-") || m.group(2).equals("-");
    return new BigDecimal((negative ? "-" : "") + whole + decimals);
  }
}
