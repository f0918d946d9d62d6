package org.ccrhub.marac;

import java.util.List;
import java.util.Map;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditRecord;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one gate to a MARAC's case data (ADR 19). A person without a role in the MARAC gets no {@link
 * MaracReader}, and every query of cases takes one: without a role a case is not found (404), never
 * forbidden, because whether a case exists is itself personal data. Every look at a case, a list, a
 * search, a printout or an export is recorded here in the audit trail as {@code READ} or {@code
 * EXPORT} of {@code MaracCase} with the referral's id, and never with a name.
 */
@Service
public class MaracAccess {

  /** The audit trail's object type of a case (a referral). */
  public static final String CASE = "MaracCase";

  /** The audit trail's object type of lists of cases (the MARAC). */
  public static final String CASES = "MaracCases";

  /** The longest reason for an export or printout. */
  public static final int MAX_REASON = 500;

  /**
   * The cases a reader may see, as a condition on {@code r} (a marac_referral) with the parameters
   * of {@link #visible}: the MARAC's, and for a member or IDVA only those on agendas released to
   * the members or allocated to the IDVA.
   */
  public static final String VISIBLE =
      """
      (r.marac_id = :reader_marac and (:reader_all
        or (r.meeting_id is not null and exists (select 1 from marac_meeting vm
            where vm.id = r.meeting_id and vm.released_at is not null))
        or r.idva_account_id = :reader_account))
      """;

  /** No account has this id, so no case is allocated to it. */
  private static final long NO_ACCOUNT = -1L;

  private final Maracs maracs;
  private final MaracRoles roles;
  private final AuditTrail audit;
  private final JdbcClient jdbc;

  MaracAccess(Maracs maracs, MaracRoles roles, AuditTrail audit, JdbcClient jdbc) {
    this.maracs = maracs;
    this.roles = roles;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /**
   * The person as a reader of the MARAC's cases.
   *
   * @throws NotFoundException when the MARAC is not the partnership's, or they hold no role in it
   */
  @Transactional(readOnly = true)
  public MaracReader reader(
      Partnership partnership, long maracId, long accountId, String actorName) {
    Marac marac = maracs.get(partnership, maracId);
    MaracRoles.Held held = roles.held(marac.id(), accountId);
    if (!held.any()) {
      throw new NotFoundException("No such MARAC case list");
    }
    return new MaracReader(marac, accountId, actorName, held);
  }

  /**
   * The parameters of {@link #VISIBLE} for this reader. The cases allocated to the person count
   * only while they are an IDVA of the MARAC: one who became a member keeps no view of them.
   */
  public static Map<String, Object> visible(MaracReader reader) {
    return Map.of(
        "reader_marac", reader.maracId(),
        "reader_all", reader.seesEveryCase(),
        "reader_account", reader.has(MaracRole.IDVA) ? reader.accountId() : NO_ACCOUNT);
  }

  /**
   * Checks the reader may see the case and records that they looked at it.
   *
   * @param what what they looked at, for the trail: "Opened the case", "Printed the case"
   * @throws NotFoundException when it is not a case they may see
   */
  @Transactional
  public void read(MaracReader reader, long referralId, String what) {
    checkVisible(reader, referralId);
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(
            "READ",
            CASE,
            referralId,
            reader.marac().partnershipId(),
            what + " (" + reader.marac().name() + ")"));
  }

  /**
   * Checks the reader may see the case, recording nothing: for a change, which records itself.
   *
   * @throws NotFoundException when it is not a case they may see
   */
  @Transactional(readOnly = true)
  public void checkVisible(MaracReader reader, long referralId) {
    boolean visible =
        jdbc.sql(
                "select exists (select 1 from marac_referral r where r.id = :id and "
                    + VISIBLE
                    + ")")
            .param("id", referralId)
            .params(visible(reader))
            .query(Boolean.class)
            .single();
    if (!visible) {
      throw new NotFoundException("No such case");
    }
  }

  /** Records that the reader saw a list of cases: the case list, an agenda, a search's results. */
  @Transactional
  public void readList(MaracReader reader, String what, List<Long> referralIds) {
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(
            "READ",
            CASES,
            reader.maracId(),
            reader.marac().partnershipId(),
            what + ": " + ids(referralIds)));
  }

  /**
   * Records an export or printout of personal data with the reason the person gave.
   *
   * @throws InvalidInputException when the reason is missing or too long
   */
  @Transactional
  public void export(MaracReader reader, String what, String reason, List<Long> referralIds) {
    String why = checkReason(reason);
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(
            "EXPORT",
            referralIds.size() == 1 ? CASE : CASES,
            referralIds.size() == 1 ? referralIds.get(0) : reader.maracId(),
            reader.marac().partnershipId(),
            what + " because: " + why + (referralIds.size() == 1 ? "" : ": " + ids(referralIds))));
  }

  /** The reason for an export or printout, stripped. */
  public static String checkReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("Enter why you need this copy of the personal data");
    }
    String stripped = reason.strip();
    if (stripped.length() > MAX_REASON) {
      throw new InvalidInputException("The reason must be " + MAX_REASON + " characters or fewer");
    }
    return stripped;
  }

  /**
   * Who looked at or changed a case, newest first: for the coordinator only.
   *
   * @throws NotFoundException when the reader is not the MARAC's coordinator or the case is not the
   *     MARAC's
   */
  @Transactional(readOnly = true)
  public List<AuditRecord> lookedAt(MaracReader reader, long referralId, int most) {
    if (!reader.coordinates()) {
      throw new NotFoundException("No such case");
    }
    checkVisible(reader, referralId);
    return audit.about(reader.marac().partnershipId(), CASE, Long.toString(referralId), most);
  }

  private static String ids(List<Long> referralIds) {
    if (referralIds.isEmpty()) {
      return "no cases";
    }
    StringBuilder text = new StringBuilder(referralIds.size() == 1 ? "case " : "cases ");
    for (int i = 0; i < referralIds.size(); i++) {
      if (text.length() > 1500) {
        text.append(" and ").append(referralIds.size() - i).append(" more");
        break;
      }
      text.append(i == 0 ? "" : ", ").append(referralIds.get(i));
    }
    return text.toString();
  }
}
