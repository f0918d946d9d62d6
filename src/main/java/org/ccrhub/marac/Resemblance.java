package org.ccrhub.marac;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The rules that say how nearly two victims' names and dates of birth match, for {@link
 * ReferralIndex}. Names: the same key is the same name; names are near when one is a spelling
 * variant of the other (a letter or two apart by Damerau-Levenshtein distance, or every word sounds
 * the same by Double Metaphone), the same words in another order, or the same words with one more.
 * Dates of birth (with the same name): one digit apart or two neighbouring digits swapped, day and
 * month swapped, an age that fits, or nothing to compare.
 */
final class Resemblance {

  /** Names at least this long (run together) may be two letters apart; shorter ones one. */
  static final int LONG_NAME = 10;

  private static final DateTimeFormatter DIGITS = DateTimeFormatter.ofPattern("ddMMuuuu");
  private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

  static {
    METAPHONE.setMaxCodeLen(6);
  }

  private Resemblance() {}

  static boolean sameName(List<PersonName> some, List<PersonName> others) {
    for (PersonName a : some) {
      for (PersonName b : others) {
        if (a.key().equals(b.key())) {
          return true;
        }
      }
    }
    return false;
  }

  /** How the names differ when the dates of birth are the same; empty when they are not near. */
  static Set<MatchReason> nameReasons(List<PersonName> some, List<PersonName> others) {
    Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
    for (PersonName a : some) {
      for (PersonName b : others) {
        if (inAnotherOrder(a, b)) {
          reasons.add(MatchReason.NAMES_IN_ANOTHER_ORDER);
        }
        if (oneWordMore(a, b) || oneWordMore(b, a)) {
          reasons.add(MatchReason.NAME_MISSING);
        }
        if (spelledDifferently(a, b)) {
          reasons.add(MatchReason.NAME_SPELLED_DIFFERENTLY);
        }
      }
    }
    return reasons;
  }

  /**
   * How the dates of birth differ when the names are the same; empty when they do not fit (the same
   * name with another date of birth is another person).
   */
  static Set<MatchReason> birthReasons(
      DateOfBirthOrAge some, LocalDate someDate, DateOfBirthOrAge other, LocalDate otherDate) {
    if (some.dateOfBirth().isPresent() && other.dateOfBirth().isPresent()) {
      LocalDate a = some.dateOfBirth().get();
      LocalDate b = other.dateOfBirth().get();
      Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
      if (typo(a.format(DIGITS), b.format(DIGITS))) {
        reasons.add(MatchReason.DATE_OF_BIRTH_TYPO);
      }
      if (!a.equals(b)
          && a.getYear() == b.getYear()
          && a.getDayOfMonth() == b.getMonthValue()
          && a.getMonthValue() == b.getDayOfMonth()) {
        reasons.add(MatchReason.DAY_AND_MONTH_SWAPPED);
      }
      return reasons;
    }
    if (!some.isKnown() || !other.isKnown()) {
      return EnumSet.of(MatchReason.NO_DATE_OF_BIRTH);
    }
    LocalDate[] a = some.possibleBirthDates(someDate).orElseThrow();
    LocalDate[] b = other.possibleBirthDates(otherDate).orElseThrow();
    boolean overlap = !a[0].isAfter(b[1]) && !b[0].isAfter(a[1]);
    return overlap ? EnumSet.of(MatchReason.AGE_FITS) : EnumSet.noneOf(MatchReason.class);
  }

  /** The same digits but one, or two neighbouring digits swapped. */
  static boolean typo(String a, String b) {
    if (a.length() != b.length() || a.equals(b)) {
      return false;
    }
    int first = -1;
    int second = -1;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        if (first < 0) {
          first = i;
        } else if (second < 0) {
          second = i;
        } else {
          return false;
        }
      }
    }
    return second < 0
        || (second == first + 1
            && a.charAt(first) == b.charAt(second)
            && a.charAt(second) == b.charAt(first));
  }

  /** Words turned round at one place: {@code smith jane} and {@code jane smith}. */
  static boolean inAnotherOrder(PersonName a, PersonName b) {
    List<String> words = b.words();
    if (words.size() < 2 || a.key().length() != b.key().length() || a.key().equals(b.key())) {
      return false;
    }
    for (int i = 1; i < words.size(); i++) {
      String turned =
          String.join("", words.subList(i, words.size())) + String.join("", words.subList(0, i));
      if (turned.equals(a.key())) {
        return true;
      }
    }
    return false;
  }

  /** {@code longer} has all the words of {@code shorter} (two or more) in order, and one more. */
  static boolean oneWordMore(PersonName longer, PersonName shorter) {
    List<String> more = longer.words();
    List<String> fewer = shorter.words();
    if (fewer.size() < 2 || more.size() != fewer.size() + 1) {
      return false;
    }
    int j = 0;
    for (int i = 0; i < more.size() && j < fewer.size(); i++) {
      if (more.get(i).equals(fewer.get(j))) {
        j++;
      }
    }
    return j == fewer.size();
  }

  /** A letter or two apart, or every word sounding the same. */
  static boolean spelledDifferently(PersonName a, PersonName b) {
    if (a.key().equals(b.key())) {
      return false;
    }
    int limit = Math.min(a.key().length(), b.key().length()) >= LONG_NAME ? 2 : 1;
    if (distance(a.key(), b.key(), limit) <= limit) {
      return true;
    }
    return soundAlike(a.words(), b.words());
  }

  static boolean soundAlike(List<String> some, List<String> others) {
    if (some.size() != others.size() || some.isEmpty()) {
      return false;
    }
    for (int i = 0; i < some.size(); i++) {
      if (!soundAlike(some.get(i), others.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean soundAlike(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    String a1 = METAPHONE.doubleMetaphone(a);
    String a2 = METAPHONE.doubleMetaphone(a, true);
    String b1 = METAPHONE.doubleMetaphone(b);
    String b2 = METAPHONE.doubleMetaphone(b, true);
    if (a1 == null || b1 == null || a1.isEmpty() || b1.isEmpty()) {
      return false;
    }
    return a1.equals(b1) || a1.equals(b2) || a2.equals(b1) || a2.equals(b2);
  }

  /**
   * The Damerau-Levenshtein distance (optimal string alignment: each letter added, removed or
   * changed, or two neighbours swapped, counts one), or {@code limit + 1} as soon as it is sure to
   * be more than {@code limit}.
   */
  static int distance(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > limit) {
      return limit + 1;
    }
    int[] before = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowBest = current[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, before[j - 2] + 1);
        }
        current[j] = d;
        rowBest = Math.min(rowBest, d);
      }
      if (rowBest > limit) {
        return limit + 1;
      }
      int[] spare = before;
      before = previous;
      previous = current;
      current = spare;
    }
    return Math.min(previous[m], limit + 1);
  }
}
