package org.ccrhub.security;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.ccrhub.shared.InvalidInputException;

/** What a person may do in one partnership. A person may hold several roles in it. */
public enum Role {
  PARTNERSHIP_ADMIN("Partnership administrator"),
  STRATEGIC_LEAD("Strategic lead"),
  ACTION_LEAD("Action lead"),
  ANALYST("Analyst"),
  VIEWER("Viewer");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
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
