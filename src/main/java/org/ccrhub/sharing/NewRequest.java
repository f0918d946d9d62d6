package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A request (Part A) as the requesting officer made it, checked by the form: the requesting agency
 * and officer come from the account, the day from the clock.
 *
 * @param neededBy the date the information is needed by, or null
 * @param basisIds the lawful bases and powers claimed
 */
public record NewRequest(
    long askedAgencyId,
    long protocolId,
    String informationSought,
    String purpose,
    Set<InformationCategory> categories,
    List<Long> basisIds,
    boolean urgent,
    String urgencyReason,
    @Nullable LocalDate neededBy,
    List<Subject> subjects) {

  /**
   * A data subject: who they are and their own consent answer.
   *
   * @param roleOther the role in words, when it is "other"
   * @param notSoughtReason why consent was not sought, when it was not
   * @param consentId the consent record it relies on, when consent was given and recorded
   */
  public record Subject(
      SubjectRole role,
      String roleOther,
      String name,
      String address,
      @Nullable LocalDate dob,
      Consent consent,
      String notSoughtReason,
      @Nullable Long consentId) {

    /** A subject whose consent relies on no record. */
    public Subject(
        SubjectRole role,
        String roleOther,
        String name,
        String address,
        @Nullable LocalDate dob,
        Consent consent,
        String notSoughtReason) {
      this(role, roleOther, name, address, dob, consent, notSoughtReason, null);
    }
  }

  public NewRequest {
    categories = Set.copyOf(categories);
    basisIds = List.copyOf(basisIds);
    subjects = List.copyOf(subjects);
  }
}
