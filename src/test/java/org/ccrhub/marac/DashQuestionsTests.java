package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashQuestionsTests {

  @Test
  void holdsTheTwentyFourQuestionsInOrder() {
    assertThat(DashQuestions.all()).hasSize(24);
    for (int n = 1; n <= 24; n++) {
      assertThat(DashQuestions.get(n).number()).isEqualTo(n);
      assertThat(DashQuestions.get(n).text()).endsWith("?");
    }
  }

  @Test
  void asksAboutEveryTopicOfTheChecklist() {
    assertThat(DashQuestions.all())
        .extracting(DashQuestion::topic)
        .containsExactly(
            "Injury",
            "Fear",
            "Isolation",
            "Depression",
            "Separation",
            "Conflict over child contact",
            "Stalking and harassment",
            "Pregnancy or new baby",
            "Children not the abuser's",
            "Harm to children",
            "Escalation",
            "History of abuse",
            "Threats to kill",
            "Strangulation or choking",
            "Sexual abuse",
            "Other people harmed",
            "Harm to pets",
            "Financial issues",
            "Drugs, alcohol or mental health",
            "Suicide threats",
            "Breaching bail or orders",
            "Criminal history",
            "Weapons",
            "Hurting you in other ways");
    assertThat(DashQuestions.get(13).text())
        .isEqualTo(
            "Has the abuser said they will kill you or someone else, and did you believe it?");
  }

  @Test
  void refusesAQuestionFileThatIsOutOfOrderOrShort() {
    assertThatThrownBy(
            () ->
                DashQuestions.read(
                    new StringReader("number,topic,question\n2,Fear,Are you scared?\n")))
        .hasMessage("DASH question 2 is out of order: expected 1");
    assertThatThrownBy(
            () ->
                DashQuestions.read(
                    new StringReader("number,topic,question\n1,Injury,Were you hurt?\n")))
        .hasMessage("The DASH checklist has 24 questions, not 1");
  }

  @Test
  void scoresTheNumberOfYesAnswers() {
    Map<Integer, Answer> answers = new HashMap<>();
    for (int n = 1; n <= 14; n++) {
      answers.put(n, Answer.YES);
    }
    answers.put(15, Answer.NO);
    answers.put(16, Answer.NOT_KNOWN);

    DashChecklist checklist = DashChecklist.of(answers);

    assertThat(checklist.score()).isEqualTo(14);
    assertThat(checklist.answer(16)).isEqualTo(Answer.NOT_KNOWN);
    assertThat(checklist.answer(24)).isEqualTo(Answer.NOT_KNOWN);
    assertThat(checklist.with(24, Answer.YES).score()).isEqualTo(15);
    assertThat(checklist.with(1, Answer.NOT_KNOWN).score()).isEqualTo(13);
    assertThat(DashChecklist.allNotKnown().score()).isZero();
  }

  @Test
  void needsAnAnswerToEachQuestion() {
    assertThatThrownBy(() -> new DashChecklist(java.util.List.of(Answer.YES)))
        .hasMessage("Answer all 24 questions of the DASH checklist");
    assertThatThrownBy(() -> DashChecklist.of(Map.of(25, Answer.YES)))
        .hasMessage("A DASH question is numbered 1 to 24");
  }
}
