package org.ccrhub.shared;

import java.util.regex.Pattern;

/**
 * Text as people type or paste it, made safe to keep: line breaks as {@code \n} whatever the
 * browser or spreadsheet sent ({@code \r\n}, {@code \r}), and no control characters other than tab
 * and new line (a NUL, which PostgreSQL cannot store, or the stray form feeds of text pasted from
 * old documents).
 */
public final class PlainText {

  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  private PlainText() {}

  /** The text with line breaks made {@code \n} and control characters removed; null stays null. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String lines = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    return CONTROL.matcher(lines).replaceAll("");
  }
}
