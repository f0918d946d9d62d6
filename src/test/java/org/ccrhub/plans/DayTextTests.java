package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class DayTextTests {

  @Test
  void readsADayAsPeopleInTheUkTypeIt() {
    LocalDate day = LocalDate.of(2017, 1, 13);
    for (String text :
        new String[] {
          "13/1/2017",
          "13/01/2017",
          "13-01-2017",
          "13.01.2017",
          "13/01/17",
          "13 Jan 2017",
          "13 January 2017",
          "13th January 2017",
          "Friday 13 January 2017",
          "2017-01-13"
        }) {
      assertThat(DayText.parse(text)).as(text).contains(day);
    }
  }

  @Test
  void isNothingWhenBlankAndRefusesWhatIsNotADayNamingIt() {
    assertThat(DayText.parse("  ")).isEmpty();
    assertThatThrownBy(() -> DayText.parse("1/13/2017"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("'1/13/2017' is not a date: write it like 13/1/2017 or 13 January 2017");
  }
}
