package org.ccrhub.marac;

import java.util.List;
import org.ccrhub.tabular.ImportProblem;

/** A MARAC import refused: nothing was stored. Every problem is listed, by row and column. */
public class MaracImportRejectedException extends RuntimeException {

  private final List<ImportProblem> errors;
  private final List<ImportProblem> warnings;

  public MaracImportRejectedException(List<ImportProblem> errors, List<ImportProblem> warnings) {
    super("The MARAC import was refused");
    this.errors = errors;
    this.warnings = warnings;
  }

  public List<ImportProblem> errors() {
    return errors;
  }

  public List<ImportProblem> warnings() {
    return warnings;
  }
}
