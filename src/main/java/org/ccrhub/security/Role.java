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
  PARTNERSHIP_ADMIN(
      "Partnership administrator", "Manages the partnership's members, agencies and settings"),
  STRATEGIC_LEAD("Strategic lead", "Writes and follows the strategy and the delivery plans"),
  ACTION_LEAD("Action lead", "Updates the actions they lead every quarter"),
  ANALYST("Analyst", "Keeps the indicators and their figures"),
  VIEWER("Viewer", "Reads the plans, the indicators and the board's papers: a board member"),
  /**
   * Keeps the information-sharing record (ADR 20): sees every request and consent record of the
   * partnership, the whole decision log and exact figures, and who looked at what.
   */
  DATA_PROTECTION_LEAD(
      "Data protection lead",
      "Keeps the information-sharing record: every request, the decision log and who looked",
      Requires.TWO_FACTOR_SIGN_IN),
  /**
   * Asks other agencies for information, and nothing more (ADR 20): the role for an officer who
   * needs no other part of CCR Hub. They read what any member reads.
   */
  SHARING_OFFICER(
      "Sharing officer",
      "Asks other agencies for information about people, and nothing more; their account must be"
          + " linked to a person of their agency",
      Requires.TWO_FACTOR_SIGN_IN);

  /** What a role asks of the people who hold it. */
  public enum Requires {
    /** They must sign in with two factors: set it up before anything else, never turn it off. */
    TWO_FACTOR_SIGN_IN
  }

  private final String label;
  private final String hint;
  private final Set<Requires> requires;

  Role(String label, String hint, Requires... requires) {
    this.label = label;
    this.hint = hint;
    this.requires = requires.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(requires));
  }

  public String label() {
    return label;
  }

  /** What the role does, in a line, for the forms that give it. */
  public String hint() {
    return hint + (requiresTwoFactor() ? ". Needs two-factor sign-in." : ".");
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
