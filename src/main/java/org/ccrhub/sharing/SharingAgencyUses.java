package org.ccrhub.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.partnership.AgencyUses;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Information sharing's records that name an agency: requests it made or was asked, its places as a
 * party to protocols, and consent records it keeps or that let information go to it. The decision
 * log keeps the agencies' names as written, so it does not hold an agency back.
 */
@Component
class SharingAgencyUses implements AgencyUses {

  private final JdbcClient jdbc;

  SharingAgencyUses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> whyInUse(Partnership partnership, long agencyId) {
    record Counts(long requests, long parties, long consents) {}
    Counts counts =
        jdbc.sql(
                """
                select
                  (select count(*) from sharing_request r where r.partnership_id = :p
                     and (r.requesting_agency_id = :a or r.asked_agency_id = :a)),
                  (select count(*) from sharing_party s where s.partnership_id = :p
                     and s.agency_id = :a),
                  (select count(*) from sharing_consent c where c.partnership_id = :p
                     and (c.agency_id = :a or exists (select 1 from sharing_consent_recipient cr
                          where cr.consent_id = c.id and cr.agency_id = :a)))
                """)
            .param("p", partnership.id())
            .param("a", agencyId)
            .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
            .single();
    List<String> named = new ArrayList<>();
    if (counts.requests() > 0) {
      named.add(
          AgencyUses.count(
              counts.requests(), "information-sharing request", "information-sharing requests"));
    }
    if (counts.parties() > 0) {
      named.add(AgencyUses.count(counts.parties(), "protocol party", "protocol parties"));
    }
    if (counts.consents() > 0) {
      named.add(AgencyUses.count(counts.consents(), "consent record", "consent records"));
    }
    return named.isEmpty()
        ? Optional.empty()
        : Optional.of("It is named by " + AgencyUses.listed(named) + ".");
  }
}
