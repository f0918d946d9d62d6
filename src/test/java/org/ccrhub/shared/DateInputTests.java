package org.ccrhub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

class DateInputTests {

  private final Errors errors = new MapBindingResult(new HashMap<>(), "form");

  @Test
  void readsDayMonthAndYearAsTyped() {
    assertThat(input(" 13 ", "01", "2017").read("due", "the due date", true, errors))
        .contains(LocalDate.of(2017, 1, 13));
    assertThat(errors.hasErrors()).isFalse();
  }

  @Test
  void acceptsAMonthByNameAndATwoDigitYear() {
    assertThat(input("2", "Dec", "26").date()).contains(LocalDate.of(2026, 12, 2));
    assertThat(input("30", "September", "2026").date()).contains(LocalDate.of(2026, 9, 30));
    assertThat(input("1", "sept", "2026").date()).contains(LocalDate.of(2026, 9, 1));
  }

  @Test
  void aBlankOptionalDateIsNoDateAndARequiredOneAsksForIt() {
    DateInput blank = input("", " ", "");
    assertThat(blank.read("due", "the due date", false, errors)).isEmpty();
    assertThat(errors.hasErrors()).isFalse();

    assertThat(blank.read("due", "the due date", true, errors)).isEmpty();
    assertThat(errors.getFieldError("due.day").getDefaultMessage()).isEqualTo("Enter the due date");
    assertThat(DateInput.PARTS).allMatch(blank::isWrong);
  }

  @Test
  void namesTheMissingPartsAndMarksOnlyThem() {
    DateInput noMonth = input("13", "", "");
    assertThat(noMonth.read("closes", "the closing date", false, errors)).isEmpty();

    assertThat(errors.getFieldErrors()).hasSize(1);
    assertThat(errors.getFieldError("closes.month").getDefaultMessage())
        .isEqualTo("The closing date must include a month and year");
    assertThat(noMonth.isWrong("day")).isFalse();
    assertThat(noMonth.isWrong("month")).isTrue();
    assertThat(noMonth.isWrong("year")).isTrue();
  }

  @Test
  void refusesAYearNoOneMeans() {
    DateInput year1 = input("1", "2", "0001");
    year1.read("dob", "the date of birth", false, errors);
    assertThat(errors.getFieldError("dob.year").getDefaultMessage())
        .isEqualTo("The date of birth must have a year from 1900 to 2199");
    assertThat(input("1", "2", "1900").date()).contains(LocalDate.of(1900, 2, 1));
    assertThat(input("31", "12", "2199").date()).contains(LocalDate.of(2199, 12, 31));
    assertThat(input("1", "1", "2200").date()).isEmpty();
  }

  @Test
  void refusesADateThatCannotBeReal() {
    DateInput february30 = input("30", "2", "2027");
    february30.read("due", "the due date", false, errors);
    assertThat(errors.getFieldError("due.day").getDefaultMessage())
        .isEqualTo("The due date must be a real date");
    assertThat(february30.isWrong("day")).isTrue();
    assertThat(february30.isWrong("month")).isFalse();

    DateInput month13 = input("1", "13", "2027");
    assertThat(month13.date()).isEmpty();
    month13.read("closes", "the closing date", false, errors);
    assertThat(errors.getFieldError("closes.month").getDefaultMessage())
        .isEqualTo("The closing date must be a real date");
  }

  @Test
  void asksForAYearWithFourNumbers() {
    DateInput shortYear = input("1", "2", "202");
    shortYear.read("due", "the due date", false, errors);
    assertThat(errors.getFieldError("due.year").getDefaultMessage())
        .isEqualTo("The due date must include a year with 4 numbers, like 2027");
  }

  @Test
  void showsADateAgainInItsBoxes() {
    DateInput shown = DateInput.of(Optional.of(LocalDate.of(2027, 3, 31)));
    assertThat(DateInput.PARTS).extracting(shown::part).containsExactly("31", "3", "2027");
    assertThat(DateInput.of(Optional.empty()).isBlank()).isTrue();
  }

  private static DateInput input(String day, String month, String year) {
    DateInput input = new DateInput();
    input.setDay(day);
    input.setMonth(month);
    input.setYear(year);
    return input;
  }
}
