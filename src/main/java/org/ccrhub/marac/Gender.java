package org.ccrhub.marac;

import java.util.Map;
import org.ccrhub.shared.InvalidInputException;

/**
 * A victim's or perpetrator's gender as a referral records it. The data return counts {@link #MALE}
 * victims ({@code male_pct}).
 */
public enum Gender {
  FEMALE("Female"),
  MALE("Male"),
  ANOTHER("In another way"),
  NOT_KNOWN("Not known");

  private static final Map<String, Gender> WRITTEN =
      Map.ofEntries(
          Map.entry("female", FEMALE),
          Map.entry("f", FEMALE),
          Map.entry("woman", FEMALE),
          Map.entry("girl", FEMALE),
          Map.entry("male", MALE),
          Map.entry("m", MALE),
          Map.entry("man", MALE),
          Map.entry("boy", MALE),
          Map.entry("in another way", ANOTHER),
          Map.entry("another way", ANOTHER),
          Map.entry("other", ANOTHER),
          Map.entry("non-binary", ANOTHER),
          Map.entry("nonbinary", ANOTHER),
          Map.entry("non binary", ANOTHER),
          Map.entry("not known", NOT_KNOWN),
          Map.entry("unknown", NOT_KNOWN),
          Map.entry("not stated", NOT_KNOWN),
          Map.entry("prefer not to say", NOT_KNOWN),
          Map.entry("", NOT_KNOWN));

  private final String label;

  Gender(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Reads {@code female}, {@code male}, {@code in another way} (or {@code other}, {@code
   * non-binary}) and {@code not known} in any case, and {@code f} and {@code m}; a blank is not
   * known.
   */
  public static Gender parse(String text) {
    Gender gender = WRITTEN.get(Words.key(text));
    if (gender == null) {
      throw new InvalidInputException("Enter female, male, in another way or not known");
    }
    return gender;
  }
}
