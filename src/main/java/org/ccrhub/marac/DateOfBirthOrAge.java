package org.ccrhub.marac;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import org.ccrhub.shared.InvalidInputException;

/**
 * What a referral knows of a person's age: their date of birth, or, when that is not known, their
 * age on the referral date, or neither. A date of birth, when given, is what counts.
 *
 * <p>Ages are whole years as the law counts them: someone born on 29 February is a year older on 1
 * March in a year without a 29 February ({@link Period}).
 */
public record DateOfBirthOrAge(Optional<LocalDate> dateOfBirth, Optional<Integer> age) {

  /** Older than anyone living: an age above it is a typing error. */
  static final int OLDEST = 130;

  public static final DateOfBirthOrAge UNKNOWN =
      new DateOfBirthOrAge(Optional.empty(), Optional.empty());

  public DateOfBirthOrAge {
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    Objects.requireNonNull(age, "age");
    if (age.isPresent() && (age.get() < 0 || age.get() > OLDEST)) {
      throw new InvalidInputException("An age must be a whole number from 0 to " + OLDEST);
    }
  }

  public static DateOfBirthOrAge born(LocalDate dateOfBirth) {
    return new DateOfBirthOrAge(Optional.of(dateOfBirth), Optional.empty());
  }

  /** Aged {@code age} on the referral date, date of birth not known. */
  public static DateOfBirthOrAge aged(int age) {
    return new DateOfBirthOrAge(Optional.empty(), Optional.of(age));
  }

  public boolean isKnown() {
    return dateOfBirth.isPresent() || age.isPresent();
  }

  /**
   * The age in whole years on the referral date: from the date of birth when there is one, else the
   * age given with the referral. Empty when neither is known, or the date of birth is after the
   * referral date.
   */
  public Optional<Integer> ageOn(LocalDate referralDate) {
    if (dateOfBirth.isPresent()) {
      LocalDate born = dateOfBirth.get();
      return born.isAfter(referralDate)
          ? Optional.empty()
          : Optional.of(Period.between(born, referralDate).getYears());
    }
    return age;
  }

  /**
   * The earliest and latest dates of birth that fit what is known, for a referral on {@code
   * referralDate}: the date of birth itself, or for an age the days on which someone was born who
   * is that age on the referral date. Empty when nothing is known.
   */
  Optional<LocalDate[]> possibleBirthDates(LocalDate referralDate) {
    if (dateOfBirth.isPresent()) {
      return Optional.of(new LocalDate[] {dateOfBirth.get(), dateOfBirth.get()});
    }
    if (age.isPresent()) {
      int years = age.get();
      // Aged n on the referral date: born after the last day that makes someone n + 1, and on or
      // before the last day that makes them n.
      LocalDate latest = latestBirthDate(referralDate, years);
      LocalDate earliest = latestBirthDate(referralDate, years + 1).plusDays(1);
      return Optional.of(new LocalDate[] {earliest, latest});
    }
    return Optional.empty();
  }

  /** The last day someone can be born to be at least {@code years} old on {@code day}. */
  private static LocalDate latestBirthDate(LocalDate day, int years) {
    LocalDate born = day.minusYears(years);
    // minusYears moves a 29 February to the 28th: step on to the last day that still gives the age,
    // so the answer follows Period whatever the calendar does.
    while (Period.between(born.plusDays(1), day).getYears() >= years) {
      born = born.plusDays(1);
    }
    return born;
  }
}
