package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on requests (Part B), which are the entries of the decision log: made once, while the
 * request is open, by the asked agency's SPOC, deputy or delegate under the request's protocol, and
 * checked by {@link DecisionRules}. An entry is never changed: a correction is a new entry.
 */
@Service
public class Decisions {

  private final Requests requests;
  private final SharingAccess access;
  private final AuditTrail audit;
  private final SharingEmails emails;
  private final LawfulBases lawfulBases;
  private final JdbcClient jdbc;

  Decisions(
      Requests requests,
      SharingAccess access,
      AuditTrail audit,
      SharingEmails emails,
      LawfulBases lawfulBases,
      JdbcClient jdbc) {
    this.requests = requests;
    this.access = access;
    this.audit = audit;
    this.emails = emails;
    this.lawfulBases = lawfulBases;
    this.jdbc = jdbc;
  }

  /** A decision the rules refused, with every problem by its field. */
  public static class RejectedException extends RuntimeException {
    private final List<DecisionRules.Problem> problems;

    RejectedException(List<DecisionRules.Problem> problems) {
      super("The decision was not recorded", null, false, false);
      this.problems = List.copyOf(problems);
    }

    public List<DecisionRules.Problem> problems() {
      return problems;
    }
  }

  /**
   * A decision as the decider gave it; whether it is with consent comes from the request's
   * subjects, and the requester from the request.
   *
   * @param basisIds the lawful bases relied on (those the request claimed unless changed)
   */
  public record Given(
      ProposedDecision decision, List<Long> basisIds, String authorisedBy, String summary) {}

  /**
   * Records the decision on the request with this number.
   *
   * @return the log entry's id
   * @throws NotFoundException when the reader may not decide it (or see it)
   * @throws RejectedException with every problem, when the rules refuse it or it was decided
   *     already
   */
  @Transactional
  public long decide(SharingReader reader, int number, Given given) {
    return record(reader, number, given, null);
  }

  /**
   * Records a correction of the decision in force on the request with this number: a new entry
   * naming the one it corrects and why, which becomes the decision. The entry corrected stays in
   * the log as it was. The asked agency's deciders correct; the data protection lead corrects
   * imported entries.
   *
   * @return the new entry's id
   * @throws NotFoundException when the reader may not correct it, or it has no decision
   * @throws RejectedException with every problem, when the rules refuse it
   */
  @Transactional
  public long correct(SharingReader reader, int number, Given given, String reason) {
    return record(reader, number, given, reason);
  }

  /** Whether the reader may correct the request's decision. */
  public static boolean corrects(SharingReader reader, SharingRequest request) {
    DecisionLog.Entry current = request.decision();
    return current != null
        && (request.decides() || (reader.dataProtectionLead() && request.imported()));
  }

  private long record(
      SharingReader reader, int number, Given given, @Nullable String correctionReason) {
    SharingRequest request = requests.read(reader, number);
    boolean correcting = correctionReason != null;
    if (correcting ? !corrects(reader, request) : !request.decides()) {
      throw new NotFoundException("No such request");
    }
    // one decider at a time: the second is told who decided first
    jdbc.sql("select id from sharing_request where id = :id for update")
        .param("id", request.id())
        .query(Long.class)
        .single();
    Optional<String> decided =
        jdbc.sql(
                """
                select recorded_by || ' on ' || to_char(decided_on, 'DD/MM/YYYY')
                from sharing_decision where request_id = :r and corrects_id is null
                """)
            .param("r", request.id())
            .query(String.class)
            .optional();
    // the entry in force now, read under the lock: a correction corrects it
    Long current =
        jdbc.sql(
                """
                select d.id from sharing_decision d
                where d.request_id = :r
                  and not exists (select 1 from sharing_decision c where c.corrects_id = d.id)
                """)
            .param("r", request.id())
            .query(Long.class)
            .optional()
            .orElse(null);
    if (correcting) {
      String why = correctionReason.strip();
      if (why.isEmpty() || why.length() > 2000) {
        throw new RejectedException(
            List.of(
                new DecisionRules.Problem(
                    "correctionReason",
                    why.isEmpty()
                        ? "Enter why the entry is corrected"
                        : "Enter the reason in 2,000 characters or fewer")));
      }
      DecisionLog.Entry shown = request.decision();
      if (current == null || shown == null || current != shown.id()) {
        throw new RejectedException(
            List.of(
                new DecisionRules.Problem(
                    "outcome",
                    "Someone corrected this decision a moment ago: look at the request again")));
      }
    } else if (decided.isPresent()) {
      throw new RejectedException(
          List.of(
              new DecisionRules.Problem(
                  "outcome", "Request " + number + " was decided already, by " + decided.get())));
    }
    ProposedDecision d = given.decision();
    ProposedDecision decision =
        new ProposedDecision(
            d.outcome(),
            d.decidedOn(),
            d.reasons(),
            d.grounds(),
            d.decidedOn() == null ? request.withConsent() : request.withConsentOn(d.decidedOn()),
            d.subjectTold(),
            d.notToldReason(),
            d.informationTypes(),
            d.method(),
            d.suppliedOn());
    LocalDate today = access.today();
    DecisionRules.Checked checked = DecisionRules.check(decision, request.requestedOn(), today);
    if (!checked.allowed()) {
      throw new RejectedException(checked.problems());
    }
    Set<Long> claimable =
        new java.util.HashSet<>(
            jdbc.sql(
                    "select id from lawful_basis where partnership_id is null or partnership_id ="
                        + " :p")
                .param("p", reader.partnership().id())
                .query(Long.class)
                .list());
    if (!claimable.containsAll(given.basisIds())) {
      throw new NotFoundException("No such lawful basis");
    }
    if (decision.outcome() != null && decision.outcome().shares()) {
      List<LawfulBasisCheck.Problem> basisProblems =
          LawfulBasisCheck.check(
              request.categories(),
              lawfulBases.of(reader.partnership()).stream()
                  .filter(b -> given.basisIds().contains(b.id()))
                  .toList(),
              decision.decidedOn());
      if (!basisProblems.isEmpty()) {
        throw new RejectedException(
            basisProblems.stream()
                .map(m -> new DecisionRules.Problem("bases", m.message()))
                .toList());
      }
    }
    SharingMethod method = decision.method();
    long id =
        jdbc.sql(
                """
                insert into sharing_decision (partnership_id, request_id, outcome, decided_on,
                    reasons, grounds, with_consent, subject_told, not_told_reason, authorised_by,
                    information_types, method, supplied_on, summary, requester_name,
                    requester_job, requester_agency, protocol_title, recorded_by,
                    recorded_by_account, corrects_id, correction_reason, asked_agency,
                    request_date, due_on, urgent, subject_roles, consents, basis_codes)
                values (:p, :request, :outcome, :decided, :reasons, :grounds, :withConsent, :told,
                    :notTold, :authorised, :types, :method, :supplied, :summary, :requester,
                    :job, :agency, :protocol, :recordedBy, :account, :corrects, :correction,
                    :asked, :requestDate, :dueOn, :urgent, :roles, :consents,
                    (select coalesce(array_agg(code order by sort, code), '{}') from lawful_basis
                     where id = any(:bases)))
                returning id
                """)
            .param("p", reader.partnership().id())
            .param("request", request.id())
            .param("outcome", decision.outcome().name())
            .param("decided", decision.decidedOn())
            .param("reasons", decision.reasons())
            .param("grounds", decision.grounds().stream().map(Enum::name).toArray(String[]::new))
            .param("withConsent", decision.withConsent())
            .param("told", decision.subjectTold())
            .param("notTold", decision.notToldReason())
            .param("authorised", given.authorisedBy())
            .param("types", decision.informationTypes().toArray(String[]::new))
            .param("method", method == null ? null : method.name())
            .param("supplied", decision.suppliedOn())
            .param("summary", given.summary())
            .param("requester", request.requestingOfficer())
            .param("job", request.requestingOfficerJob())
            .param("agency", request.requestingAgency())
            .param("protocol", request.protocolTitle())
            .param("recordedBy", reader.name())
            .param("account", reader.accountId())
            .param("corrects", correcting ? current : null)
            .param("correction", correcting ? correctionReason.strip() : null)
            .param("asked", request.askedAgency())
            .param("requestDate", request.requestedOn())
            .param("dueOn", request.dueOn())
            .param("urgent", request.urgent())
            .param(
                "roles",
                request.subjects().stream()
                    .map(
                        s ->
                            s.role().name()
                                + (s.role() == SubjectRole.OTHER && !s.roleOther().isBlank()
                                    ? ":" + s.roleOther()
                                    : ""))
                    .toArray(String[]::new))
            .param(
                "consents",
                request.subjects().stream()
                    .map(s -> s.consent().name())
                    .distinct()
                    .sorted()
                    .toArray(String[]::new))
            .param("bases", given.basisIds().toArray(Long[]::new))
            .query(Long.class)
            .single();
    for (long basis : given.basisIds()) {
      jdbc.sql("insert into sharing_decision_basis (decision_id, basis_id) values (:d, :b)")
          .param("d", id)
          .param("b", basis)
          .update();
    }
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(
            correcting ? "CORRECT" : "DECIDE",
            SharingAccess.REQUEST,
            request.id(),
            reader.partnership().id(),
            (correcting ? "Corrected the decision on request " : "Decided request ")
                + number
                + ": "
                + decision.outcome().label().toLowerCase(java.util.Locale.ROOT)
                + " on "
                + Dates.date(decision.decidedOn())
                + (decision.withConsent() ? ", with consent" : ", without consent")
                + " (log entry "
                + id
                + (correcting ? ", correcting entry " + current : "")
                + ")"));
    if (correcting && !decision.outcome().shares()) {
      // a decision corrected to a refusal keeps none of the information shared
      int removed =
          jdbc.sql(
                  """
                  update sharing_attachment set content = null, removed_at = now(),
                      removed_by = :by
                  where removed_at is null and decision_id in (
                      select d.id from sharing_decision d where d.request_id = :r)
                  """)
              .param("by", "the correction to a refusal (" + reader.name() + ")")
              .param("r", request.id())
              .update();
      if (removed > 0) {
        audit.recordFor(
            reader.actorName(),
            reader.accountId(),
            AuditEntry.success(
                "DELETE",
                SharingAccess.REQUEST,
                request.id(),
                reader.partnership().id(),
                "Removed "
                    + removed
                    + (removed == 1 ? " file" : " files")
                    + " of request "
                    + number
                    + " with the correction to a refusal"));
      }
    }
    emails.decided(reader.partnership(), number, request.id(), decision.outcome());
    return id;
  }
}
