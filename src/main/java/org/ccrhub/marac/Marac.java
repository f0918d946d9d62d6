package org.ccrhub.marac;

import java.util.Objects;

/**
 * A MARAC run by a partnership (ADR 19): its name and the settings of its operating protocol. It
 * holds no case data: the cases are reached only through {@link MaracAccess}.
 *
 * @param version for optimistic locking of the settings page
 */
public record Marac(
    long id,
    long partnershipId,
    String name,
    MaracSettings settings,
    MeetingFrequency meetingFrequency,
    int version) {

  public Marac {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(meetingFrequency, "meetingFrequency");
  }
}
