package org.ccrhub.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccrhub.shared.InvalidInputException;

/**
 * What a person may do in one partnership. A person may hold several roles in it. A role that
 * reaches personal data requires two-factor sign-in (ADR 17), e.g. {@code MARAC_COORDINATOR("MARAC
 * coordinator", Requires.TWO_FACTOR_SIGN_IN)}.
 */
public enum Role {
  PARTNERSHIP_ADMIN("Partnership administrator"),
  STRATEGIC_LEAD("Strategic lead"),
  ACTION_LEAD("Action lead"),
  ANALYST("Analyst"),
  VIEWER("Viewer"),
  /**
   * Keeps the information-sharing record (ADR 20): sees every request and consent record of the
   * partnership, the whole decision log and exact figures, and who looked at what.
   */
  DATA_PROTECTION_LEAD("Data protection lead", Requires.TWO_FACTOR_SIGN_IN);

  /** What a role asks of the people who hold it. */
  public enum Requires {
    /** They must sign in with two factors: set it up before anything else, never turn it off. */
    TWO_FACTOR_SIGN_IN
  }

  private final String label;
  private final Set<Requires> requires;

  Role(String label, Requires... requires) {
    this.label = label;
    this.requires = requires.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(requires));
  }

  public String label() {
    return label;
  }

  /**
   * Whether a person holding this role (in any partnership) must set up two-factor sign-in before
   * they can do anything, and cannot turn it off.
   */
  public boolean requiresTwoFactor() {
    return requires.contains(Requires.TWO_FACTOR_SIGN_IN);
  }

  /** The Spring Security authority, e.g. {@code ROLE_PARTNERSHIP_ADMIN}. */
  public String authority() {
    return "ROLE_" + name();
  }

  public static Role parse(String value) {
    return Arrays.stream(values())
        .filter(r -> r.name().equalsIgnoreCase(value == null ? "" : value.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "Role '"
                        + value
                        + "' is not valid: use one of "
                        + Arrays.stream(values())
                            .map(Enum::name)
                            .collect(Collectors.joining(", "))));
  }
}
