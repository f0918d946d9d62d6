package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.calendar.BankHolidays;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for information (Part A): raised by a user of a party agency, to another party of a
 * protocol in force that day, due on the date needed by or the Nth working day after; read only
 * through {@link SharingAccess}.
 */
@Service
public class Requests {

  /** What a person without an agency is told. */
  public static final String NO_AGENCY =
      "Your account is not linked to an agency. Ask your partnership administrator.";

  private final SharingAccess access;
  private final Protocols protocols;
  private final LawfulBases lawfulBases;
  private final Agencies agencies;
  private final BankHolidays bankHolidays;
  private final DecisionLog log;
  private final AuditTrail audit;
  private final SharingEmails emails;
  private final Consents consents;
  private final JdbcClient jdbc;

  Requests(
      SharingAccess access,
      Protocols protocols,
      LawfulBases lawfulBases,
      Agencies agencies,
      BankHolidays bankHolidays,
      DecisionLog log,
      AuditTrail audit,
      SharingEmails emails,
      Consents consents,
      JdbcClient jdbc) {
    this.access = access;
    this.protocols = protocols;
    this.lawfulBases = lawfulBases;
    this.agencies = agencies;
    this.bankHolidays = bankHolidays;
    this.log = log;
    this.audit = audit;
    this.emails = emails;
    this.consents = consents;
    this.jdbc = jdbc;
  }

  /** A request raised: its id and number, and whether this sending of the form made it. */
  public record Raised(long id, int number, LocalDate dueOn, boolean now) {}

  /** A request in a list: numbers, agencies and dates, never a subject. */
  public record Listed(
      long id,
      int number,
      String requestingAgency,
      String askedAgency,
      String protocol,
      LocalDate requestedOn,
      LocalDate dueOn,
      boolean urgent,
      @Nullable DecisionOutcome outcome,
      @Nullable LocalDate decidedOn,
      boolean theirs) {

    public boolean open() {
      return outcome == null;
    }

    public boolean overdueOn(LocalDate day) {
      return outcome == null && day.isAfter(dueOn);
    }
  }

  /**
   * What waits for a person on their home page: the open requests they decide (how many overdue),
   * and their own open requests. Counts only: no request is looked at.
   */
  public record Waiting(int toDecide, int overdue, int asked) {

    public boolean any() {
      return toDecide > 0 || asked > 0;
    }
  }

  /** What waits for the account in the partnership today. */
  @Transactional(readOnly = true)
  public Waiting waiting(Partnership partnership, long accountId) {
    SharingReader reader = access.reader(partnership, accountId, "");
    if (!reader.canRequest()) {
      return new Waiting(0, 0, 0);
    }
    return jdbc.sql(
            """
            select count(*) filter (where r.asked_agency_id = :reader_agency
                                      and r.protocol_id = any(:reader_decides)) as to_decide,
                   count(*) filter (where r.asked_agency_id = :reader_agency
                                      and r.protocol_id = any(:reader_decides)
                                      and r.due_on < :today) as overdue,
                   count(*) filter (where r.requesting_account_id = :reader_account
                                      and r.requesting_agency_id = :reader_agency) as asked
            from sharing_request r
            where r.partnership_id = :reader_p
              and not exists (select 1 from sharing_decision d where d.request_id = r.id)
            """)
        .params(reader.parameters())
        .param("today", access.today())
        .query((rs, n) -> new Waiting(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
        .single();
  }

  /**
   * The protocols under which the reader's agency may ask the agency today, by title; or, when
   * there are none, why not.
   */
  @Transactional(readOnly = true)
  public ProtocolCover.Answer cover(SharingReader reader, long askedAgencyId) {
    Agency requesting = requesting(reader);
    Agency asked = asked(reader, askedAgencyId);
    return new ProtocolCover(protocols.covers(reader.partnership()), access.today())
        .between(requesting, asked, access.today());
  }

  /** The agencies the reader's agency shares with under a protocol in force today, by name. */
  @Transactional(readOnly = true)
  public List<Agency> askable(SharingReader reader) {
    Agency requesting = requesting(reader);
    LocalDate today = access.today();
    List<ProtocolCover.Protocol> all = protocols.covers(reader.partnership());
    ProtocolCover cover = new ProtocolCover(all, today);
    return agencies.findAll(reader.partnership()).stream()
        .filter(a -> a.id() != requesting.id())
        .filter(a -> cover.between(requesting, a, today).allowed())
        .toList();
  }

  /**
   * Raises the request. The same form sent twice (its token) raises it once.
   *
   * @throws InvalidInputException when the reader is not a user of an agency, or the protocol does
   *     not cover the two agencies today (the message says why)
   */
  @Transactional
  public Raised raise(SharingReader reader, NewRequest request, UUID token) {
    Agency requesting = requesting(reader);
    Agency asked = asked(reader, request.askedAgencyId());
    LocalDate today = access.today();
    List<ProtocolCover.Protocol> all = protocols.covers(reader.partnership());
    ProtocolCover.Answer answer =
        new ProtocolCover(all, today).under(request.protocolId(), requesting, asked, today);
    if (!answer.allowed()) {
      throw new InvalidInputException(String.join(". ", answer.reasons()));
    }
    Set<Long> known = new java.util.HashSet<>();
    lawfulBases.of(reader.partnership()).forEach(b -> known.add(b.id()));
    if (!known.containsAll(request.basisIds())) {
      throw new NotFoundException("No such lawful basis");
    }
    for (NewRequest.Subject subject : request.subjects()) {
      if (subject.consentId() != null && subject.consent() != Consent.GIVEN) {
        throw new InvalidInputException("Only a person who consented relies on a consent record");
      }
      consents.reliedOn(reader, subject.consentId(), asked.id());
    }
    int responseDays =
        jdbc.sql("select response_working_days from sharing_protocol where id = :id")
            .param("id", request.protocolId())
            .query(Integer.class)
            .single();
    List<String> covered =
        List.of(
            (String[])
                jdbc.sql("select categories from sharing_protocol where id = :id")
                    .param("id", request.protocolId())
                    .query((rs, n) -> rs.getArray(1).getArray())
                    .single());
    for (InformationCategory category : request.categories()) {
      // a protocol that lists none covers any
      if (!covered.isEmpty() && !covered.contains(category.name())) {
        throw new InvalidInputException(
            "The protocol does not cover "
                + category.label().toLowerCase(java.util.Locale.ROOT)
                + ": choose only the kinds of information it covers");
      }
    }
    int last = RequestNumbers.lock(jdbc, reader.partnership().id());
    Optional<Raised> before =
        jdbc.sql(
                """
                select id, number, due_on from sharing_request
                where partnership_id = :p and form_token = :token
                """)
            .param("p", reader.partnership().id())
            .param("token", token)
            .query(
                (rs, n) ->
                    new Raised(
                        rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class), false))
            .optional();
    if (before.isPresent()) {
      return before.get();
    }
    LocalDate dueOn =
        new ResponseDeadline(bankHolidays.calendar())
            .dueOn(today, responseDays, request.urgent(), request.neededBy());
    if (last == Integer.MAX_VALUE) {
      throw new InvalidInputException(
          "The partnership has used every request number: ask your administrator");
    }
    int number = last + 1;
    // the officer as the directory names them, with their job
    record Officer(String name, String job) {}
    Officer officer =
        jdbc.sql("select name, coalesce(job_title, '') from person where id = :person")
            .param("person", reader.personId())
            .query((rs, n) -> new Officer(rs.getString(1), rs.getString(2)))
            .optional()
            .orElse(new Officer(reader.name(), ""));
    long id =
        jdbc.sql(
                """
                insert into sharing_request (partnership_id, number, protocol_id,
                    requesting_agency_id, asked_agency_id, requesting_account_id,
                    requesting_officer, requesting_officer_job, requested_on, information_sought,
                    purpose, categories, urgent, urgency_reason, needed_by, due_on, form_token)
                values (:p, :number, :protocol, :requesting, :asked, :account, :officer, :job,
                    :today, :sought, :purpose, :categories, :urgent, :urgencyReason, :neededBy,
                    :due, :token)
                returning id
                """)
            .param("p", reader.partnership().id())
            .param("number", number)
            .param("protocol", request.protocolId())
            .param("requesting", requesting.id())
            .param("asked", asked.id())
            .param("account", reader.accountId())
            .param("officer", officer.name())
            .param("job", officer.job())
            .param("today", today)
            .param("sought", request.informationSought())
            .param("purpose", request.purpose())
            .param(
                "categories",
                request.categories().stream().map(Enum::name).sorted().toArray(String[]::new))
            .param("urgent", request.urgent())
            .param("urgencyReason", request.urgent() ? request.urgencyReason() : null)
            .param("neededBy", request.neededBy())
            .param("due", dueOn)
            .param("token", token)
            .query(Long.class)
            .single();
    int position = 0;
    for (NewRequest.Subject subject : request.subjects()) {
      jdbc.sql(
              """
              insert into sharing_subject (partnership_id, request_id, position, role, role_other,
                  name, address, dob, consent, not_sought_reason, consent_id)
              values (:p, :request, :position, :role, :other, :name, :address, :dob, :consent,
                  :notSought, :consentId)
              """)
          .param("p", reader.partnership().id())
          .param("request", id)
          .param("position", ++position)
          .param("role", subject.role().name())
          .param("other", subject.role() == SubjectRole.OTHER ? subject.roleOther() : null)
          .param("name", subject.name())
          .param("address", subject.address().isBlank() ? null : subject.address())
          .param("dob", subject.dob())
          .param("consent", subject.consent().name())
          .param(
              "notSought",
              subject.consent() == Consent.NOT_SOUGHT ? subject.notSoughtReason() : null)
          .param("consentId", subject.consentId())
          .update();
    }
    for (long basis : request.basisIds()) {
      jdbc.sql("insert into sharing_request_basis (request_id, basis_id) values (:r, :b)")
          .param("r", id)
          .param("b", basis)
          .update();
    }
    RequestNumbers.given(jdbc, reader.partnership().id(), number);
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(
            "CREATE",
            SharingAccess.REQUEST,
            id,
            reader.partnership().id(),
            "Raised request "
                + number
                + " from "
                + requesting.name()
                + " to "
                + asked.name()
                + ", due "
                + dueOn
                + (request.urgent() ? " (urgent)" : "")
                + ", about "
                + request.subjects().size()
                + (request.subjects().size() == 1 ? " person" : " people")));
    String protocolTitle =
        jdbc.sql("select title from sharing_protocol where id = :id")
            .param("id", request.protocolId())
            .query(String.class)
            .single();
    emails.received(
        reader.partnership(),
        number,
        request.protocolId(),
        protocolTitle,
        asked.id(),
        requesting.name(),
        request.urgent(),
        dueOn,
        today);
    return new Raised(id, number, dueOn, true);
  }

  /**
   * The requests the reader may see, newest first: their agency's, made or asked, or all for the
   * data protection lead. Recorded as a look at the list, by number.
   */
  @Transactional
  public List<Listed> list(SharingReader reader) {
    if (!reader.seesRequests()) {
      return List.of();
    }
    List<Listed> listed =
        jdbc.sql(
                """
                select r.id, r.number, ra.name as requesting, aa.name as asked, p.title,
                       r.requested_on, r.due_on, r.urgent, d.outcome, d.decided_on,
                       (r.asked_agency_id = :reader_agency
                        and r.protocol_id = any(:reader_decides)) as theirs
                from sharing_request r
                join agency ra on ra.id = r.requesting_agency_id
                join agency aa on aa.id = r.asked_agency_id
                join sharing_protocol p on p.id = r.protocol_id
                left join lateral (
                    select outcome, decided_on from sharing_decision d
                    where d.request_id = r.id
                    order by d.id desc limit 1
                ) d on true
                where """
                    + SharingAccess.VISIBLE
                    + """
                     order by r.requested_on desc, r.number desc
                     limit 500
                    """)
            .params(reader.parameters())
            .query(
                (rs, n) -> {
                  String outcome = rs.getString("outcome");
                  return new Listed(
                      rs.getLong("id"),
                      rs.getInt("number"),
                      rs.getString("requesting"),
                      rs.getString("asked"),
                      rs.getString("title"),
                      rs.getObject("requested_on", LocalDate.class),
                      rs.getObject("due_on", LocalDate.class),
                      rs.getBoolean("urgent"),
                      outcome == null ? null : DecisionOutcome.valueOf(outcome),
                      rs.getObject("decided_on", LocalDate.class),
                      rs.getBoolean("theirs"));
                })
            .list();
    access.readList(
        reader,
        SharingAccess.REQUESTS,
        "Looked at the list of requests ("
            + listed.size()
            + (listed.isEmpty()
                ? ")"
                : ": numbers "
                    + listed.stream()
                        .limit(50)
                        .map(l -> Integer.toString(l.number()))
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("")
                    + (listed.size() > 50 ? " and more)" : ")")));
    return listed;
  }

  /**
   * The request by its number, as the reader may see it, recording the look.
   *
   * @throws NotFoundException when there is no such request or the reader may not see it
   */
  @Transactional
  public SharingRequest open(SharingReader reader, int number) {
    SharingRequest request = read(reader, number);
    access.read(
        reader,
        request.id(),
        "Opened request "
            + request.number()
            + (request.details() ? " with the subjects' details" : " without subjects' details"));
    return request;
  }

  /**
   * The request by its number, recording nothing: for a form about it, which records itself.
   *
   * @throws NotFoundException when there is no such request or the reader may not see it
   */
  @Transactional(readOnly = true)
  public SharingRequest read(SharingReader reader, int number) {
    record Row(
        long id,
        long protocolId,
        String protocol,
        long requestingId,
        String requesting,
        long askedId,
        String asked,
        String officer,
        String job,
        LocalDate requestedOn,
        LocalDate dueOn,
        @Nullable LocalDate neededBy,
        boolean urgent,
        String urgencyReason,
        String sought,
        String purpose,
        List<InformationCategory> categories,
        boolean imported,
        boolean details,
        boolean decides) {}
    Row row =
        jdbc.sql(
                """
                select r.id, r.protocol_id, p.title, r.requesting_agency_id, ra.name as requesting,
                       r.asked_agency_id, aa.name as asked, r.requesting_officer,
                       r.requesting_officer_job, r.requested_on, r.due_on, r.needed_by, r.urgent,
                       coalesce(r.urgency_reason, '') as urgency_reason,
                       coalesce(r.information_sought, '') as sought,
                       coalesce(r.purpose, '') as purpose, r.categories, r.imported,
                       """
                    + SharingAccess.SUBJECT_DETAILS
                    + """
                     as details,
                       (r.asked_agency_id = :reader_agency
                        and r.protocol_id = any(:reader_decides)) as decides
                from sharing_request r
                join sharing_protocol p on p.id = r.protocol_id
                join agency ra on ra.id = r.requesting_agency_id
                join agency aa on aa.id = r.asked_agency_id
                where r.number = :number and
                """
                    + SharingAccess.VISIBLE)
            .param("number", number)
            .params(reader.parameters())
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("id"),
                        rs.getLong("protocol_id"),
                        rs.getString("title"),
                        rs.getLong("requesting_agency_id"),
                        rs.getString("requesting"),
                        rs.getLong("asked_agency_id"),
                        rs.getString("asked"),
                        rs.getString("requesting_officer"),
                        rs.getString("requesting_officer_job"),
                        rs.getObject("requested_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getObject("needed_by", LocalDate.class),
                        rs.getBoolean("urgent"),
                        rs.getString("urgency_reason"),
                        rs.getString("sought"),
                        rs.getString("purpose"),
                        categories((String[]) rs.getArray("categories").getArray()),
                        rs.getBoolean("imported"),
                        rs.getBoolean("details"),
                        rs.getBoolean("decides")))
            .optional()
            .orElseThrow(() -> new NotFoundException("No such request"));
    List<SharingRequest.Subject> subjects =
        jdbc.sql(
                """
                select s.position, s.role, coalesce(s.role_other, '') as role_other, s.name,
                       s.address, s.dob, s.consent,
                       coalesce(s.not_sought_reason, '') as not_sought_reason, s.consent_id,
                       c.withdrawn_on as consent_withdrawn_on
                from sharing_subject s
                left join sharing_consent c on c.id = s.consent_id
                where s.request_id = :r order by s.position
                """)
            .param("r", row.id())
            .query(
                (rs, n) ->
                    new SharingRequest.Subject(
                        rs.getInt("position"),
                        SubjectRole.valueOf(rs.getString("role")),
                        rs.getString("role_other"),
                        row.details() ? rs.getString("name") : null,
                        row.details() ? rs.getString("address") : null,
                        row.details() ? rs.getObject("dob", LocalDate.class) : null,
                        Consent.valueOf(rs.getString("consent")),
                        // why consent was not sought often says where the person is
                        row.details() ? rs.getString("not_sought_reason") : "",
                        rs.getObject("consent_id", Long.class),
                        rs.getObject("consent_withdrawn_on", LocalDate.class)))
            .list();
    Map<Long, LawfulBasis> bases = new HashMap<>();
    lawfulBases.of(reader.partnership()).forEach(b -> bases.put(b.id(), b));
    List<LawfulBasis> claimed = new ArrayList<>();
    jdbc.sql("select basis_id from sharing_request_basis where request_id = :r")
        .param("r", row.id())
        .query(Long.class)
        .list()
        .forEach(
            id -> {
              if (bases.containsKey(id)) {
                claimed.add(bases.get(id));
              }
            });
    return new SharingRequest(
        row.id(),
        number,
        row.protocolId(),
        row.protocol(),
        row.requestingId(),
        row.requesting(),
        row.askedId(),
        row.asked(),
        row.officer(),
        row.job(),
        row.requestedOn(),
        row.dueOn(),
        row.neededBy(),
        row.urgent(),
        row.urgencyReason(),
        row.sought(),
        row.purpose(),
        row.categories(),
        claimed,
        subjects,
        row.imported(),
        row.details(),
        row.decides(),
        log.ofRequest(row.id()));
  }

  private static List<InformationCategory> categories(String[] names) {
    EnumSet<InformationCategory> set = EnumSet.noneOf(InformationCategory.class);
    for (String name : names) {
      set.add(InformationCategory.valueOf(name));
    }
    return List.copyOf(set);
  }

  private Agency requesting(SharingReader reader) {
    Long agencyId = reader.agencyId();
    if (agencyId == null) {
      throw new InvalidInputException(NO_AGENCY);
    }
    return agencies.find(reader.partnership(), agencyId);
  }

  private Agency asked(SharingReader reader, long askedAgencyId) {
    return agencies
        .findById(reader.partnership(), askedAgencyId)
        .orElseThrow(() -> new NotFoundException("No such agency"));
  }
}
