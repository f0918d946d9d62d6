package org.ccrhub.indicators;

import java.math.BigDecimal;

/** How numbers are written in tables and files: plain, no thousands separators. */
final class Figures {

  private Figures() {}

  /** The number without trailing zeros or exponent: {@code 410}, {@code -7.2}, {@code 0.5}. */
  static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
