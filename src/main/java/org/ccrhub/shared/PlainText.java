package org.ccrhub.shared;

import java.util.regex.Pattern;

/**
 * Text as people type or paste it, made safe to keep: line breaks as {@code \n} whatever the
 * browser or spreadsheet sent ({@code \r\n}, {@code \r}), and no control characters other than tab
 * and new line (a NUL, which PostgreSQL cannot store, or the stray form feeds of text pasted from
 * old documents), nor the characters that no XML document may hold ({@code U+FFFE}, {@code U+FFFF},
 * half of a surrogate pair), which would stop a PDF, XLSX or ODS file being made.
 */
public final class PlainText {

  /**
   * Characters XML 1.0 forbids, other than tab, new line and carriage return. Java matches a
   * surrogate pair as one code point, so the surrogate range matches only half of a pair.
   */
  private static final String NOT_XML =
      "\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x{D800}-\\x{DFFF}\\x{FFFE}\\x{FFFF}";

  private static final Pattern CONTROL = Pattern.compile("[\\x7F" + NOT_XML + "]");
  private static final Pattern INVALID_IN_XML = Pattern.compile("[" + NOT_XML + "]");

  private PlainText() {}

  /** The text with line breaks made {@code \n} and control characters removed; null stays null. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String lines = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    return CONTROL.matcher(lines).replaceAll("");
  }

  /**
   * The text without the characters an XML document may not hold, for writing a document from text
   * kept before {@link #clean} removed them.
   */
  public static String forXml(String text) {
    return INVALID_IN_XML.matcher(text).replaceAll("");
  }
}
