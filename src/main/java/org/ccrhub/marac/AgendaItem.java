package org.ccrhub.marac;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A case on a meeting's agenda.
 *
 * @param victimName empty once the victim's details were removed at retention
 * @param children the children in the household
 * @param repeat whether the referral is a repeat (the same victim referred within the MARAC's
 *     repeat window before it)
 * @param openActions the case's open actions from earlier meetings
 * @param meetingId the meeting at which the case is heard
 */
public record AgendaItem(
    long referralId,
    @Nullable String victimName,
    LocalDate referralDate,
    String referringAgency,
    int children,
    boolean repeat,
    int openActions,
    long meetingId,
    Section section) {

  /** The SafeLives order of an agenda. */
  public enum Section {
    OUTSTANDING_ACTIONS("Outstanding actions from earlier meetings"),
    CHILDREN("New cases with children"),
    ADULTS_ONLY("New cases without children");

    private final String label;

    Section(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public String victim() {
    return victimName == null ? "Details removed" : victimName;
  }
}
