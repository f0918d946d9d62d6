package org.ccrhub.indicators;

import java.util.List;
import org.ccrhub.tabular.ImportProblem;

/** An indicator import with errors: nothing was imported, and every problem is listed. */
public class IndicatorImportRejectedException extends RuntimeException {

  private final transient List<ImportProblem> errors;
  private final transient List<ImportProblem> warnings;

  IndicatorImportRejectedException(List<ImportProblem> errors, List<ImportProblem> warnings) {
    super(
        errors.size()
            + (errors.size() == 1 ? " problem" : " problems")
            + " in the file; nothing was imported");
    this.errors = List.copyOf(errors);
    this.warnings = List.copyOf(warnings);
  }

  public List<ImportProblem> errors() {
    return errors;
  }

  public List<ImportProblem> warnings() {
    return warnings;
  }
}
