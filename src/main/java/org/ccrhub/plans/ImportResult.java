package org.ccrhub.plans;

import java.util.List;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.ProblemList;

/**
 * What an import found and did (or, in a preview, would do). With any error nothing is imported.
 */
public record ImportResult(
    List<ImportProblem> errors,
    List<ImportProblem> warnings,
    int rows,
    int outcomesCreated,
    int outcomesChanged,
    int areasCreated,
    int areasChanged,
    int actionsCreated,
    int actionsChanged,
    int actionsUnchanged,
    int updatesRecorded,
    boolean planCreated) {

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Every error found; at most {@value ProblemList#SHOWN} of them are listed. */
  public int errorCount() {
    return ProblemList.total(errors);
  }

  /** Every warning found; at most {@value ProblemList#SHOWN} of them are listed. */
  public int warningCount() {
    return ProblemList.total(warnings);
  }

  /** True when the file matches the plan already: importing it again changes nothing. */
  public boolean changesNothing() {
    return !planCreated
        && outcomesCreated
                + outcomesChanged
                + areasCreated
                + areasChanged
                + actionsCreated
                + actionsChanged
                + updatesRecorded
            == 0;
  }

  public String summary() {
    return String.format(
        "Outcomes: %d created, %d changed. Areas: %d created, %d changed. Actions: %d created,"
            + " %d changed, %d unchanged. Progress updates: %d recorded.",
        outcomesCreated,
        outcomesChanged,
        areasCreated,
        areasChanged,
        actionsCreated,
        actionsChanged,
        actionsUnchanged,
        updatesRecorded);
  }
}
