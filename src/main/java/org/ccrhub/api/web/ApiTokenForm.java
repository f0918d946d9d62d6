package org.ccrhub.api.web;

import org.ccrhub.api.ApiTokens;
import org.springframework.validation.Errors;

/** A new token: its name, and how many days it lasts (1 to 365, 90 unless changed). */
public class ApiTokenForm {

  private String name = "";
  private String days = String.valueOf(ApiTokens.DEFAULT_DAYS);

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name == null ? "" : name;
  }

  public String getDays() {
    return days;
  }

  public void setDays(String days) {
    this.days = days == null ? "" : days;
  }

  /** Checks the fields, rejecting each bad one with a message naming what to do. */
  void check(Errors errors) {
    if (name.isBlank()) {
      errors.rejectValue("name", "required", "Enter a name for the token");
    } else if (name.strip().length() > ApiTokens.MOST_NAME_LENGTH) {
      errors.rejectValue(
          "name",
          "tooLong",
          "The token's name must be " + ApiTokens.MOST_NAME_LENGTH + " characters or fewer");
    }
    if (daysOrZero() < 1 || daysOrZero() > ApiTokens.MOST_DAYS) {
      errors.rejectValue(
          "days",
          "range",
          "Enter the number of days as a whole number from 1 to " + ApiTokens.MOST_DAYS);
    }
  }

  int daysOrZero() {
    String trimmed = days.strip();
    return trimmed.matches("\\d{1,3}") ? Integer.parseInt(trimmed) : 0;
  }
}
