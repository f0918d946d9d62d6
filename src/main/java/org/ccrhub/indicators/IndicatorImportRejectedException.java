package org.ccrhub.indicators;

import java.util.List;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.ProblemList;

/** An indicator import with errors: nothing was imported, and every problem is listed. */
public class IndicatorImportRejectedException extends RuntimeException {

  private final transient List<ImportProblem> errors;
  private final transient List<ImportProblem> warnings;

  IndicatorImportRejectedException(List<ImportProblem> errors, List<ImportProblem> warnings) {
    super(
        ProblemList.total(errors)
            + (ProblemList.total(errors) == 1 ? " problem" : " problems")
            + " in the file; nothing was imported");
    this.errors = ProblemList.copyOf(errors);
    this.warnings = ProblemList.copyOf(warnings);
  }

  public List<ImportProblem> errors() {
    return errors;
  }

  public List<ImportProblem> warnings() {
    return warnings;
  }
}
