package org.ccrhub.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who delegates deciding to whom (ADR 20). A party's SPOC or deputy lets another user of their
 * agency decide for that party until a day at most twelve months ahead ({@link Delegation}); the
 * party's SPOC or deputy or a partnership administrator can end it sooner. A delegate cannot
 * delegate. SPOCs and deputies see their parties' delegations, administrators and the data
 * protection lead every one, a delegate their own; nobody else any. Each grant and end is audited,
 * naming the delegate by their person's id, as appointments of SPOCs are.
 */
@Service
public class Delegations {

  /** The audit trail's object type of a delegation. */
  public static final String DELEGATION = "SharingDelegation";

  /** Whether a person is linked to an account of the partnership with a role other than viewer. */
  private static final String WORKS_ON_REQUESTS =
      """
      exists (select 1 from account_person l join membership m
                  on m.partnership_id = l.partnership_id and m.user_account_id = l.user_account_id
              where l.partnership_id = %1$s.partnership_id and l.person_id = %1$s.id
                and m.role <> 'VIEWER')
      """;

  private final SharingAccess access;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final JdbcClient jdbc;

  Delegations(SharingAccess access, Accounts accounts, AuditTrail audit, JdbcClient jdbc) {
    this.access = access;
    this.accounts = accounts;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /**
   * A party the reader is SPOC or deputy of, under a protocol not ended, that has not left.
   *
   * @param name "Northbridge Council under the Northbridge ISP"
   */
  public record Party(
      long id,
      long agencyId,
      String agency,
      String name,
      @Nullable Long spocPersonId,
      @Nullable Long deputyPersonId) {

    boolean decidedBy(long personId) {
      return Objects.equals(spocPersonId, personId) || Objects.equals(deputyPersonId, personId);
    }
  }

  /** Someone a delegation can be granted to: a user of the agency, with an account. */
  public record Candidate(long personId, String name, Optional<String> jobTitle) {}

  /**
   * A delegation as the reader sees it in the list.
   *
   * @param endable whether the reader may end it now
   */
  public record Listed(Delegation delegation, String status, boolean active, boolean endable) {}

  /**
   * What the reader sees: the delegations, newest first with the active ones at the top, and the
   * parties they may delegate for (none for a delegate, an administrator or the data protection
   * lead who is not also a SPOC or deputy).
   */
  public record Overview(List<Listed> delegations, List<Party> grantsFor, boolean everyone) {}

  /** A delegation granted, and the one for the same person and party it replaced, if any. */
  public record Granted(long id, String delegate, String party, Optional<LocalDate> replaced) {}

  /** A grant or end refused, with each problem on its form field ("" for the whole form). */
  public static class RefusedException extends RuntimeException {
    private final List<Problem> problems;

    RefusedException(List<Problem> problems) {
      super("The delegation was not changed", null, false, false);
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  /** One reason for a refusal, on a field of the form. */
  public record Problem(String field, String message) {}

  /** Whether the reader may see the delegations page at all. */
  @Transactional(readOnly = true)
  public boolean seenBy(SharingReader reader) {
    return everyone(reader) || !grantsFor(reader).isEmpty() || delegatedTo(reader);
  }

  /**
   * The delegations the reader may see and the parties they may delegate for.
   *
   * @return nothing when the reader may see no delegation at all
   */
  @Transactional(readOnly = true)
  public Optional<Overview> overview(SharingReader reader) {
    boolean everyone = everyone(reader);
    boolean admin = admin(reader);
    List<Party> parties = grantsFor(reader);
    if (!everyone && parties.isEmpty() && !delegatedTo(reader)) {
      return Optional.empty();
    }
    Set<Long> decides = parties.stream().map(Party::id).collect(Collectors.toSet());
    LocalDate today = access.today();
    List<Delegation> seen =
        jdbc.sql(
                SELECT
                    + """
                    where d.partnership_id = :p
                      and (:everyone or d.party_id = any(:parties) or d.person_id = :person)
                    order by (d.ended_at is null and d.until >= :today) desc, d.until desc, d.id desc
                    """)
            .param("p", reader.partnership().id())
            .param("everyone", everyone)
            .param("parties", decides.isEmpty() ? new Long[] {-1L} : decides.toArray(Long[]::new))
            .param("person", reader.personId() == null ? -1L : reader.personId())
            .param("today", today)
            .query(Delegations::delegation)
            .list();
    List<Listed> listed =
        seen.stream()
            .map(
                d ->
                    new Listed(
                        d,
                        d.status(today),
                        d.activeOn(today),
                        d.activeOn(today) && (admin || decides.contains(d.partyId()))))
            .toList();
    return Optional.of(new Overview(listed, parties, everyone));
  }

  /**
   * The people the reader may delegate to: users of their agency (a linked account with a role
   * other than viewer) other than themselves and other than those who decide for every party the
   * reader could delegate for already.
   */
  @Transactional(readOnly = true)
  public List<Candidate> candidates(SharingReader reader) {
    List<Party> parties = grantsFor(reader);
    if (parties.isEmpty() || reader.personId() == null) {
      return List.of();
    }
    return jdbc
        .sql(
            """
            select x.id, x.name, x.job_title
            from person x
            where x.partnership_id = :p and x.agency_id = :agency and x.id <> :me and %s
            order by lower(x.name), x.id
            """
                .formatted(WORKS_ON_REQUESTS.formatted("x")))
        .param("p", reader.partnership().id())
        .param("agency", parties.get(0).agencyId())
        .param("me", reader.personId())
        .query(
            (rs, n) ->
                new Candidate(
                    rs.getLong("id"),
                    rs.getString("name"),
                    Optional.ofNullable(rs.getString("job_title"))))
        .list()
        .stream()
        .filter(c -> parties.stream().anyMatch(party -> !party.decidedBy(c.personId())))
        .toList();
  }

  /**
   * Lets the person decide for the party until the day (inclusive). A delegation of the same person
   * for the same party that is still active is ended and replaced, so a new grant extends or
   * shortens it.
   *
   * @throws RefusedException when the reader is not the party's SPOC or deputy (the field {@code
   *     party}), the person cannot be a delegate ({@code person}), or the day is in the past or
   *     more than twelve months ahead ({@code until})
   */
  @Transactional
  public Granted grant(SharingReader reader, long partyId, long personId, LocalDate until) {
    List<Problem> problems = new ArrayList<>();
    LocalDate today = access.today();
    Optional<Party> found =
        grantsFor(reader).stream().filter(party -> party.id() == partyId).findFirst();
    if (found.isEmpty()) {
      problems.add(new Problem("party", "Select a protocol you are the SPOC or deputy for"));
    }
    Delegation.untilProblem(today, until).ifPresent(m -> problems.add(new Problem("until", m)));
    if (found.isEmpty()) {
      throw new RefusedException(problems);
    }
    Party party = found.get();
    // one grant at a time for a party, so two for the same person cannot both stand
    jdbc.sql("select id from sharing_party where partnership_id = :p and id = :id for update")
        .param("p", reader.partnership().id())
        .param("id", partyId)
        .query(Long.class)
        .single();
    record Person(String name, @Nullable Long agencyId, boolean works) {}
    Optional<Person> person =
        jdbc.sql(
                "select x.name, x.agency_id, %s as works from person x"
                        .formatted(WORKS_ON_REQUESTS.formatted("x"))
                    + " where x.partnership_id = :p and x.id = :id")
            .param("p", reader.partnership().id())
            .param("id", personId)
            .query(
                (rs, n) ->
                    new Person(
                        rs.getString("name"),
                        rs.getObject("agency_id", Long.class),
                        rs.getBoolean("works")))
            .optional();
    if (person.isEmpty()) {
      problems.add(new Problem("person", "Select a person who works for " + party.agency()));
    } else if (!Objects.equals(person.get().agencyId(), party.agencyId())) {
      problems.add(
          new Problem(
              "person",
              person.get().name()
                  + " does not work for "
                  + party.agency()
                  + ": select someone who does"));
    } else if (personId == reader.personId()) {
      problems.add(new Problem("person", "You decide already: select someone else"));
    } else if (party.decidedBy(personId)) {
      problems.add(
          new Problem(
              "person",
              person.get().name()
                  + " is "
                  + (Objects.equals(party.spocPersonId(), personId) ? "the SPOC" : "the deputy")
                  + " for "
                  + party.name()
                  + ", so decides already: select someone else"));
    } else if (!person.get().works()) {
      problems.add(
          new Problem(
              "person",
              person.get().name()
                  + " has no account that can work on requests, so could not decide."
                  + " Ask your partnership administrator"));
    }
    if (!problems.isEmpty()) {
      throw new RefusedException(problems);
    }
    String delegate = person.orElseThrow().name();
    Optional<Delegation> replaced =
        jdbc
            .sql(
                SELECT
                    + """
                    where d.partnership_id = :p and d.party_id = :party and d.person_id = :person
                      and d.ended_at is null and d.until >= :today
                    """)
            .param("p", reader.partnership().id())
            .param("party", partyId)
            .param("person", personId)
            .param("today", today)
            .query(Delegations::delegation)
            .stream()
            .findFirst();
    replaced.ifPresent(
        old -> {
          close(reader, old.id());
          record(
              reader,
              "END_DELEGATION",
              old.id(),
              "Ended the delegation to person "
                  + personId
                  + " for "
                  + party.name()
                  + " until "
                  + Dates.date(old.until())
                  + ": replaced by one until "
                  + Dates.date(until));
        });
    long id =
        jdbc.sql(
                """
                insert into sharing_delegation (partnership_id, party_id, person_id, granted_by,
                    until)
                values (:p, :party, :person, :by, :until)
                returning id
                """)
            .param("p", reader.partnership().id())
            .param("party", partyId)
            .param("person", personId)
            .param("by", reader.name())
            .param("until", until)
            .query(Long.class)
            .single();
    record(
        reader,
        "DELEGATE",
        id,
        "Let person "
            + personId
            + " decide for "
            + party.name()
            + " until "
            + Dates.date(until)
            + replaced.map(old -> " (was until " + Dates.date(old.until()) + ")").orElse(""));
    return new Granted(id, delegate, party.name(), replaced.map(Delegation::until));
  }

  /**
   * Ends the delegation now: the delegate decides no more, and it stays on the list as ended.
   *
   * @throws NotFoundException when it is not a delegation of the partnership the reader may end
   *     (only the party's SPOC or deputy and partnership administrators may)
   * @throws RefusedException when it has ended or expired already
   */
  @Transactional
  public Delegation end(SharingReader reader, long id) {
    Delegation delegation =
        jdbc.sql(SELECT + " where d.partnership_id = :p and d.id = :id for update of d")
            .param("p", reader.partnership().id())
            .param("id", id)
            .query(Delegations::delegation)
            .optional()
            .orElseThrow(() -> new NotFoundException("No such delegation"));
    boolean allowed =
        admin(reader) || grantsFor(reader).stream().anyMatch(p -> p.id() == delegation.partyId());
    if (!allowed) {
      throw new NotFoundException("No such delegation");
    }
    if (!delegation.activeOn(access.today())) {
      String status = delegation.status(access.today());
      throw new RefusedException(
          List.of(
              new Problem(
                  "",
                  "The delegation to "
                      + delegation.delegate()
                      + " had ended already ("
                      + Character.toLowerCase(status.charAt(0))
                      + status.substring(1)
                      + ")")));
    }
    close(reader, id);
    record(
        reader,
        "END_DELEGATION",
        id,
        "Ended the delegation to person "
            + delegation.personId()
            + " for "
            + delegation.party()
            + " before its last day, "
            + Dates.date(delegation.until()));
    return delegation;
  }

  private void close(SharingReader reader, long id) {
    jdbc.sql(
            """
            update sharing_delegation set ended_at = now(), ended_by = :by
            where partnership_id = :p and id = :id
            """)
        .param("by", reader.name())
        .param("p", reader.partnership().id())
        .param("id", id)
        .update();
  }

  private static final String SELECT =
      """
      select d.id, d.party_id, a.name as agency, p.title, d.person_id, x.name as delegate,
          d.granted_by, d.granted_at, d.until, d.ended_at, d.ended_by
      from sharing_delegation d
      join sharing_party s on s.partnership_id = d.partnership_id and s.id = d.party_id
      join sharing_protocol p on p.partnership_id = s.partnership_id and p.id = s.protocol_id
      join agency a on a.partnership_id = s.partnership_id and a.id = s.agency_id
      join person x on x.partnership_id = d.partnership_id and x.id = d.person_id
      """;

  private static Delegation delegation(ResultSet rs, int n) throws SQLException {
    Timestamp ended = rs.getTimestamp("ended_at");
    return new Delegation(
        rs.getLong("id"),
        rs.getLong("party_id"),
        rs.getString("agency") + " under " + ProtocolRegister.the(rs.getString("title")),
        rs.getString("agency"),
        rs.getLong("person_id"),
        rs.getString("delegate"),
        rs.getString("granted_by"),
        rs.getTimestamp("granted_at").toInstant(),
        rs.getObject("until", LocalDate.class),
        ended == null ? null : ended.toInstant(),
        rs.getString("ended_by"));
  }

  /**
   * The parties the reader may delegate for: those whose SPOC or deputy they are while their person
   * works for the party's agency, not left, under a protocol not ended. A delegate's parties are
   * not among them, so a delegate cannot delegate.
   */
  private List<Party> grantsFor(SharingReader reader) {
    if (reader.personId() == null) {
      return List.of();
    }
    return jdbc.sql(
            """
            select s.id, s.agency_id, a.name as agency, p.title, s.spoc_person_id,
                s.deputy_person_id
            from sharing_party s
            join sharing_protocol p on p.partnership_id = s.partnership_id and p.id = s.protocol_id
            join agency a on a.partnership_id = s.partnership_id and a.id = s.agency_id
            join person me on me.partnership_id = s.partnership_id and me.id = :person
                and me.agency_id = s.agency_id
            where s.partnership_id = :p and :person in (s.spoc_person_id, s.deputy_person_id)
              and (p.in_force_until is null or p.in_force_until >= :today)
              and (s.party_until is null or s.party_until >= :today)
            order by lower(p.title), p.id
            """)
        .param("p", reader.partnership().id())
        .param("person", reader.personId())
        .param("today", access.today())
        .query(
            (rs, n) ->
                new Party(
                    rs.getLong("id"),
                    rs.getLong("agency_id"),
                    rs.getString("agency"),
                    rs.getString("agency")
                        + " under "
                        + ProtocolRegister.the(rs.getString("title")),
                    rs.getObject("spoc_person_id", Long.class),
                    rs.getObject("deputy_person_id", Long.class)))
        .list();
  }

  /** The parties the reader may delegate for (see {@link #overview}). */
  @Transactional(readOnly = true)
  public List<Party> parties(SharingReader reader) {
    return grantsFor(reader);
  }

  private boolean delegatedTo(SharingReader reader) {
    return reader.personId() != null
        && jdbc.sql(
                "select exists (select 1 from sharing_delegation where partnership_id = :p"
                    + " and person_id = :person)")
            .param("p", reader.partnership().id())
            .param("person", reader.personId())
            .query(Boolean.class)
            .single();
  }

  private boolean admin(SharingReader reader) {
    return accounts
        .rolesIn(reader.accountId(), reader.partnership().id())
        .contains(Role.PARTNERSHIP_ADMIN);
  }

  /** Administrators and the data protection lead see every delegation. */
  private boolean everyone(SharingReader reader) {
    return reader.dataProtectionLead() || admin(reader);
  }

  private void record(SharingReader reader, String action, long id, String summary) {
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(action, DELEGATION, id, reader.partnership().id(), summary));
  }
}
