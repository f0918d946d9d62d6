package org.ccrhub.sharing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.ccrhub.security.TwoFactorRequirement;
import org.ccrhub.shared.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SPOCs, deputies and delegates of the protocols' parties, as the two-factor rule sees them
 * (ADR 20): an account must sign in with two factors while its person of the directory ({@code
 * account_person}) is the SPOC or deputy of a party, or a delegate for one until the delegation's
 * last day, while the party has not left, under a protocol that has not ended (no last day, or a
 * last day today or later), and the account is a member of that partnership. They decide what is
 * shared about residents, so they are held to what the MARAC roles are. A draft counts: the person
 * is named already, and will decide from its first day in force.
 *
 * <p>Asked on every request of a signed-in person without two-factor sign-in: one query from the
 * account ({@code account_person_by_account}), then the parties by person and the delegations by
 * person ({@code sharing_delegation_by_person}).
 */
@Service
public class SharingContacts implements TwoFactorRequirement {

  private final JdbcClient jdbc;
  private final Clock clock;

  SharingContacts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The parties the account's person is a SPOC or deputy of, not left, under a live protocol. */
  private static final String HELD =
      """
      from account_person l
      join membership m on m.user_account_id = l.user_account_id
          and m.partnership_id = l.partnership_id
      join sharing_party s on s.partnership_id = l.partnership_id
          and l.person_id in (s.spoc_person_id, s.deputy_person_id)
      join sharing_protocol p on p.partnership_id = s.partnership_id and p.id = s.protocol_id
      join agency a on a.partnership_id = s.partnership_id and a.id = s.agency_id
      where l.user_account_id = :account
        and (p.in_force_until is null or p.in_force_until >= :today)
        and (s.party_until is null or s.party_until >= :today)
      """;

  /**
   * E.g. "SPOC for Northbridge Police under the Northbridge ISP", "deputy SPOC for Southmere Homes
   * under the MARAC ISP".
   */
  /**
   * The parties the account's person decides for as a delegate: not ended, up to its last day, the
   * party not left, under a live protocol.
   */
  private static final String DELEGATED =
      """
      from account_person l
      join membership m on m.user_account_id = l.user_account_id
          and m.partnership_id = l.partnership_id
      join sharing_delegation d on d.partnership_id = l.partnership_id
          and d.person_id = l.person_id
      join sharing_party s on s.partnership_id = d.partnership_id and s.id = d.party_id
      join sharing_protocol p on p.partnership_id = s.partnership_id and p.id = s.protocol_id
      join agency a on a.partnership_id = s.partnership_id and a.id = s.agency_id
      where l.user_account_id = :account
        and d.ended_at is null and d.until >= :today
        and (p.in_force_until is null or p.in_force_until >= :today)
        and (s.party_until is null or s.party_until >= :today)
      """;

  /**
   * E.g. "SPOC for Northbridge Police under the Northbridge ISP", "deputy SPOC for Southmere Homes
   * under the MARAC ISP", "delegate for Northbridge Council under the Northbridge ISP".
   */
  @Override
  @Transactional(readOnly = true)
  public Set<String> heldBy(long accountId) {
    return new TreeSet<>(
        jdbc.sql(
                "select case when s.spoc_person_id = l.person_id then 'SPOC for '"
                    + " else 'deputy SPOC for ' end as held, a.name as agency, p.title "
                    + HELD
                    + " union select 'delegate for ', a.name, p.title "
                    + DELEGATED)
            .param("account", accountId)
            .param("today", today())
            .query(
                (rs, n) ->
                    rs.getString("held")
                        + rs.getString("agency")
                        + " under "
                        + ProtocolRegister.the(rs.getString("title")))
            .list());
  }

  @Override
  @Transactional(readOnly = true)
  public boolean heldIn(long partnershipId, long accountId) {
    return jdbc.sql(
            "select exists (select 1 "
                + HELD
                + " and l.partnership_id = :p) or exists (select 1 "
                + DELEGATED
                + " and l.partnership_id = :p)")
        .param("account", accountId)
        .param("today", today())
        .param("p", partnershipId)
        .query(Boolean.class)
        .single();
  }

  private LocalDate today() {
    return Dates.today(clock);
  }
}
