package org.ccrhub.marac;

import java.util.Map;
import org.ccrhub.shared.InvalidInputException;

/**
 * An answer to a yes-or-no question that may not be known: each DASH question, and whether a victim
 * is disabled or LGBT+. Only {@link #YES} counts: towards the DASH score and in the data return.
 */
public enum Answer {
  YES("Yes"),
  NO("No"),
  NOT_KNOWN("Not known");

  private static final Map<String, Answer> WRITTEN =
      Map.ofEntries(
          Map.entry("yes", YES),
          Map.entry("y", YES),
          Map.entry("no", NO),
          Map.entry("n", NO),
          Map.entry("not known", NOT_KNOWN),
          Map.entry("unknown", NOT_KNOWN),
          Map.entry("don't know", NOT_KNOWN),
          Map.entry("dont know", NOT_KNOWN),
          Map.entry("not stated", NOT_KNOWN),
          Map.entry("", NOT_KNOWN));

  private final String label;

  Answer(String label) {
    this.label = label;
  }

  /** As shown: "Yes", "No", "Not known". */
  public String label() {
    return label;
  }

  /**
   * Reads {@code yes}, {@code no} or {@code not known} in any case ({@code y}, {@code n}, {@code
   * unknown} and {@code don't know} too); a blank is not known.
   */
  public static Answer parse(String text) {
    Answer answer = WRITTEN.get(Words.key(text));
    if (answer == null) {
      throw new InvalidInputException("Enter yes, no or not known");
    }
    return answer;
  }
}
