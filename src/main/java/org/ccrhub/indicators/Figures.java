package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How numbers are written: plain in files (no thousands separators, so that a spreadsheet or a
 * program reads them), and with thousands separated where people read them.
 */
final class Figures {

  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private Figures() {}

  /** The number without trailing zeros or exponent: {@code 410}, {@code -7.2}, {@code 0.5}. */
  static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /**
   * The number as {@link #plain} writes it, with thousands separated: {@code 1,000}, {@code -7.2}.
   */
  static String plainGrouped(BigDecimal number) {
    return grouped(new BigDecimal(plain(number)));
  }

  /**
   * The number with thousands separated and the decimals it has: {@code 12,400.5}, {@code -7.2}.
   */
  static String grouped(BigDecimal number) {
    int decimals = Math.max(0, number.scale());
    DecimalFormat format =
        new DecimalFormat(
            decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
            DecimalFormatSymbols.getInstance(Locale.UK));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(number);
  }

  /**
   * A file's cell as a table shows it to people: a plain number with its thousands separated and
   * the unit's sign ({@code 1,114}, {@code 53.7%}, {@code £18,000.00}); anything else ({@code <5},
   * {@code [c]}, a blank) as it is.
   */
  static String shown(String cell, Unit unit) {
    if (!PLAIN_NUMBER.matcher(cell).matches()) {
      return cell;
    }
    String number = grouped(new BigDecimal(cell));
    return switch (unit) {
      case PERCENTAGE -> number + "%";
      case MONEY -> number.startsWith("-") ? "-£" + number.substring(1) : "£" + number;
      default -> number;
    };
  }
}
