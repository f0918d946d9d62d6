package org.ccrhub.plans;

import java.util.ArrayList;
import java.util.List;
import org.ccrhub.tabular.TableFormat;
import org.ccrhub.tabular.TableWriter;

/**
 * A whole plan as a table in the import format, with a period's ratings and comments, so that
 * exporting and importing again changes nothing.
 */
public final class PlanExport {

  public static final List<String> COLUMNS =
      List.of(
          "outcome", "area", "ref", "action", "due", "lead", "links", "rag", "comment", "period");

  private PlanExport() {}

  public static List<List<String>> rows(PlanSnapshot snapshot) {
    List<List<String>> rows = new ArrayList<>();
    for (PlanOutcome outcome : snapshot.outcomes()) {
      for (PlanAction action : snapshot.actions()) {
        if (action.outcomeId() != outcome.id()) {
          continue;
        }
        var update = snapshot.update(action);
        rows.add(
            List.of(
                outcome.label(),
                snapshot.area(action).map(DeliveryArea::label).orElse(""),
                action.ref(),
                action.text(),
                action.due().text(),
                String.join("; ", action.leads()),
                action.links(),
                update.map(u -> u.rating().label()).orElse(""),
                update.map(ProgressUpdate::comment).orElse(""),
                update.map(u -> u.period().toString()).orElse("")));
      }
    }
    return rows;
  }

  public static byte[] write(PlanSnapshot snapshot, TableFormat format) {
    return TableWriter.write(format, snapshot.plan().name(), COLUMNS, rows(snapshot));
  }
}
