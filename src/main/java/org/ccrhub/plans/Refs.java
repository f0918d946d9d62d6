package org.ccrhub.plans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Action references such as {@code 3.1.1} or {@code A10}. Plans list actions in the natural order
 * of their references: numbers compare as numbers ({@code 2.9} before {@code 2.10}), a reference
 * comes before those that extend it ({@code 3.1} before {@code 3.1.1}), and letters compare
 * regardless of case.
 */
public final class Refs {

  /** Natural order of action references, e.g. {@code 2.9 < 2.10} and {@code A2 < A10}. */
  public static final Comparator<String> NATURAL_ORDER = Refs::compare;

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9.-]{1,20}");
  private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile(".*[A-Za-z0-9].*");

  private Refs() {}

  /**
   * Whether the text can be an action reference: 1 to 20 letters, digits, dots or hyphens with at
   * least one letter or digit, and no spaces.
   */
  public static boolean isValid(String ref) {
    return VALID.matcher(ref).matches() && HAS_LETTER_OR_DIGIT.matcher(ref).matches();
  }

  /**
   * Where a new item goes among items in the plan's order, given their refs in that order: before
   * the first item whose ref comes after its ref, else last. So a 1.1.3 added to 1.1.2 and 1.1.4
   * goes between them, whatever order they were added in. Items without a ref keep their place
   * (plans without refs are in the order they were written), and a new one without a ref goes last.
   */
  public static int placeFor(List<Optional<String>> refsInOrder, Optional<String> ref) {
    if (ref.isPresent()) {
      for (int i = 0; i < refsInOrder.size(); i++) {
        Optional<String> other = refsInOrder.get(i);
        if (other.isPresent() && compare(other.get(), ref.get()) > 0) {
          return i;
        }
      }
    }
    return refsInOrder.size();
  }

  private static int compare(String a, String b) {
    List<String> left = tokens(a);
    List<String> right = tokens(b);
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      int order = compareTokens(left.get(i), right.get(i));
      if (order != 0) {
        return order;
      }
    }
    int order = Integer.compare(left.size(), right.size());
    return order != 0 ? order : a.compareTo(b);
  }

  /** Runs of digits, and each other character on its own. */
  private static List<String> tokens(String ref) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < ref.length()) {
      int end = i + 1;
      if (isDigit(ref.charAt(i))) {
        while (end < ref.length() && isDigit(ref.charAt(end))) {
          end++;
        }
      }
      tokens.add(ref.substring(i, end));
      i = end;
    }
    return tokens;
  }

  private static int compareTokens(String a, String b) {
    boolean aNumber = isDigit(a.charAt(0));
    boolean bNumber = isDigit(b.charAt(0));
    if (aNumber && bNumber) {
      String x = withoutLeadingZeros(a);
      String y = withoutLeadingZeros(b);
      int order = Integer.compare(x.length(), y.length());
      return order != 0 ? order : x.compareTo(y);
    }
    if (aNumber != bNumber) {
      return aNumber ? -1 : 1;
    }
    return a.compareToIgnoreCase(b);
  }

  private static String withoutLeadingZeros(String digits) {
    String trimmed = digits.replaceFirst("^0+", "");
    return trimmed.isEmpty() ? "0" : trimmed;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
