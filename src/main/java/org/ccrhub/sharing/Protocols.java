package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The partnership's information sharing protocols: the register every member reads (Appendix A of a
 * protocol: its versions, parties, signatories and SPOCs), and what a request needs of them.
 */
@Service
public class Protocols {

  private final JdbcClient jdbc;

  Protocols(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every protocol of the partnership with its dates in force and its parties, by title. */
  public List<ProtocolCover.Protocol> covers(Partnership partnership) {
    Map<Long, List<ProtocolCover.Party>> parties = new HashMap<>();
    jdbc.sql(
            """
            select protocol_id, agency_id, party_from, party_until from sharing_party
            where partnership_id = :p
            """)
        .param("p", partnership.id())
        .query(
            rs -> {
              parties
                  .computeIfAbsent(rs.getLong("protocol_id"), k -> new ArrayList<>())
                  .add(
                      new ProtocolCover.Party(
                          rs.getLong("agency_id"),
                          rs.getObject("party_from", LocalDate.class),
                          rs.getObject("party_until", LocalDate.class)));
            });
    return jdbc.sql(
            """
            select id, title, in_force_from, in_force_until, ending from sharing_protocol
            where partnership_id = :p
            order by lower(title), id
            """)
        .param("p", partnership.id())
        .query(
            (rs, n) -> {
              String ending = rs.getString("ending");
              return new ProtocolCover.Protocol(
                  rs.getLong("id"),
                  rs.getString("title"),
                  rs.getObject("in_force_from", LocalDate.class),
                  rs.getObject("in_force_until", LocalDate.class),
                  ending == null ? null : ProtocolEnding.valueOf(ending),
                  parties.getOrDefault(rs.getLong("id"), List.of()));
            })
        .list();
  }
}
