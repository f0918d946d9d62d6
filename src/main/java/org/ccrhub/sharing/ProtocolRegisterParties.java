package org.ccrhub.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The parties of the register's protocols, for {@link Protocols}, which locks the protocol before
 * any change here. A party's SPOC and deputy are people of the directory in the party's agency;
 * each appointment and change of them is audited by the person's id ({@code APPOINT_SPOC}, {@code
 * APPOINT_DEPUTY}, {@code REMOVE_DEPUTY}), as role changes are.
 */
final class ProtocolRegisterParties {

  /** Whether a person is linked to an account that is a member of the partnership. */
  private static final String HAS_ACCOUNT =
      """
      exists (select 1 from account_person l join membership m
                  on m.partnership_id = l.partnership_id and m.user_account_id = l.user_account_id
              where l.partnership_id = %1$s.partnership_id and l.person_id = %1$s.id)
      """;

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  ProtocolRegisterParties(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The protocol's parties by agency name. */
  List<ProtocolRegister.Party> of(Partnership partnership, long protocolId) {
    return jdbc.sql(
            """
            select s.id, s.agency_id, a.name as agency_name, s.signatory_name, s.signatory_role,
                s.signed_on, s.party_from, s.party_until, s.version,
                c.id as spoc_id, c.name as spoc_name, c.agency_id as spoc_agency,
                %s as spoc_account,
                d.id as deputy_id, d.name as deputy_name, d.agency_id as deputy_agency,
                %s as deputy_account
            from sharing_party s
            join agency a on a.partnership_id = s.partnership_id and a.id = s.agency_id
            left join person c on c.partnership_id = s.partnership_id and c.id = s.spoc_person_id
            left join person d on d.partnership_id = s.partnership_id
                and d.id = s.deputy_person_id
            where s.partnership_id = :p and s.protocol_id = :protocol
            order by lower(a.name), s.id
            """
                .formatted(HAS_ACCOUNT.formatted("c"), HAS_ACCOUNT.formatted("d")))
        .param("p", partnership.id())
        .param("protocol", protocolId)
        .query(
            (rs, n) ->
                new ProtocolRegister.Party(
                    rs.getLong("id"),
                    rs.getLong("agency_id"),
                    rs.getString("agency_name"),
                    rs.getString("signatory_name"),
                    rs.getString("signatory_role"),
                    Optional.ofNullable(rs.getObject("signed_on", LocalDate.class)),
                    rs.getObject("party_from", LocalDate.class),
                    Optional.ofNullable(rs.getObject("party_until", LocalDate.class)),
                    contact(rs, "spoc"),
                    contact(rs, "deputy"),
                    rs.getInt("version")))
        .list();
  }

  private static Optional<ProtocolRegister.Contact> contact(ResultSet rs, String which)
      throws SQLException {
    long id = rs.getLong(which + "_id");
    if (rs.wasNull()) {
      return Optional.empty();
    }
    Long agency = rs.getObject(which + "_agency", Long.class);
    return Optional.of(
        new ProtocolRegister.Contact(
            id,
            rs.getString(which + "_name"),
            rs.getBoolean(which + "_account"),
            agency != null && agency == rs.getLong("agency_id")));
  }

  /** The people of the partnership who work for an agency, by agency and name. */
  List<ProtocolRegister.Candidate> candidates(Partnership partnership) {
    return jdbc.sql(
            """
            select p.id, p.agency_id, p.name, p.job_title, %s as has_account
            from person p
            join agency a on a.partnership_id = p.partnership_id and a.id = p.agency_id
            where p.partnership_id = :p
            order by lower(a.name), a.id, lower(p.name), p.id
            """
                .formatted(HAS_ACCOUNT.formatted("p")))
        .param("p", partnership.id())
        .query(
            (rs, n) ->
                new ProtocolRegister.Candidate(
                    rs.getLong("id"),
                    rs.getLong("agency_id"),
                    rs.getString("name"),
                    Optional.ofNullable(rs.getString("job_title")),
                    rs.getBoolean("has_account")))
        .list();
  }

  long add(
      Partnership partnership,
      long protocolId,
      String title,
      long agencyId,
      ProtocolRegisterChanges.PartyDetails details) {
    String agency =
        jdbc.sql("select name from agency where partnership_id = :p and id = :id")
            .param("p", partnership.id())
            .param("id", agencyId)
            .query(String.class)
            .optional()
            .orElseThrow(
                () ->
                    new ProtocolRegisterRejectedException(
                        "agency", "Choose an agency of the partnership"));
    boolean already =
        jdbc.sql(
                "select exists (select 1 from sharing_party where protocol_id = :protocol"
                    + " and agency_id = :agency)")
            .param("protocol", protocolId)
            .param("agency", agencyId)
            .query(Boolean.class)
            .single();
    if (already) {
      throw new ProtocolRegisterRejectedException(
          "agency", agency + " is already a party to " + ProtocolRegister.the(title));
    }
    checkContacts(partnership, agencyId, agency, details);
    long id =
        jdbc.sql(
                """
                insert into sharing_party (partnership_id, protocol_id, agency_id,
                    signatory_name, signatory_role, signed_on, party_from, spoc_person_id,
                    deputy_person_id)
                values (:p, :protocol, :agency, :name, :role, :signed, :from, :spoc, :deputy)
                returning id
                """)
            .param("p", partnership.id())
            .param("protocol", protocolId)
            .param("agency", agencyId)
            .param("name", details.signatoryName())
            .param("role", details.signatoryRole())
            .param("signed", details.signedOn().orElse(null))
            .param("from", details.joinedOn())
            .param("spoc", details.spocPersonId())
            .param("deputy", details.deputyPersonId().orElse(null))
            .query(Long.class)
            .single();
    String under = " under " + ProtocolRegister.the(title);
    record(
        partnership,
        "CREATE",
        id,
        "Added "
            + agency
            + " as a party to "
            + ProtocolRegister.the(title)
            + " from "
            + Dates.date(details.joinedOn())
            + details.signedOn().map(d -> ", signed on " + Dates.date(d)).orElse(""));
    appointments(partnership, id, agency + under, null, null, details);
    return id;
  }

  void update(
      Partnership partnership,
      long protocolId,
      String title,
      long partyId,
      ProtocolRegisterChanges.PartyDetails details,
      int expectedVersion) {
    LockedParty party = lock(partnership, protocolId, partyId);
    if (party.version() != expectedVersion) {
      throw new ConcurrentChangeException("Party " + partyId);
    }
    checkContacts(partnership, party.agencyId(), party.agency(), details);
    if (party.leftOn() != null && details.joinedOn().isAfter(party.leftOn())) {
      throw new ProtocolRegisterRejectedException(
          "joinedOn",
          "The date it joined must be on or before its last day, " + Dates.date(party.leftOn()));
    }
    jdbc.sql(
            """
            update sharing_party set signatory_name = :name, signatory_role = :role,
                signed_on = :signed, party_from = :from, spoc_person_id = :spoc,
                deputy_person_id = :deputy, version = version + 1
            where id = :id
            """)
        .param("name", details.signatoryName())
        .param("role", details.signatoryRole())
        .param("signed", details.signedOn().orElse(null))
        .param("from", details.joinedOn())
        .param("spoc", details.spocPersonId())
        .param("deputy", details.deputyPersonId().orElse(null))
        .param("id", partyId)
        .update();
    List<String> changed = new ArrayList<>();
    if (!party.signatoryName().equals(details.signatoryName())
        || !party.signatoryRole().equals(details.signatoryRole())
        || !Objects.equals(party.signedOn(), details.signedOn().orElse(null))) {
      changed.add("signatory");
    }
    if (!party.joinedOn().equals(details.joinedOn())) {
      changed.add("joined on " + Dates.date(details.joinedOn()));
    }
    String under = " under " + ProtocolRegister.the(title);
    if (!changed.isEmpty()) {
      record(
          partnership,
          "UPDATE",
          partyId,
          "Changed " + party.agency() + " as a party" + under + ": " + String.join(", ", changed));
    }
    appointments(
        partnership, partyId, party.agency() + under, party.spoc(), party.deputy(), details);
  }

  void leave(
      Partnership partnership, long protocolId, String title, long partyId, LocalDate lastDay) {
    LockedParty party = lock(partnership, protocolId, partyId);
    List<ProtocolRegisterChanges.Problem> problems =
        ProtocolRegisterChanges.dayProblems("lastDay", "The last day", lastDay);
    if (!problems.isEmpty()) {
      throw new ProtocolRegisterRejectedException(problems);
    }
    if (lastDay.isBefore(party.joinedOn())) {
      throw new ProtocolRegisterRejectedException(
          "lastDay",
          "The last day must be on or after "
              + Dates.date(party.joinedOn())
              + ", the day it joined");
    }
    jdbc.sql("update sharing_party set party_until = :until, version = version + 1 where id = :id")
        .param("until", lastDay)
        .param("id", partyId)
        .update();
    record(
        partnership,
        "LEAVE",
        partyId,
        party.agency()
            + " leaves "
            + ProtocolRegister.the(title)
            + ": last day "
            + Dates.date(lastDay)
            + (party.leftOn() == null ? "" : " (was " + Dates.date(party.leftOn()) + ")"));
  }

  void rejoin(Partnership partnership, long protocolId, String title, long partyId) {
    LockedParty party = lock(partnership, protocolId, partyId);
    if (party.leftOn() == null) {
      throw new ProtocolRegisterRejectedException(
          "", party.agency() + " has not left " + ProtocolRegister.the(title));
    }
    jdbc.sql("update sharing_party set party_until = null, version = version + 1 where id = :id")
        .param("id", partyId)
        .update();
    record(
        partnership,
        "REJOIN",
        partyId,
        party.agency()
            + " is a party to "
            + ProtocolRegister.the(title)
            + " again (its last day was "
            + Dates.date(party.leftOn())
            + ")");
  }

  private record LockedParty(
      long agencyId,
      String agency,
      String signatoryName,
      String signatoryRole,
      @Nullable LocalDate signedOn,
      LocalDate joinedOn,
      @Nullable LocalDate leftOn,
      @Nullable Long spoc,
      @Nullable Long deputy,
      int version) {}

  private LockedParty lock(Partnership partnership, long protocolId, long partyId) {
    return jdbc.sql(
            """
            select s.agency_id, a.name, s.signatory_name, s.signatory_role, s.signed_on,
                s.party_from, s.party_until, s.spoc_person_id, s.deputy_person_id, s.version
            from sharing_party s
            join agency a on a.partnership_id = s.partnership_id and a.id = s.agency_id
            where s.partnership_id = :p and s.protocol_id = :protocol and s.id = :id
            for update of s
            """)
        .param("p", partnership.id())
        .param("protocol", protocolId)
        .param("id", partyId)
        .query(
            (rs, n) ->
                new LockedParty(
                    rs.getLong("agency_id"),
                    rs.getString("name"),
                    rs.getString("signatory_name"),
                    rs.getString("signatory_role"),
                    rs.getObject("signed_on", LocalDate.class),
                    rs.getObject("party_from", LocalDate.class),
                    rs.getObject("party_until", LocalDate.class),
                    rs.getObject("spoc_person_id", Long.class),
                    rs.getObject("deputy_person_id", Long.class),
                    rs.getInt("version")))
        .optional()
        .orElseThrow(() -> new NotFoundException("Party"));
  }

  /** The SPOC and the deputy must be people of the partnership in the party's agency. */
  private void checkContacts(
      Partnership partnership,
      long agencyId,
      String agency,
      ProtocolRegisterChanges.PartyDetails details) {
    List<Long> ids = new ArrayList<>();
    ids.add(details.spocPersonId());
    details.deputyPersonId().ifPresent(ids::add);
    Map<Long, Long> agencies = new HashMap<>();
    jdbc.sql(
            "select id, agency_id from person where partnership_id = :p and id in (:ids)"
                + " and agency_id is not null")
        .param("p", partnership.id())
        .param("ids", ids)
        .query(
            (ResultSet rs) -> {
              agencies.put(rs.getLong("id"), rs.getLong("agency_id"));
            });
    List<ProtocolRegisterChanges.Problem> problems = new ArrayList<>();
    if (!Long.valueOf(agencyId).equals(agencies.get(details.spocPersonId()))) {
      problems.add(
          new ProtocolRegisterChanges.Problem("spoc", "Choose a SPOC who works for " + agency));
    }
    details
        .deputyPersonId()
        .filter(d -> !Long.valueOf(agencyId).equals(agencies.get(d)))
        .ifPresent(
            d ->
                problems.add(
                    new ProtocolRegisterChanges.Problem(
                        "deputy", "Choose a deputy who works for " + agency)));
    if (!problems.isEmpty()) {
      throw new ProtocolRegisterRejectedException(problems);
    }
  }

  /** Audits each appointment or change of the SPOC and the deputy, naming people by id. */
  private void appointments(
      Partnership partnership,
      long partyId,
      String forWhom,
      @Nullable Long spocBefore,
      @Nullable Long deputyBefore,
      ProtocolRegisterChanges.PartyDetails details) {
    long spoc = details.spocPersonId();
    if (spocBefore == null || spocBefore != spoc) {
      record(
          partnership,
          "APPOINT_SPOC",
          partyId,
          "Appointed person "
              + spoc
              + " as SPOC for "
              + forWhom
              + (spocBefore == null ? "" : ", in place of person " + spocBefore));
    }
    Long deputy = details.deputyPersonId().orElse(null);
    if (deputy != null && !deputy.equals(deputyBefore)) {
      record(
          partnership,
          "APPOINT_DEPUTY",
          partyId,
          "Appointed person "
              + deputy
              + " as deputy SPOC for "
              + forWhom
              + (deputyBefore == null ? "" : ", in place of person " + deputyBefore));
    } else if (deputy == null && deputyBefore != null) {
      record(
          partnership,
          "REMOVE_DEPUTY",
          partyId,
          "Person " + deputyBefore + " is no longer deputy SPOC for " + forWhom);
    }
  }

  private void record(Partnership partnership, String action, long partyId, String summary) {
    audit.record(AuditEntry.success(action, Protocols.PARTY, partyId, partnership.id(), summary));
  }
}
