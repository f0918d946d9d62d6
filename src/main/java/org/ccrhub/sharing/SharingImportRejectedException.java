package org.ccrhub.sharing;

import java.util.List;
import org.ccrhub.tabular.ImportProblem;

/** A decision log that was not imported, with every problem that stopped it and the warnings. */
public class SharingImportRejectedException extends RuntimeException {

  private final List<ImportProblem> errors;
  private final List<ImportProblem> warnings;

  SharingImportRejectedException(List<ImportProblem> errors, List<ImportProblem> warnings) {
    super("The decision log was not imported", null, false, false);
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
