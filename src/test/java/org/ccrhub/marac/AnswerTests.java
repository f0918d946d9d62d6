package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Reading the yes/no/not known answers, DARA grades, genders and criteria that imports carry. */
class AnswerTests {

  @Test
  void readsYesNoAndNotKnownInAnyCase() {
    assertThat(Answer.parse("yes")).isEqualTo(Answer.YES);
    assertThat(Answer.parse(" YES ")).isEqualTo(Answer.YES);
    assertThat(Answer.parse("No")).isEqualTo(Answer.NO);
    assertThat(Answer.parse("not  known")).isEqualTo(Answer.NOT_KNOWN);
    assertThat(Answer.parse("Don’t know")).isEqualTo(Answer.NOT_KNOWN);
    assertThat(Answer.parse("")).isEqualTo(Answer.NOT_KNOWN);
    assertThatThrownBy(() -> Answer.parse("maybe"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Enter yes, no or not known");
  }

  @Test
  void readsDaraGrades() {
    assertThat(DaraGrade.parse("High")).isEqualTo(DaraGrade.HIGH);
    assertThat(DaraGrade.parse("standard")).isEqualTo(DaraGrade.STANDARD);
    assertThatThrownBy(() -> DaraGrade.parse("very high"))
        .hasMessage("Enter the DARA grade: standard, medium or high");
  }

  @Test
  void readsGenders() {
    assertThat(Gender.parse("F")).isEqualTo(Gender.FEMALE);
    assertThat(Gender.parse("Male")).isEqualTo(Gender.MALE);
    assertThat(Gender.parse("Non-binary")).isEqualTo(Gender.ANOTHER);
    assertThat(Gender.parse("")).isEqualTo(Gender.NOT_KNOWN);
    assertThatThrownBy(() -> Gender.parse("x"))
        .hasMessage("Enter female, male, in another way or not known");
  }

  @Test
  void readsCriteriaAsTheImportWritesThem() {
    assertThat(Criterion.parse("visible high risk")).isEqualTo(Criterion.VISIBLE_HIGH_RISK);
    assertThat(Criterion.parse("Professional Judgment"))
        .isEqualTo(Criterion.PROFESSIONAL_JUDGEMENT);
    assertThat(Criterion.parse(" potential   escalation "))
        .isEqualTo(Criterion.POTENTIAL_ESCALATION);
    assertThatThrownBy(() -> Criterion.parse("repeat"))
        .hasMessage(
            "Enter the criterion: visible high risk, professional judgement or potential escalation");
  }
}
