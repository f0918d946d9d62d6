package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request as its page shows it to one reader. Subjects' names, addresses and dates of birth are
 * filled only when the reader may see them ({@link SharingAccess#SUBJECT_DETAILS}).
 *
 * @param details whether the subjects' details are shown to this reader
 * @param decides whether this reader decides it (the asked agency's SPOC, deputy or delegate under
 *     its protocol)
 * @param entries its decision log entries in the order recorded: the decision and its corrections
 */
public record SharingRequest(
    long id,
    int number,
    long protocolId,
    String protocolTitle,
    long requestingAgencyId,
    String requestingAgency,
    long askedAgencyId,
    String askedAgency,
    String requestingOfficer,
    String requestingOfficerJob,
    LocalDate requestedOn,
    LocalDate dueOn,
    @Nullable LocalDate neededBy,
    boolean urgent,
    String urgencyReason,
    String informationSought,
    String purpose,
    List<InformationCategory> categories,
    List<LawfulBasis> bases,
    List<Subject> subjects,
    boolean imported,
    boolean details,
    boolean decides,
    List<DecisionLog.Entry> entries) {

  /** A data subject, with their details only when the reader may see them. */
  public record Subject(
      int position,
      SubjectRole role,
      String roleOther,
      @Nullable String name,
      @Nullable String address,
      @Nullable LocalDate dob,
      Consent consent,
      String notSoughtReason,
      @Nullable Long consentId,
      @Nullable LocalDate consentWithdrawnOn) {

    /** Whether the person's consent stands on the day: given, and its record not withdrawn. */
    public boolean consentsOn(LocalDate day) {
      return consent == Consent.GIVEN
          && (consentWithdrawnOn == null || consentWithdrawnOn.isAfter(day));
    }

    /** The role as the page writes it: "Other: landlord" reads "landlord". */
    public String roleText() {
      return role == SubjectRole.OTHER && !roleOther.isBlank() ? roleOther : role.label();
    }
  }

  /** The decision in force: the entry nothing corrects, whatever its date; none while open. */
  public DecisionLog.@Nullable Entry decision() {
    return entries.stream().filter(e -> !e.superseded()).reduce((a, b) -> b).orElse(null);
  }

  /** Whether it is still waiting for a decision. */
  public boolean open() {
    return entries.isEmpty();
  }

  /** Whether it is open and past its due date on the day. */
  public boolean overdueOn(LocalDate day) {
    return open() && day.isAfter(dueOn);
  }

  /** Whether every subject gave consent (no subjects: no one to ask). */
  public boolean withConsent() {
    return subjects.stream().allMatch(s -> s.consent() == Consent.GIVEN);
  }

  /**
   * Whether every subject's consent stands on the day a decision is made: a consent whose record
   * was withdrawn by then does not count.
   */
  public boolean withConsentOn(LocalDate day) {
    return subjects.stream().allMatch(s -> s.consentsOn(day));
  }
}
