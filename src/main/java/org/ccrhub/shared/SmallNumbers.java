package org.ccrhub.shared;

/**
 * Small-number suppression of figures about people for those who may not see the people, on screens
 * and in board papers (the MARAC's figures outside its roles, information sharing's outside the
 * data protection lead): a count from 1 to one less than the threshold (1 to 4 with the default of
 * 5) is shown as {@code <5}, and a figure from which such a count could be worked out (a percentage
 * of it, or the other half of a total) as {@value #DERIVED}. Zero is shown: it describes no one.
 * The data return sent to SafeLives and the sharing register's reconciliation file are exact
 * ({@link #NONE}).
 *
 * <p>The same rule as the indicators' suppression (ADR 6), kept here so that the MARAC and sharing
 * modules do not depend on the indicators, which are to show their figures.
 */
public record SmallNumbers(int threshold) {

  /** What replaces a figure that would reveal a hidden count. */
  public static final String DERIVED = "[c]";

  /** The usual threshold: counts 1 to 4 are hidden. */
  public static final SmallNumbers STANDARD = new SmallNumbers(5);

  /** Exact figures, for those who may see the people, and the files that must be exact. */
  public static final SmallNumbers NONE = new SmallNumbers(0);

  public SmallNumbers {
    if (threshold < 0) {
      throw new IllegalArgumentException("The suppression threshold cannot be negative");
    }
  }

  /** Whether a count is small enough to hide: 1 to threshold - 1. */
  public boolean hides(long count) {
    return count > 0 && count < threshold;
  }

  /** A count as shown: {@code <5} when it is hidden, else the number. */
  public String count(long count) {
    return hides(count) ? "<" + threshold : Long.toString(count);
  }
}
