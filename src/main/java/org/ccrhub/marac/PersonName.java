package org.ccrhub.marac;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A person's name as written, and as repeat detection compares it: without accents, case,
 * apostrophes and other punctuation, split into words at spaces, hyphens and other punctuation.
 * {@code Mary-Jane O'Brien}, {@code mary jane obrien} and {@code MARY JANE O’BRIEN} all have the
 * key {@code maryjaneobrien}; {@code Zoë} is {@code zoe} and {@code Łucja} {@code lucja}.
 *
 * @param written the name as given
 * @param words the name's words, normalised: {@code [mary, jane, obrien]}
 * @param key the words run together, {@code maryjaneobrien}: two names are the same when their keys
 *     are equal, whatever their spaces, hyphens, capitals or accents
 */
public record PersonName(String written, List<String> words, String key) {

  public PersonName {
    Objects.requireNonNull(written, "written");
    words = List.copyOf(words);
    Objects.requireNonNull(key, "key");
  }

  public static PersonName of(String written) {
    String text = isAscii(written) ? written : Normalizer.normalize(written, Normalizer.Form.NFKD);
    List<String> words = new ArrayList<>(3);
    StringBuilder word = new StringBuilder();
    StringBuilder key = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isApostrophe(c) || isMark(c)) {
        continue; // O'Brien is obrien; the accent of é goes, the e stays
      }
      if (Character.isLetterOrDigit(c)) {
        int lower = Character.toLowerCase(c);
        String folded = folded(lower);
        if (folded != null) {
          word.append(folded);
        } else {
          word.appendCodePoint(lower);
        }
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        key.append(word);
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
      key.append(word);
    }
    return new PersonName(written, words, key.toString());
  }

  /** The key of a name ({@link #key()}), for storing beside it and finding it again. */
  public static String keyOf(String written) {
    return of(written).key();
  }

  /** Whether the name has any letters or digits at all. */
  public boolean isEmpty() {
    return key.isEmpty();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApostrophe(int c) {
    return c == '\''
        || c == '`'
        || c == '\u2018'
        || c == '\u2019'
        || c == '\u02bc'
        || c == '\u00b4';
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Letters that have no accent to take off but are written differently in English. */
  private static String folded(int c) {
    return switch (c) {
      case 'ß' -> "ss";
      case 'æ' -> "ae";
      case 'œ' -> "oe";
      case 'ø' -> "o";
      case 'ł' -> "l";
      case 'đ', 'ð' -> "d";
      case 'þ' -> "th";
      case 'ı' -> "i";
      default -> null;
    };
  }
}
