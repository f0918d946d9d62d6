package org.ccrhub.marac;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ccrhub.shared.InvalidInputException;

/**
 * A completed DASH checklist: an answer to each of the 24 {@link DashQuestions}, in their order.
 * The score is the number of {@link Answer#YES} answers; "not known" counts as no, as the checklist
 * itself says.
 */
public record DashChecklist(List<Answer> answers) {

  public DashChecklist {
    if (answers.size() != DashQuestion.COUNT) {
      throw new InvalidInputException(
          "Answer all " + DashQuestion.COUNT + " questions of the DASH checklist");
    }
    answers = List.copyOf(answers);
  }

  /** A checklist with every answer not known yet. */
  public static DashChecklist allNotKnown() {
    return new DashChecklist(Collections.nCopies(DashQuestion.COUNT, Answer.NOT_KNOWN));
  }

  /**
   * A checklist from answers by question number (1 to 24); a question not in the map is not known.
   */
  public static DashChecklist of(Map<Integer, Answer> byNumber) {
    List<Answer> answers =
        new ArrayList<>(Collections.nCopies(DashQuestion.COUNT, Answer.NOT_KNOWN));
    byNumber.forEach(
        (number, answer) -> {
          if (number < 1 || number > DashQuestion.COUNT) {
            throw new InvalidInputException(
                "A DASH question is numbered 1 to " + DashQuestion.COUNT);
          }
          answers.set(number - 1, answer);
        });
    return new DashChecklist(answers);
  }

  /** The answer to question {@code number}, 1 to 24. */
  public Answer answer(int number) {
    return answers.get(DashQuestions.get(number).number() - 1);
  }

  /** This checklist with question {@code number} answered {@code answer}. */
  public DashChecklist with(int number, Answer answer) {
    List<Answer> changed = new ArrayList<>(answers);
    changed.set(DashQuestions.get(number).number() - 1, answer);
    return new DashChecklist(changed);
  }

  /** The number of questions answered yes: 0 to 24. */
  public int score() {
    return (int) answers.stream().filter(a -> a == Answer.YES).count();
  }
}
