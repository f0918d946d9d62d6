package org.ccrhub.partnership;

/**
 * Someone who sits on the partnership's groups: a board member, an action lead, a MARAC
 * representative. This is personal data: reading a person's full record is written to the audit
 * trail.
 *
 * @param version counts the changes saved, so that a change made on an out-of-date page is refused
 */
public record Person(long id, PersonDetails details, int version) {

  public String name() {
    return details.name();
  }
}
