package org.ccrhub.sharing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The grounds for sharing information without the person's consent, as the protocol's decision
 * record lists them.
 */
public enum Ground {
  PREVENT_SIGNIFICANT_HARM("Prevent significant harm"),
  PREVENTION_OR_DETECTION_OF_CRIME("Prevention or detection of crime"),
  PUBLIC_INTEREST("Public interest"),
  LEGAL_DUTY("Legal duty");

  private final String label;

  Ground(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The ground these words name, capitals and spaces aside ("prevention or detection of crime"), as
   * a decision log writes them among its reasons.
   */
  public static Optional<Ground> ofWords(String words) {
    String wanted = normal(words);
    return Arrays.stream(values()).filter(g -> normal(g.label).equals(wanted)).findFirst();
  }

  private static String normal(String words) {
    return words.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
