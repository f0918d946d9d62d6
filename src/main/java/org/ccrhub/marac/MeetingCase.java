package org.ccrhub.marac;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A case as its meeting page shows it: who, when referred and by whom, the meeting it is heard at
 * (none until it is on an agenda) and the risks discussed there.
 */
public record MeetingCase(
    long referralId,
    @Nullable String victimName,
    LocalDate referralDate,
    String referringAgency,
    @Nullable Long meetingId,
    @Nullable LocalDate meetingDate,
    @Nullable String risksDiscussed,
    boolean closed) {

  public String victim() {
    return victimName == null ? "Details removed" : victimName;
  }

  public boolean onAgenda() {
    return meetingId != null;
  }
}
