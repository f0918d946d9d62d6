package org.ccrhub.marac;

import java.util.Objects;
import java.util.Set;

/**
 * A signed-in person reading a MARAC's cases, with the roles they hold in it ({@link
 * MaracAccess#reader}); there is no reader without a role. What each role sees (ADR 19): the
 * coordinator and the chair every case and every agency's research; a member the cases on the
 * agendas released to the members, their own agencies' research and every action; an IDVA the cases
 * allocated to them and those on released agendas.
 *
 * @param actorName how the audit trail names the person
 */
public record MaracReader(Marac marac, long accountId, String actorName, MaracRoles.Held held) {

  public MaracReader {
    Objects.requireNonNull(marac, "marac");
    Objects.requireNonNull(held, "held");
    if (!held.any()) {
      throw new IllegalArgumentException("A reader holds a role in the MARAC");
    }
  }

  public boolean has(MaracRole role) {
    return held.has(role);
  }

  /** The coordinator and the chair see every case. */
  public boolean seesEveryCase() {
    return held.has(MaracRole.MARAC_COORDINATOR) || held.has(MaracRole.MARAC_CHAIR);
  }

  /** Only the coordinator records referrals, builds agendas and changes cases. */
  public boolean coordinates() {
    return held.has(MaracRole.MARAC_COORDINATOR);
  }

  /** The agencies whose research the person records and reads as a member. */
  public Set<Long> agencies() {
    return held.agencies();
  }

  public long maracId() {
    return marac.id();
  }
}
