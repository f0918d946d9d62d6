package org.ccrhub.sharing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditRecord;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one gate to information-sharing requests (ADR 20). Every query of requests, their subjects
 * and decisions takes a {@link SharingReader} and adds {@link #VISIBLE}; a request is never read by
 * id alone, and one the reader may not see is not found (404), never forbidden: whether a request
 * about someone exists is itself personal data. Every view is recorded in the audit trail by
 * request number, never with a subject's name.
 */
@Service
public class SharingAccess {

  /** The audit trail's object type of a request. */
  public static final String REQUEST = "SharingRequest";

  /** The audit trail's object type of lists of requests and of log searches. */
  public static final String REQUESTS = "SharingRequests";

  /** The longest reason for an export. */
  public static final int MAX_REASON = 500;

  /**
   * The requests a reader may see, as a condition on {@code r} (a sharing_request): the
   * partnership's, and for anyone but the data protection lead only those their agency made or was
   * asked.
   */
  public static final String VISIBLE =
      """
      (r.partnership_id = :reader_p and (:reader_dpl
        or r.requesting_agency_id = :reader_agency or r.asked_agency_id = :reader_agency))
      """;

  /**
   * Whether the reader sees the subjects' details of {@code r}: the data protection lead, the
   * requesting officer while still a user of the requesting agency, and the asked agency's SPOC,
   * deputy and delegates under the request's protocol.
   */
  public static final String SUBJECT_DETAILS =
      """
      (:reader_dpl
        or (r.requesting_account_id = :reader_account and r.requesting_agency_id = :reader_agency)
        or (r.asked_agency_id = :reader_agency and r.protocol_id = any(:reader_decides)))
      """;

  private final Accounts accounts;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final Clock clock;

  SharingAccess(Accounts accounts, AuditTrail audit, JdbcClient jdbc, Clock clock) {
    this.accounts = accounts;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The person as information sharing sees them in the partnership. A member's account linked to a
   * person of the directory in an agency, holding any role but viewer, is a user of that agency.
   */
  @Transactional(readOnly = true)
  public SharingReader reader(Partnership partnership, long accountId, String actorName) {
    Set<Role> roles = accounts.rolesIn(accountId, partnership.id());
    boolean dpl = roles.contains(Role.DATA_PROTECTION_LEAD);
    record Linked(long personId, Long agencyId, String agencyName, String name) {}
    Optional<Linked> linked =
        jdbc.sql(
                """
                select p.id, p.agency_id, coalesce(a.name, '') as agency_name, p.name
                from account_person ap
                join person p on p.id = ap.person_id
                left join agency a on a.id = p.agency_id
                where ap.partnership_id = :p and ap.user_account_id = :account
                """)
            .param("p", partnership.id())
            .param("account", accountId)
            .query(
                (rs, n) ->
                    new Linked(
                        rs.getLong(1),
                        rs.getObject(2, Long.class),
                        rs.getString("agency_name"),
                        rs.getString("name")))
            .optional();
    boolean worksThere =
        roles.stream().anyMatch(r -> r != Role.VIEWER)
            && linked.isPresent()
            && linked.get().agencyId() != null;
    Set<Long> decides = new HashSet<>();
    if (linked.isPresent() && linked.get().agencyId() != null) {
      decides.addAll(decidesUnder(partnership, linked.get().personId(), linked.get().agencyId()));
    }
    // a SPOC, deputy or delegate is a user of their agency whatever their partnership role
    boolean user = worksThere || !decides.isEmpty();
    String name =
        linked
            .map(Linked::name)
            .orElseGet(
                () ->
                    jdbc.sql("select display_name from user_account where id = :a")
                        .param("a", accountId)
                        .query(String.class)
                        .optional()
                        .orElse(actorName));
    return new SharingReader(
        partnership,
        accountId,
        actorName,
        name,
        linked.map(Linked::personId).orElse(null),
        user ? linked.get().agencyId() : null,
        user ? linked.get().agencyName() : "",
        dpl,
        user ? decides : Set.of(),
        accounts.hasTwoFactor(accountId));
  }

  /** The protocols under which the person decides for their agency today. */
  private List<Long> decidesUnder(Partnership partnership, long personId, long agencyId) {
    return jdbc.sql(
            """
            select distinct pa.protocol_id
            from sharing_party pa
            where pa.partnership_id = :p and pa.agency_id = :agency
              and pa.party_from <= :today
              and (pa.party_until is null or pa.party_until >= :today)
              and (pa.spoc_person_id = :person or pa.deputy_person_id = :person
                   or exists (select 1 from sharing_delegation d
                              where d.party_id = pa.id and d.person_id = :person
                                and d.until >= :today and d.ended_at is null))
            """)
        .param("p", partnership.id())
        .param("agency", agencyId)
        .param("person", personId)
        .param("today", today())
        .query(Long.class)
        .list();
  }

  /**
   * Checks the reader may see the request and records that they looked at it.
   *
   * @param what what they looked at, for the trail: "Opened request 42"
   * @throws NotFoundException when it is not a request they may see
   */
  @Transactional
  public void read(SharingReader reader, long requestId, String what) {
    checkVisible(reader, requestId);
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success("READ", REQUEST, requestId, reader.partnership().id(), what));
  }

  /**
   * Checks the reader may see the request, recording nothing: for a change, which records itself.
   *
   * @throws NotFoundException when it is not a request they may see
   */
  @Transactional(readOnly = true)
  public void checkVisible(SharingReader reader, long requestId) {
    boolean visible =
        jdbc.sql(
                "select exists (select 1 from sharing_request r where r.id = :id and "
                    + VISIBLE
                    + ")")
            .param("id", requestId)
            .params(reader.parameters())
            .query(Boolean.class)
            .single();
    if (!visible) {
      throw new NotFoundException("No such request");
    }
  }

  /** Records that the reader saw a list of requests or searched the log. */
  @Transactional
  public void readList(SharingReader reader, String objectType, String what) {
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(
            "READ", objectType, reader.partnership().id(), reader.partnership().id(), what));
  }

  /**
   * Who looked at or changed a request, newest first: for the data protection lead and the asked
   * agency's deciders.
   *
   * @throws NotFoundException when the reader may not see who looked
   */
  @Transactional(readOnly = true)
  public List<AuditRecord> lookedAt(SharingReader reader, long requestId, int most) {
    boolean allowed =
        jdbc.sql(
                """
                select exists (select 1 from sharing_request r where r.id = :id and
                """
                    + VISIBLE
                    + " and (:reader_dpl or (r.asked_agency_id = :reader_agency"
                    + " and r.protocol_id = any(:reader_decides))))")
            .param("id", requestId)
            .params(reader.parameters())
            .query(Boolean.class)
            .single();
    if (!allowed) {
      throw new NotFoundException("No such request");
    }
    return audit.about(reader.partnership().id(), REQUEST, Long.toString(requestId), most);
  }

  /** The reason for an export, stripped. */
  public static String checkReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("Enter why you need this copy of the decision log");
    }
    String stripped = reason.strip();
    if (stripped.length() > MAX_REASON) {
      throw new InvalidInputException("The reason must be " + MAX_REASON + " characters or fewer");
    }
    return stripped;
  }

  /** Today in the UK. */
  public LocalDate today() {
    return Dates.today(clock);
  }
}
