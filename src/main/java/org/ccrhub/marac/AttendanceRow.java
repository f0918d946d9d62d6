package org.ccrhub.marac;

import org.jspecify.annotations.Nullable;

/**
 * An agency's attendance at a meeting: not recorded ({@code status} empty), present, apologies with
 * its information sent, or absent; who represented it and whether they signed the confidentiality
 * statement.
 */
public record AttendanceRow(
    long agencyId,
    String agency,
    @Nullable AttendanceStatus status,
    @Nullable String representative,
    boolean confidentialitySigned) {

  public boolean recorded() {
    return status != null;
  }
}
