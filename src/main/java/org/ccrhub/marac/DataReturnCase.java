package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ccrhub.shared.InvalidInputException;

/**
 * One referral as the quarterly data return counts it. It is a case of the quarter in which it was
 * heard at a meeting; a referral not yet heard is not a case.
 *
 * @param referralDate the date of the referral: ages are counted on it
 * @param meetingDate the meeting at which the case was heard, empty when not yet heard
 * @param repeat whether the referral is a repeat ({@link RepeatCheck})
 * @param children the number of children in the household
 * @param policeReferral whether the referring agency is of the Police type; any other is a partner
 *     agency
 * @param victimBirth the victim's date of birth or age
 * @param victimGender the victim's gender
 * @param victimEthnicity the victim's ethnicity
 * @param victimLgbt whether the victim is lesbian, gay, bisexual, trans or of another minority
 *     sexual orientation or gender identity
 * @param victimDisabled whether the victim is disabled
 * @param perpetrators each perpetrator's date of birth or age
 */
public record DataReturnCase(
    LocalDate referralDate,
    Optional<LocalDate> meetingDate,
    boolean repeat,
    int children,
    boolean policeReferral,
    DateOfBirthOrAge victimBirth,
    Gender victimGender,
    Ethnicity victimEthnicity,
    Answer victimLgbt,
    Answer victimDisabled,
    List<DateOfBirthOrAge> perpetrators) {

  public DataReturnCase {
    Objects.requireNonNull(referralDate, "referralDate");
    Objects.requireNonNull(meetingDate, "meetingDate");
    Objects.requireNonNull(victimBirth, "victimBirth");
    Objects.requireNonNull(victimGender, "victimGender");
    Objects.requireNonNull(victimEthnicity, "victimEthnicity");
    Objects.requireNonNull(victimLgbt, "victimLgbt");
    Objects.requireNonNull(victimDisabled, "victimDisabled");
    perpetrators = List.copyOf(perpetrators);
    if (children < 0) {
      throw new InvalidInputException("The number of children must be a whole number, 0 or more");
    }
  }

  public boolean isHeard() {
    return meetingDate.isPresent();
  }

  /** The victim is 16 or 17 on the referral date. */
  boolean victimAged16Or17() {
    return victimBirth.ageOn(referralDate).map(a -> a == 16 || a == 17).orElse(false);
  }

  /** A perpetrator is under 18 on the referral date. */
  boolean hasPerpetratorUnder18() {
    return perpetrators.stream()
        .anyMatch(p -> p.ageOn(referralDate).map(a -> a < 18).orElse(false));
  }
}
