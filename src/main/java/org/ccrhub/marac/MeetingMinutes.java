package org.ccrhub.marac;

import java.util.List;

/**
 * The minutes of a meeting, produced from what was recorded: who attended, and for each case heard
 * the risks discussed and the actions agreed with their agencies and due dates.
 *
 * @param attendance only the agencies whose attendance was recorded
 */
public record MeetingMinutes(
    Marac marac, Meeting meeting, List<AttendanceRow> attendance, List<MinutesCase> cases) {

  public List<Long> ids() {
    return cases.stream().map(c -> c.item().referralId()).toList();
  }
}
