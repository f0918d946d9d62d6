package org.ccrhub.marac;

import java.util.List;
import org.ccrhub.shared.InvalidInputException;

/** Research that cannot be recorded, with each problem by the form's field. */
public class ResearchRejectedException extends InvalidInputException {

  private final List<MaracSettings.Problem> problems;

  ResearchRejectedException(List<MaracSettings.Problem> problems) {
    super(problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  /** Each problem with the form field it is about. */
  public List<MaracSettings.Problem> problems() {
    return problems;
  }
}
