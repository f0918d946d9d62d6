package org.ccrhub.sharing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.Role;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnership's information sharing protocols: the register every member reads (Appendix A of a
 * protocol: its versions, parties, signatories and SPOCs), what a request needs of them, and the
 * changes its keepers make. Every query names the partnership, so another partnership's protocol,
 * version or party is not found.
 *
 * <p>Partnership administrators and the data protection lead keep the register ({@link #keptBy}).
 * Versions and their signed PDFs are only ever added (the database refuses anything else). Status
 * is worked out from the dates ({@link ProtocolStatus}). Every change is audited, with object type
 * {@value #PROTOCOL} or {@value #PARTY}; audit summaries name protocols and agencies, and people
 * only by their id, as the directory's entries do.
 */
@Service
public class Protocols {

  /** The audit trail's name for a protocol. */
  public static final String PROTOCOL = "SharingProtocol";

  /** The audit trail's name for a party. */
  public static final String PARTY = "SharingParty";

  private final JdbcClient jdbc;
  private final LawfulBases lawfulBases;
  private final AuditTrail audit;
  private final ProtocolRegisterParties parties;
  private final ProtocolRegisterVersions versions;
  private final ProtocolRegisterLifecycle lifecycle;

  Protocols(JdbcClient jdbc, LawfulBases lawfulBases, AuditTrail audit) {
    this.jdbc = jdbc;
    this.lawfulBases = lawfulBases;
    this.audit = audit;
    this.parties = new ProtocolRegisterParties(jdbc, audit);
    this.versions = new ProtocolRegisterVersions(jdbc, audit);
    this.lifecycle = new ProtocolRegisterLifecycle(jdbc, audit);
  }

  /** Who keeps the register: the partnership's administrators and its data protection lead. */
  public static boolean keptBy(CurrentRoles roles) {
    return roles.isAdmin() || roles.has(Role.DATA_PROTECTION_LEAD);
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

  /** The register: every protocol of the partnership as listed, by title. */
  @Transactional(readOnly = true)
  public List<ProtocolRegister.Entry> register(Partnership partnership, LocalDate today) {
    return jdbc.sql(
            """
            select p.id, p.title, p.in_force_from, p.in_force_until, p.ending,
                p.review_started_on, v.label, v.review_on,
                (select count(*) from sharing_party s where s.protocol_id = p.id
                    and (s.party_until is null or s.party_until >= :today)) as parties
            from sharing_protocol p
            left join lateral (
                select label, review_on from sharing_protocol_version v
                where v.protocol_id = p.id
                order by (v.approved_on is not null) desc, v.id desc limit 1) v on true
            where p.partnership_id = :p
            order by lower(p.title), p.id
            """)
        .param("p", partnership.id())
        .param("today", today)
        .query(
            (rs, n) -> {
              ProtocolStatus status = status(rs, today);
              Optional<LocalDate> reviewOn =
                  Optional.ofNullable(rs.getObject("review_on", LocalDate.class));
              return new ProtocolRegister.Entry(
                  rs.getLong("id"),
                  rs.getString("title"),
                  status,
                  Optional.ofNullable(rs.getString("label")),
                  reviewOn,
                  status.inForce()
                      ? reviewOn.flatMap(r -> ProtocolRegister.reviewNote(r, today))
                      : Optional.empty(),
                  rs.getInt("parties"));
            })
        .list();
  }

  /**
   * The protocol with everything the register shows of it.
   *
   * @throws NotFoundException when the partnership has no protocol of this id
   */
  @Transactional(readOnly = true)
  public ProtocolRegister.Protocol protocol(Partnership partnership, long id, LocalDate today) {
    record Row(
        long id,
        String title,
        String purposes,
        List<InformationCategory> categories,
        int responseWorkingDays,
        boolean attachmentsAllowed,
        int attachmentRetentionDays,
        int retentionYears,
        Optional<LocalDate> inForceFrom,
        Optional<LocalDate> inForceUntil,
        Optional<ProtocolEnding> ending,
        String endingReason,
        Optional<LocalDate> reviewStartedOn,
        boolean imported,
        int version,
        ProtocolStatus status) {}
    Row row =
        jdbc.sql(
                """
                select id, title, purposes, categories, response_working_days,
                    attachments_allowed, attachment_retention_days, retention_years,
                    in_force_from, in_force_until, ending, ending_reason, review_started_on,
                    imported, version
                from sharing_protocol where partnership_id = :p and id = :id
                """)
            .param("p", partnership.id())
            .param("id", id)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("purposes"),
                        categories(rs.getArray("categories")),
                        rs.getInt("response_working_days"),
                        rs.getBoolean("attachments_allowed"),
                        rs.getInt("attachment_retention_days"),
                        rs.getInt("retention_years"),
                        Optional.ofNullable(rs.getObject("in_force_from", LocalDate.class)),
                        Optional.ofNullable(rs.getObject("in_force_until", LocalDate.class)),
                        Optional.ofNullable(rs.getString("ending")).map(ProtocolEnding::valueOf),
                        Optional.ofNullable(rs.getString("ending_reason")).orElse(""),
                        Optional.ofNullable(rs.getObject("review_started_on", LocalDate.class)),
                        rs.getBoolean("imported"),
                        rs.getInt("version"),
                        status(rs, today)))
            .optional()
            .orElseThrow(() -> new NotFoundException("Protocol"));
    Set<Long> basisIds =
        Set.copyOf(
            jdbc.sql("select basis_id from sharing_protocol_basis where protocol_id = :id")
                .param("id", id)
                .query(Long.class)
                .list());
    return new ProtocolRegister.Protocol(
        row.id(),
        row.title(),
        row.purposes(),
        row.categories(),
        lawfulBases.of(partnership).stream().filter(b -> basisIds.contains(b.id())).toList(),
        row.responseWorkingDays(),
        row.attachmentsAllowed(),
        row.attachmentRetentionDays(),
        row.retentionYears(),
        row.inForceFrom(),
        row.inForceUntil(),
        row.ending(),
        row.endingReason(),
        row.reviewStartedOn(),
        row.imported(),
        row.version(),
        row.status(),
        versions.of(id),
        parties.of(partnership, id));
  }

  /** A signed PDF to download: its file name, the version's label and the bytes. */
  public record DocumentFile(long id, String fileName, String versionLabel, byte[] pdf) {}

  /**
   * The signed PDF, if it is one of this protocol's.
   *
   * @throws NotFoundException when it is not the partnership's protocol's
   */
  @Transactional(readOnly = true)
  public DocumentFile document(Partnership partnership, long protocolId, long documentId) {
    return jdbc.sql(
            """
            select d.id, d.file_name, v.label, d.pdf
            from sharing_protocol_document d
            join sharing_protocol_version v on v.id = d.version_id
            join sharing_protocol p on p.id = v.protocol_id
            where p.partnership_id = :p and p.id = :protocol and d.id = :document
            """)
        .param("p", partnership.id())
        .param("protocol", protocolId)
        .param("document", documentId)
        .query(
            (rs, n) ->
                new DocumentFile(
                    rs.getLong("id"),
                    rs.getString("file_name"),
                    rs.getString("label"),
                    rs.getBytes("pdf")))
        .optional()
        .orElseThrow(() -> new NotFoundException("Document"));
  }

  /**
   * The protocols in force whose current version's review date is within {@link
   * ProtocolRegister#REVIEW_NOTICE_DAYS} days or past, soonest first: all of them for those who
   * keep the register, otherwise those of which the account's person is a SPOC or deputy of a party
   * that has not left.
   */
  @Transactional(readOnly = true)
  public List<ProtocolRegister.Reminder> reviewReminders(
      Partnership partnership, long accountId, CurrentRoles roles, LocalDate today) {
    return jdbc.sql(
            """
            select p.id, p.title, v.review_on
            from sharing_protocol p
            join lateral (
                select review_on from sharing_protocol_version v
                where v.protocol_id = p.id
                order by (v.approved_on is not null) desc, v.id desc limit 1) v on true
            where p.partnership_id = :p
              and p.in_force_from <= :today
              and (p.in_force_until is null or p.in_force_until >= :today)
              and v.review_on <= :horizon
              and (:all or exists (
                  select 1 from sharing_party s
                  join account_person l on l.partnership_id = s.partnership_id
                      and l.user_account_id = :account
                      and l.person_id in (s.spoc_person_id, s.deputy_person_id)
                  where s.protocol_id = p.id
                    and (s.party_until is null or s.party_until >= :today)))
            order by v.review_on, lower(p.title), p.id
            """)
        .param("p", partnership.id())
        .param("today", today)
        .param("horizon", today.plusDays(ProtocolRegister.REVIEW_NOTICE_DAYS))
        .param("all", keptBy(roles))
        .param("account", accountId)
        .query(
            (rs, n) -> {
              String title = rs.getString("title");
              LocalDate reviewOn = rs.getObject("review_on", LocalDate.class);
              String note = ProtocolRegister.reviewNote(reviewOn, today).orElseThrow();
              return new ProtocolRegister.Reminder(
                  rs.getLong("id"),
                  title,
                  reviewOn,
                  title + ": " + Character.toLowerCase(note.charAt(0)) + note.substring(1));
            })
        .list();
  }

  /**
   * Adds a protocol, a draft until it is put in force.
   *
   * @throws ProtocolRegisterRejectedException when the title is taken or a basis is not one the
   *     partnership can cite
   */
  @Transactional
  public long create(Partnership partnership, ProtocolRegisterChanges.Settings settings) {
    checkSettings(partnership, settings, null);
    long id;
    try {
      id =
          jdbc.sql(
                  """
                  insert into sharing_protocol (partnership_id, title, purposes, categories,
                      response_working_days, attachments_allowed, attachment_retention_days,
                      retention_years)
                  values (:p, :title, :purposes, :categories, :days, :attachments,
                      :attachmentDays, :years)
                  returning id
                  """)
              .param("p", partnership.id())
              .param("title", settings.title())
              .param("purposes", settings.purposes())
              .param("categories", categoryNames(settings.categories()))
              .param("days", settings.responseWorkingDays())
              .param("attachments", settings.attachmentsAllowed())
              .param("attachmentDays", settings.attachmentRetentionDays())
              .param("years", settings.retentionYears())
              .query(Long.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw titleTaken(settings.title());
    }
    saveBases(id, settings.basisIds());
    audit.record(
        AuditEntry.success(
            "CREATE", PROTOCOL, id, partnership.id(), "Created the protocol " + settings.title()));
    return id;
  }

  /**
   * Changes a protocol's settings.
   *
   * @param expectedVersion the version the form was opened on
   * @throws org.ccrhub.shared.ConcurrentChangeException when someone saved it since
   */
  @Transactional
  public void update(
      Partnership partnership,
      long id,
      ProtocolRegisterChanges.Settings settings,
      int expectedVersion) {
    LockedProtocol before = lock(partnership, id);
    if (before.version() != expectedVersion) {
      throw new org.ccrhub.shared.ConcurrentChangeException("Protocol " + id);
    }
    checkSettings(partnership, settings, id);
    // the day sets only the status, which a change of settings does not touch
    ProtocolRegister.Protocol old = protocol(partnership, id, LocalDate.of(2000, 1, 1));
    try {
      jdbc.sql(
              """
              update sharing_protocol set title = :title, purposes = :purposes,
                  categories = :categories, response_working_days = :days,
                  attachments_allowed = :attachments, attachment_retention_days = :attachmentDays,
                  retention_years = :years, version = version + 1
              where partnership_id = :p and id = :id
              """)
          .param("p", partnership.id())
          .param("id", id)
          .param("title", settings.title())
          .param("purposes", settings.purposes())
          .param("categories", categoryNames(settings.categories()))
          .param("days", settings.responseWorkingDays())
          .param("attachments", settings.attachmentsAllowed())
          .param("attachmentDays", settings.attachmentRetentionDays())
          .param("years", settings.retentionYears())
          .update();
    } catch (DuplicateKeyException e) {
      throw titleTaken(settings.title());
    }
    jdbc.sql("delete from sharing_protocol_basis where protocol_id = :id").param("id", id).update();
    saveBases(id, settings.basisIds());
    List<String> changed = new ArrayList<>();
    compare(changed, "title", old.title(), settings.title());
    compare(changed, "purposes", old.purposes(), settings.purposes());
    compare(changed, "categories", Set.copyOf(old.categories()), settings.categories());
    compare(
        changed,
        "lawful bases",
        old.bases().stream().map(LawfulBasis::id).collect(Collectors.toSet()),
        settings.basisIds());
    compare(
        changed,
        "response time (" + settings.responseWorkingDays() + " working days)",
        old.responseWorkingDays(),
        settings.responseWorkingDays());
    compare(
        changed, "attachments allowed", old.attachmentsAllowed(), settings.attachmentsAllowed());
    compare(
        changed,
        "attachment retention (" + settings.attachmentRetentionDays() + " days)",
        old.attachmentRetentionDays(),
        settings.attachmentRetentionDays());
    compare(
        changed,
        "retention (" + settings.retentionYears() + " years)",
        old.retentionYears(),
        settings.retentionYears());
    audit.record(
        AuditEntry.success(
            "UPDATE",
            PROTOCOL,
            id,
            partnership.id(),
            "Changed the protocol "
                + settings.title()
                + (changed.isEmpty() ? ": nothing changed" : ": " + String.join(", ", changed))));
  }

  /**
   * Records a version, with its signed PDF when there is one. Recording a version ends a review.
   *
   * @param by who recorded it, as the register shows them
   */
  @Transactional
  public long recordVersion(
      Partnership partnership,
      long id,
      ProtocolRegisterChanges.NewVersion version,
      Optional<ProtocolRegisterChanges.SignedDocument> document,
      String by) {
    return versions.record(partnership, id, lock(partnership, id), version, document, by);
  }

  /** Adds a signed PDF to a version already recorded (signatures often come after approval). */
  @Transactional
  public void addDocument(
      Partnership partnership,
      long id,
      long versionId,
      ProtocolRegisterChanges.SignedDocument document,
      String by) {
    versions.addDocument(partnership, id, lock(partnership, id), versionId, document, by);
  }

  /**
   * Puts a draft in force from a day: only with an approved version and at least two parties that
   * have not left by then.
   *
   * @throws ProtocolRegisterRejectedException saying what is missing, or that it is in force or has
   *     an end already
   */
  @Transactional
  public void putInForce(Partnership partnership, long id, LocalDate from, LocalDate today) {
    lock(partnership, id);
    lifecycle.putInForce(partnership, id, protocol(partnership, id, today), from);
  }

  /**
   * Starts a review of a protocol in force; it is under review until a version is recorded.
   *
   * @throws ProtocolRegisterRejectedException when it is not in force, or under review already
   */
  @Transactional
  public void startReview(Partnership partnership, long id, LocalDate today) {
    lifecycle.startReview(partnership, id, lock(partnership, id), today);
  }

  /**
   * Records the end of a protocol's time in force: its last day, and whether it expired or was
   * withdrawn (with why). An end already recorded is replaced.
   *
   * @throws ProtocolRegisterRejectedException when it was never in force, or the last day is before
   *     its first
   */
  @Transactional
  public void end(Partnership partnership, long id, ProtocolRegisterChanges.Ending ending) {
    lifecycle.end(partnership, id, lock(partnership, id), ending);
  }

  /**
   * Removes a protocol's end, so that it is in force again: for a past record created by an import,
   * once its version is recorded, or an end recorded by mistake.
   */
  @Transactional
  public void removeEnd(Partnership partnership, long id) {
    lifecycle.removeEnd(partnership, id, lock(partnership, id));
  }

  /** The people of the partnership's agencies, who can be SPOCs and deputies of their agency's. */
  @Transactional(readOnly = true)
  public List<ProtocolRegister.Candidate> candidates(Partnership partnership) {
    return parties.candidates(partnership);
  }

  /**
   * Adds an agency of the partnership as a party, with its signatory, SPOC and deputy.
   *
   * @throws ProtocolRegisterRejectedException when the agency is a party already or not the
   *     partnership's, or a contact is not a person of that agency
   */
  @Transactional
  public long addParty(
      Partnership partnership,
      long protocolId,
      long agencyId,
      ProtocolRegisterChanges.PartyDetails details) {
    LockedProtocol protocol = lock(partnership, protocolId);
    return parties.add(partnership, protocolId, protocol.title(), agencyId, details);
  }

  /** Changes a party's signatory, joining day, SPOC and deputy. */
  @Transactional
  public void updateParty(
      Partnership partnership,
      long protocolId,
      long partyId,
      ProtocolRegisterChanges.PartyDetails details,
      int expectedVersion) {
    LockedProtocol protocol = lock(partnership, protocolId);
    parties.update(partnership, protocolId, protocol.title(), partyId, details, expectedVersion);
  }

  /** Records a party's last day under the protocol (inclusive). */
  @Transactional
  public void recordLeaving(
      Partnership partnership, long protocolId, long partyId, LocalDate lastDay) {
    LockedProtocol protocol = lock(partnership, protocolId);
    parties.leave(partnership, protocolId, protocol.title(), partyId, lastDay);
  }

  /** A party that left is a party again: its last day is cleared. */
  @Transactional
  public void rejoin(Partnership partnership, long protocolId, long partyId) {
    LockedProtocol protocol = lock(partnership, protocolId);
    parties.rejoin(partnership, protocolId, protocol.title(), partyId);
  }

  /** A protocol's row, locked for a change. */
  record LockedProtocol(
      String title,
      @Nullable LocalDate inForceFrom,
      @Nullable LocalDate inForceUntil,
      @Nullable ProtocolEnding ending,
      @Nullable LocalDate reviewStartedOn,
      int version) {

    ProtocolStatus status(LocalDate today) {
      return ProtocolStatus.of(inForceFrom, inForceUntil, ending, reviewStartedOn, today);
    }
  }

  private LockedProtocol lock(Partnership partnership, long id) {
    return jdbc.sql(
            """
            select title, in_force_from, in_force_until, ending, review_started_on, version
            from sharing_protocol where partnership_id = :p and id = :id for update
            """)
        .param("p", partnership.id())
        .param("id", id)
        .query(
            (rs, n) ->
                new LockedProtocol(
                    rs.getString("title"),
                    rs.getObject("in_force_from", LocalDate.class),
                    rs.getObject("in_force_until", LocalDate.class),
                    Optional.ofNullable(rs.getString("ending"))
                        .map(ProtocolEnding::valueOf)
                        .orElse(null),
                    rs.getObject("review_started_on", LocalDate.class),
                    rs.getInt("version")))
        .optional()
        .orElseThrow(() -> new NotFoundException("Protocol"));
  }

  private void checkSettings(
      Partnership partnership, ProtocolRegisterChanges.Settings settings, @Nullable Long id) {
    Set<Long> citable =
        lawfulBases.of(partnership).stream().map(LawfulBasis::id).collect(Collectors.toSet());
    if (!citable.containsAll(settings.basisIds())) {
      throw new ProtocolRegisterRejectedException("bases", "Choose the lawful bases from the list");
    }
    boolean taken =
        jdbc.sql(
                """
                select exists (select 1 from sharing_protocol where partnership_id = :p
                    and lower(title) = lower(:title) and id <> :id)
                """)
            .param("p", partnership.id())
            .param("title", settings.title())
            .param("id", id == null ? -1L : id)
            .query(Boolean.class)
            .single();
    if (taken) {
      throw titleTaken(settings.title());
    }
  }

  private static ProtocolRegisterRejectedException titleTaken(String title) {
    return new ProtocolRegisterRejectedException(
        "title", "There is already a protocol called " + title + ": choose another title");
  }

  private void saveBases(long id, Set<Long> basisIds) {
    for (long basis : basisIds.stream().sorted().toList()) {
      jdbc.sql("insert into sharing_protocol_basis (protocol_id, basis_id) values (:p, :b)")
          .param("p", id)
          .param("b", basis)
          .update();
    }
  }

  private static void compare(List<String> changed, String what, Object before, Object after) {
    if (!before.equals(after)) {
      changed.add(what);
    }
  }

  private static ProtocolStatus status(ResultSet rs, LocalDate today) throws SQLException {
    return ProtocolStatus.of(
        rs.getObject("in_force_from", LocalDate.class),
        rs.getObject("in_force_until", LocalDate.class),
        Optional.ofNullable(rs.getString("ending")).map(ProtocolEnding::valueOf).orElse(null),
        rs.getObject("review_started_on", LocalDate.class),
        today);
  }

  private static List<InformationCategory> categories(Array array) throws SQLException {
    List<InformationCategory> categories = new ArrayList<>();
    for (String name : (String[]) array.getArray()) {
      categories.add(InformationCategory.valueOf(name));
    }
    categories.sort(null);
    return categories;
  }

  private static String[] categoryNames(Set<InformationCategory> categories) {
    return categories.stream().sorted().map(Enum::name).toArray(String[]::new);
  }
}
