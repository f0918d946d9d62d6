package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the case page changes on a recorded case: the IDVA allocated, the IDVA offer and the outcome
 * of the IDVA's contact, and the case's closure. Each change is checked against the reader's roles
 * (a case they may not see is not found), refused when someone else changed the case since {@code
 * version}, and recorded in the audit trail as an {@code UPDATE} of the case by its id, never with
 * a name.
 */
@Service
public class CaseChanges {

  /** The longest IDVA contact outcome and closure reason. */
  public static final int MAX_OUTCOME = 4000;

  public static final int MAX_CLOSURE_REASON = 2000;

  private final MaracAccess access;
  private final MaracRoles roles;
  private final AuditTrail audit;
  private final JdbcClient jdbc;

  CaseChanges(MaracAccess access, MaracRoles roles, AuditTrail audit, JdbcClient jdbc) {
    this.access = access;
    this.roles = roles;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /**
   * The coordinator allocates the case to an IDVA of the MARAC.
   *
   * @throws NotFoundException when the reader is not the coordinator, or the account holds no IDVA
   *     role in the MARAC
   */
  @Transactional
  public void allocateIdva(MaracReader reader, long caseId, long idvaAccountId, int version) {
    requireCoordinator(reader, caseId);
    if (!roles.held(reader.maracId(), idvaAccountId).has(MaracRole.IDVA)) {
      throw new InvalidInputException("Select an IDVA of this MARAC");
    }
    update(
        reader,
        caseId,
        version,
        "update marac_referral set idva_account_id = :idva",
        "Allocated an IDVA to case " + caseId,
        new Param("idva", idvaAccountId));
  }

  /**
   * The allocated IDVA or the coordinator records the IDVA offer and the outcome of the contact.
   *
   * @throws NotFoundException when the reader is neither
   */
  @Transactional
  public void recordIdva(
      MaracReader reader,
      long caseId,
      Optional<IdvaOfferOutcome> outcome,
      Optional<LocalDate> offeredOn,
      Optional<String> contactOutcome,
      int version) {
    access.checkVisible(reader, caseId);
    boolean allocated =
        jdbc.sql("select coalesce(idva_account_id = :a, false) from marac_referral where id = :id")
            .param("a", reader.accountId())
            .param("id", caseId)
            .query(Boolean.class)
            .optional()
            .orElse(false)
            .equals(Boolean.TRUE);
    if (!reader.coordinates() && !(allocated && reader.has(MaracRole.IDVA))) {
      throw new NotFoundException("No such case");
    }
    if (contactOutcome.map(String::length).orElse(0) > MAX_OUTCOME) {
      throw new InvalidInputException(
          "The outcome of the contact must be " + MAX_OUTCOME + " characters or fewer");
    }
    update(
        reader,
        caseId,
        version,
        "update marac_referral set idva_offer = :offer, idva_offered_on = :on,"
            + " idva_contact_outcome = :contact",
        "Recorded the IDVA offer and contact of case " + caseId,
        new Param("offer", outcome.map(Enum::name).orElse(null)),
        new Param("on", offeredOn.orElse(null)),
        new Param("contact", contactOutcome.orElse(null)));
  }

  /**
   * The coordinator closes the case on a day, for a reason.
   *
   * @throws InvalidInputException when the reason is missing or too long
   */
  @Transactional
  public void close(
      MaracReader reader, long caseId, LocalDate closedOn, String reason, int version) {
    requireCoordinator(reader, caseId);
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("Enter why the case is closed");
    }
    if (reason.strip().length() > MAX_CLOSURE_REASON) {
      throw new InvalidInputException(
          "The reason must be " + MAX_CLOSURE_REASON + " characters or fewer");
    }
    update(
        reader,
        caseId,
        version,
        "update marac_referral set closed_on = :closed, closure_reason = :reason",
        "Closed case " + caseId,
        new Param("closed", closedOn),
        new Param("reason", reason.strip()));
  }

  /** The coordinator opens a closed case again. */
  @Transactional
  public void reopen(MaracReader reader, long caseId, int version) {
    requireCoordinator(reader, caseId);
    update(
        reader,
        caseId,
        version,
        "update marac_referral set closed_on = null, closure_reason = null",
        "Opened case " + caseId + " again",
        new Param[0]);
  }

  private record Param(String name, Object value) {}

  private void requireCoordinator(MaracReader reader, long caseId) {
    if (!reader.coordinates()) {
      throw new NotFoundException("No such case");
    }
    access.checkVisible(reader, caseId);
  }

  private void update(
      MaracReader reader, long caseId, int version, String set, String summary, Param... params) {
    JdbcClient.StatementSpec statement =
        jdbc.sql(
                set
                    + ", version = version + 1 where id = :id and marac_id = :m"
                    + " and version = :version")
            .param("id", caseId)
            .param("m", reader.maracId())
            .param("version", version);
    for (Param p : params) {
      statement = statement.param(p.name(), p.value());
    }
    if (statement.update() == 0) {
      throw new ConcurrentChangeException("Case " + caseId);
    }
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(
            "UPDATE",
            MaracAccess.CASE,
            caseId,
            reader.marac().partnershipId(),
            summary + " (" + reader.marac().name() + ")"));
  }
}
