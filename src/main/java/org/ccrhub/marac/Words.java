package org.ccrhub.marac;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How the module reads a word or phrase typed in a form or a spreadsheet cell. */
final class Words {

  private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private Words() {}

  /**
   * The text in a form to compare: compatibility characters folded, curly quotes and dashes made
   * plain, spaces collapsed, lower case, without a trailing full stop.
   */
  static String key(String text) {
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .replace('\u2019', '\'')
            .replace('\u2018', '\'')
            .replace('\u2013', '-')
            .replace('\u2014', '-');
    String key = SPACES.matcher(plain).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    return key.endsWith(".") ? key.substring(0, key.length() - 1).strip() : key;
  }
}
