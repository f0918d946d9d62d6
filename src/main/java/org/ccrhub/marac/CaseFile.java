package org.ccrhub.marac;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A recorded referral as its case page shows it ({@link CaseFiles#get}): everything recorded, read
 * only through {@link MaracAccess}. Texts that retention removed are empty.
 *
 * @param dashAnswers the 24 DASH answers as Y, N or ? in question order, when the checklist was
 *     completed
 * @param version for optimistic locking of the changes made on the case page
 */
public record CaseFile(
    long id,
    long maracId,
    long victimId,
    LocalDate referralDate,
    long referringAgencyId,
    String referringAgency,
    boolean policeReferral,
    Optional<String> referringOfficer,
    Optional<String> victimName,
    List<String> victimOtherNames,
    Optional<LocalDate> victimDateOfBirth,
    Optional<Integer> victimAge,
    Gender victimGender,
    Optional<String> victimAddress,
    Optional<String> safeContact,
    Optional<Answer> safeToCall,
    Ethnicity ethnicity,
    Answer disabled,
    Answer lgbt,
    Optional<Answer> pregnant,
    Optional<String> firstLanguage,
    Optional<Answer> interpreterNeeded,
    Optional<Answer> victimAware,
    Optional<String> victimUnawareReason,
    Optional<String> fears,
    Optional<String> safeToSpeakTo,
    Optional<String> dashAnswers,
    Optional<Integer> dashScore,
    Optional<DaraGrade> daraGrade,
    Optional<Integer> policeIncidents,
    Set<Criterion> claimed,
    Optional<String> judgementReason,
    Optional<Boolean> consentGiven,
    Optional<String> withoutConsentReason,
    Optional<String> lawfulBasis,
    Optional<String> consentDecidedBy,
    Optional<IdvaOfferOutcome> idvaOffer,
    Optional<LocalDate> idvaOfferedOn,
    Optional<Long> idvaAccountId,
    Optional<String> idvaName,
    Optional<String> idvaContactOutcome,
    Optional<Long> meetingId,
    Optional<LocalDate> meetingDate,
    Optional<LocalDate> closedOn,
    Optional<String> closureReason,
    boolean imported,
    String createdBy,
    Instant createdAt,
    boolean purged,
    int version,
    List<NewReferral.Perpetrator> perpetrators,
    List<NewReferral.Child> children) {

  public CaseFile {
    victimOtherNames = List.copyOf(victimOtherNames);
    claimed = Set.copyOf(claimed);
    perpetrators = List.copyOf(perpetrators);
    children = List.copyOf(children);
  }

  /** The DASH checklist, when it was completed in CCR Hub. */
  public Optional<DashChecklist> checklist() {
    return dashAnswers.map(CaseFile::checklist);
  }

  static DashChecklist checklist(String answers) {
    List<Answer> list = new ArrayList<>(answers.length());
    for (char c : answers.toCharArray()) {
      list.add(c == 'Y' ? Answer.YES : c == 'N' ? Answer.NO : Answer.NOT_KNOWN);
    }
    return new DashChecklist(list);
  }

  /** The answer to DASH question {@code number} (1 to 24), when the checklist was completed. */
  public @Nullable Answer dashAnswer(int number) {
    return checklist().map(c -> c.answer(number)).orElse(null);
  }

  public RiskAssessment risk() {
    Optional<DashChecklist> checklist = checklist();
    return new RiskAssessment(
        checklist, checklist.isPresent() ? Optional.empty() : dashScore, daraGrade);
  }

  /**
   * The criteria as recorded: the risk, the incidents and professional judgement with its reason.
   */
  public ReferralCriteria criteria() {
    Optional<String> judgement =
        claimed.contains(Criterion.PROFESSIONAL_JUDGEMENT)
            ? Optional.of(judgementReason.orElse(""))
            : Optional.empty();
    return new ReferralCriteria(risk(), policeIncidents, judgement);
  }

  /** Which criteria the case meets under the MARAC's settings now. */
  public CriteriaAssessment assess(MaracSettings settings) {
    return criteria().assess(settings);
  }

  /** Why each criterion the referrer claimed but the case does not meet is not met. */
  public List<String> unsupportedClaims(MaracSettings settings) {
    return assess(settings).unsupported(claimed);
  }

  public boolean closed() {
    return closedOn.isPresent();
  }
}
