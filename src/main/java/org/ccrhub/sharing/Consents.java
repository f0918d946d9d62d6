package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent records, kept by the agency that obtained them and read only through the gate: the data
 * protection lead sees every one; of the agency that holds it, the officer who recorded it and its
 * SPOCs, deputies and delegates; and whoever sees the details of a request relying on it. Every
 * view is audited by record number, never with the person's name.
 */
@Service
public class Consents {

  /** The audit trail's object type of a consent record. */
  public static final String CONSENT = "ConsentRecord";

  /**
   * Who may see a consent record {@code c}, with the parameters of a {@link SharingReader}: the
   * data protection lead; of the agency that holds it, the officer who recorded it and those who
   * decide for it (SPOCs, deputies, delegates); and whoever sees the details of a request that
   * relies on it (the asked agency's SPOC, deputy and delegates).
   */
  static final String VISIBLE =
      """
      (c.partnership_id = :reader_p and (:reader_dpl
        or (c.agency_id = :reader_agency
            and (c.recorded_by_account = :reader_account or :reader_decider))
        or exists (select 1 from sharing_subject s join sharing_request r on r.id = s.request_id
                   where s.consent_id = c.id and """
          + SharingAccess.VISIBLE
          + " and "
          + SharingAccess.SUBJECT_DETAILS
          + ")))";

  private final Agencies agencies;
  private final SharingAccess access;
  private final AuditTrail audit;
  private final JdbcClient jdbc;

  Consents(Agencies agencies, SharingAccess access, AuditTrail audit, JdbcClient jdbc) {
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /**
   * A consent record as the officer gave it.
   *
   * @param recipients the agencies it lets information go to
   */
  public record NewConsent(
      String subjectName,
      String subjectAddress,
      @Nullable LocalDate subjectDob,
      ConsentRecord.GivenBy givenBy,
      String givenByName,
      String givenByOther,
      boolean explained,
      String covers,
      String purposes,
      boolean given,
      LocalDate givenOn,
      Set<Long> recipients) {}

  /**
   * Records a consent for the reader's agency.
   *
   * @return its number
   * @throws InvalidInputException when the reader is not a user of an agency, or the date is later
   *     than today
   */
  @Transactional
  public long record(SharingReader reader, NewConsent consent) {
    Long agency = reader.agencyId();
    if (agency == null) {
      throw new InvalidInputException(Requests.NO_AGENCY);
    }
    if (consent.givenOn().isAfter(access.today())) {
      throw new InvalidInputException("The date must be today or in the past");
    }
    for (long recipient : consent.recipients()) {
      agencies
          .findById(reader.partnership(), recipient)
          .orElseThrow(() -> new NotFoundException("No such agency"));
    }
    long id =
        jdbc.sql(
                """
                insert into sharing_consent (partnership_id, agency_id, subject_name,
                    subject_address, subject_dob, given_by, given_by_name, given_by_other,
                    explained, covers, purposes, answer, given_on, recorded_by,
                    recorded_by_account)
                values (:p, :agency, :name, :address, :dob, :givenBy, :givenByName, :other,
                    :explained, :covers, :purposes, :answer, :givenOn, :recordedBy, :account)
                returning id
                """)
            .param("p", reader.partnership().id())
            .param("agency", agency)
            .param("name", consent.subjectName())
            .param("address", consent.subjectAddress().isBlank() ? null : consent.subjectAddress())
            .param("dob", consent.subjectDob())
            .param("givenBy", consent.givenBy().name())
            .param("givenByName", consent.givenByName().isBlank() ? null : consent.givenByName())
            .param("other", consent.givenByOther().isBlank() ? null : consent.givenByOther())
            .param("explained", consent.explained())
            .param("covers", consent.covers())
            .param("purposes", consent.purposes())
            .param("answer", consent.given() ? "GIVEN" : "REFUSED")
            .param("givenOn", consent.givenOn())
            .param("recordedBy", reader.name())
            .param("account", reader.accountId())
            .query(Long.class)
            .single();
    for (long recipient : consent.recipients()) {
      jdbc.sql(
              """
              insert into sharing_consent_recipient (partnership_id, consent_id, agency_id)
              values (:p, :c, :a)
              """)
          .param("p", reader.partnership().id())
          .param("c", id)
          .param("a", recipient)
          .update();
    }
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(
            "CREATE",
            CONSENT,
            id,
            reader.partnership().id(),
            "Recorded consent record "
                + id
                + " ("
                + (consent.given() ? "given" : "refused")
                + " on "
                + Dates.date(consent.givenOn())
                + ")"));
    return id;
  }

  /** The consent records the reader may see, newest first; the look is recorded. */
  @Transactional
  public List<ConsentRecord> list(SharingReader reader) {
    if (!reader.seesRequests()) {
      return List.of();
    }
    List<ConsentRecord> records = query("true", Map.of(), reader);
    StringBuilder numbers = new StringBuilder();
    for (ConsentRecord record : records) {
      if (numbers.length() > 1500) {
        numbers.append(" and more");
        break;
      }
      numbers.append(numbers.isEmpty() ? "" : ", ").append(record.id());
    }
    access.readList(
        reader,
        CONSENT + "s",
        "Looked at the list of consent records ("
            + records.size()
            + (records.isEmpty() ? ")" : ": " + numbers + ")"));
    return records;
  }

  /**
   * The consent record, recording the look.
   *
   * @throws NotFoundException when it is not one the reader may see
   */
  @Transactional
  public ConsentRecord open(SharingReader reader, long id) {
    ConsentRecord record = read(reader, id);
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(
            "READ", CONSENT, id, reader.partnership().id(), "Opened consent record " + id));
    return record;
  }

  /**
   * The consent record, recording nothing.
   *
   * @throws NotFoundException when it is not one the reader may see
   */
  @Transactional(readOnly = true)
  public ConsentRecord read(SharingReader reader, long id) {
    return query("c.id = :id", Map.of("id", id), reader).stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No such consent record"));
  }

  /**
   * The records of the reader's agency a request to the agency asked may rely on today: given, not
   * withdrawn, naming that agency.
   */
  @Transactional(readOnly = true)
  public List<ConsentRecord> usable(SharingReader reader, long askedAgencyId) {
    return standing(
        reader,
        " and exists (select 1 from sharing_consent_recipient cr"
            + " where cr.consent_id = c.id and cr.agency_id = :asked)",
        Map.of("asked", askedAgencyId));
  }

  /**
   * The reader's agency's records that stand today, by number and date only: for the request form,
   * which shows no one's name, so the look is not recorded.
   */
  @Transactional(readOnly = true)
  public List<ConsentRecord> standing(SharingReader reader) {
    return standing(reader, "", Map.of());
  }

  private List<ConsentRecord> standing(
      SharingReader reader, String condition, Map<String, Object> params) {
    Map<String, Object> all = new java.util.HashMap<>(params);
    all.put("agency", reader.agencyId() == null ? -1L : reader.agencyId());
    LocalDate today = access.today();
    return query("c.agency_id = :agency" + condition, all, reader).stream()
        .filter(c -> c.standsOn(today))
        .toList();
  }

  /**
   * Records a withdrawal, which can never be undone.
   *
   * @throws NotFoundException when it is not a record of the reader's agency
   * @throws InvalidInputException when it was refused, is withdrawn already, or the date is before
   *     it was given or after today
   */
  @Transactional
  public void withdraw(SharingReader reader, long id, LocalDate on, String note) {
    ConsentRecord record = read(reader, id);
    if (reader.agencyId() == null || record.agencyId() != reader.agencyId()) {
      throw new NotFoundException("No such consent record");
    }
    if (!record.given()) {
      throw new InvalidInputException("Only a consent that was given can be withdrawn");
    }
    if (record.withdrawnOn() != null) {
      throw new InvalidInputException(
          "This consent was withdrawn on " + Dates.date(record.withdrawnOn()));
    }
    if (on.isBefore(record.givenOn()) || on.isAfter(access.today())) {
      throw new InvalidInputException(
          "The date of withdrawal must be from "
              + Dates.date(record.givenOn())
              + ", when it was given, to today");
    }
    jdbc.sql(
            """
            update sharing_consent set withdrawn_on = :on, withdrawal_note = :note,
                withdrawal_recorded_by = :by, withdrawal_recorded_at = now(), version = version + 1
            where id = :id and withdrawn_on is null
            """)
        .param("on", on)
        .param("note", note)
        .param("by", reader.name())
        .param("id", id)
        .update();
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(
            "WITHDRAW",
            CONSENT,
            id,
            reader.partnership().id(),
            "Recorded the withdrawal of consent record " + id + " on " + Dates.date(on)));
  }

  private List<ConsentRecord> query(
      String condition, Map<String, Object> params, SharingReader reader) {
    return jdbc.sql(
            """
            select c.id, c.agency_id, a.name as agency, c.subject_name, c.subject_address,
                   c.subject_dob, c.given_by, coalesce(c.given_by_name, '') as given_by_name,
                   coalesce(c.given_by_other, '') as given_by_other, c.explained,
                   coalesce(c.covers, '') as covers, coalesce(c.purposes, '') as purposes,
                   c.answer, c.given_on, c.recorded_by, c.recorded_at, c.withdrawn_on,
                   coalesce(c.withdrawal_note, '') as withdrawal_note,
                   coalesce(c.withdrawal_recorded_by, '') as withdrawal_recorded_by,
                   (select array_agg(ra.name order by lower(ra.name))
                    from sharing_consent_recipient r join agency ra on ra.id = r.agency_id
                    where r.consent_id = c.id) as recipients
            from sharing_consent c
            join agency a on a.id = c.agency_id
            where """
                + " "
                + condition
                + " and "
                + VISIBLE
                + " order by c.given_on desc, c.id desc limit 500")
        .params(reader.parameters())
        .params(params)
        .query(
            (rs, n) ->
                new ConsentRecord(
                    rs.getLong("id"),
                    rs.getLong("agency_id"),
                    rs.getString("agency"),
                    rs.getString("subject_name"),
                    rs.getString("subject_address"),
                    rs.getObject("subject_dob", LocalDate.class),
                    ConsentRecord.GivenBy.valueOf(rs.getString("given_by")),
                    rs.getString("given_by_name"),
                    rs.getString("given_by_other"),
                    rs.getBoolean("explained"),
                    rs.getString("covers"),
                    rs.getString("purposes"),
                    "GIVEN".equals(rs.getString("answer")),
                    rs.getObject("given_on", LocalDate.class),
                    rs.getArray("recipients") == null
                        ? List.of()
                        : List.of((String[]) rs.getArray("recipients").getArray()),
                    rs.getString("recorded_by"),
                    rs.getTimestamp("recorded_at").toInstant(),
                    rs.getObject("withdrawn_on", LocalDate.class),
                    rs.getString("withdrawal_note"),
                    rs.getString("withdrawal_recorded_by")))
        .list();
  }

  /** The record a subject of a request may rely on, checked; empty when none was chosen. */
  Optional<ConsentRecord> reliedOn(
      SharingReader reader, @Nullable Long consentId, long askedAgencyId) {
    if (consentId == null) {
      return Optional.empty();
    }
    return Optional.of(
        usable(reader, askedAgencyId).stream()
            .filter(c -> c.id() == consentId)
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "Consent record "
                            + consentId
                            + " cannot be relied on: it must be your agency's, given by today,"
                            + " not withdrawn, and name the agency you are asking")));
  }
}
