package org.ccrhub.marac;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.partnership.AgencyUses;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The MARAC's records that name an agency: referrals it made, its research for cases, its
 * attendance at meetings, actions given to it and the MARAC roles of people who represent it. Kept
 * after retention too (the data return counts them), so such an agency stays.
 */
@Component
class MaracAgencyUses implements AgencyUses {

  private final JdbcClient jdbc;

  MaracAgencyUses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> whyInUse(Partnership partnership, long agencyId) {
    List<Long> counts =
        jdbc.sql(
                """
                select
                  (select count(*) from marac_referral r join marac m on m.id = r.marac_id
                     where m.partnership_id = :p and r.referring_agency_id = :a),
                  (select count(*) from marac_research x
                     join marac_referral r on r.id = x.referral_id
                     join marac m on m.id = r.marac_id
                     where m.partnership_id = :p and x.agency_id = :a),
                  (select count(*) from marac_attendance t
                     join marac_meeting g on g.id = t.meeting_id
                     join marac m on m.id = g.marac_id
                     where m.partnership_id = :p and t.agency_id = :a),
                  (select count(*) from marac_action c
                     join marac_referral r on r.id = c.referral_id
                     join marac m on m.id = r.marac_id
                     where m.partnership_id = :p and c.agency_id = :a),
                  (select count(*) from marac_role o join marac m on m.id = o.marac_id
                     where m.partnership_id = :p and o.agency_id = :a)
                """)
            .param("p", partnership.id())
            .param("a", agencyId)
            .query(
                (rs, n) ->
                    List.of(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
            .single();
    String[][] words = {
      {"MARAC referral", "MARAC referrals"},
      {"agency research for a MARAC case", "agency research records for MARAC cases"},
      {"MARAC meeting attendance record", "MARAC meeting attendance records"},
      {"MARAC action", "MARAC actions"},
      {"MARAC role", "MARAC roles"}
    };
    List<String> named = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (counts.get(i) > 0) {
        named.add(AgencyUses.count(counts.get(i), words[i][0], words[i][1]));
      }
    }
    return named.isEmpty()
        ? Optional.empty()
        : Optional.of("It is named by " + AgencyUses.listed(named) + ".");
  }
}
