package org.ccrhub.shared;

/**
 * Trimming the end of a text by a plain loop: a regular expression such as {@code [.]+$} takes time
 * in the square of a long run of those characters, which a hostile cell or field can hold.
 */
public final class TextEnds {

  private TextEnds() {}

  /** The text without the characters of {@code these} (and white space, if asked) at its end. */
  public static String strip(String text, String these, boolean whiteSpace) {
    int end = text.length();
    while (end > 0) {
      char c = text.charAt(end - 1);
      if (these.indexOf(c) < 0 && !(whiteSpace && Character.isWhitespace(c))) {
        break;
      }
      end--;
    }
    return text.substring(0, end);
  }
}
