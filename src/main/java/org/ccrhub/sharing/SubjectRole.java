package org.ccrhub.sharing;

import java.util.Arrays;
import java.util.Optional;
import org.ccrhub.tabular.Table;

/** The role of a data subject in a request, as the protocol's request form lists them. */
public enum SubjectRole {
  VICTIM("Victim"),
  INFORMANT("Informant"),
  WITNESS("Witness"),
  SUSPECT("Suspect"),
  OFFENDER("Offender"),
  CHILD("Child"),
  OTHER("Other");

  private final String label;

  SubjectRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The role these words name, capitals, spaces and punctuation aside. */
  public static Optional<SubjectRole> ofWords(String words) {
    String key = Table.normalise(words);
    return Arrays.stream(values()).filter(r -> Table.normalise(r.label).equals(key)).findFirst();
  }
}
