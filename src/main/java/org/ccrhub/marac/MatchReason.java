package org.ccrhub.marac;

/**
 * Why an earlier referral may be of the same victim although it is not an exact match (the same
 * name and date of birth). A coordinator confirms or rejects each such near match; until confirmed
 * it does not make a repeat. A near match differs in the name or in the date of birth, not both.
 */
public enum MatchReason {
  /** Same date of birth; names a letter or two apart, or sounding the same. */
  NAME_SPELLED_DIFFERENTLY("The name is spelled differently"),
  /** Same date of birth; the same names in another order. */
  NAMES_IN_ANOTHER_ORDER("The names are in another order, such as first and last name swapped"),
  /** Same date of birth; one name has a word more, such as a middle name or a title. */
  NAME_MISSING("One has a name the other does not, such as a middle name"),
  /** Same name; dates of birth one digit apart, or with two neighbouring digits swapped. */
  DATE_OF_BIRTH_TYPO(
      "The dates of birth differ by one digit, or two digits are the other way round"),
  /** Same name; the day and month of the date of birth swapped. */
  DAY_AND_MONTH_SWAPPED("The day and month of the date of birth are the other way round"),
  /** Same name; an age given instead of a date of birth, which fits it. */
  AGE_FITS("An age was given instead of a date of birth, and it fits"),
  /** Same name; no date of birth or age on one of them. */
  NO_DATE_OF_BIRTH("Same name, but no date of birth or age to compare");

  private final String description;

  MatchReason(String description) {
    this.description = description;
  }

  /** In plain words, for the coordinator. */
  public String description() {
    return description;
  }
}
