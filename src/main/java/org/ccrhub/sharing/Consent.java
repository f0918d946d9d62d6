package org.ccrhub.sharing;

import java.util.Optional;
import org.ccrhub.tabular.Table;

/** A data subject's consent to the request: given, not sought (and why), or refused. */
public enum Consent {
  GIVEN("Given"),
  NOT_SOUGHT("Not sought"),
  REFUSED("Refused");

  private final String label;

  Consent(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The answer these words give ({@code given}, {@code refused}, {@code not sought}). */
  public static Optional<Consent> ofWords(String words) {
    return switch (Table.normalise(words)) {
      case "given", "consentgiven", "obtained" -> Optional.of(GIVEN);
      case "notsought", "notobtained" -> Optional.of(NOT_SOUGHT);
      case "refused", "consentrefused" -> Optional.of(REFUSED);
      default -> Optional.empty();
    };
  }
}
