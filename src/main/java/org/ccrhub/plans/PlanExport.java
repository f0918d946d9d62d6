package org.ccrhub.plans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccrhub.tabular.TableFormat;
import org.ccrhub.tabular.TableWriter;

/**
 * A whole plan as a table in the import format, with a period's ratings and comments, so that
 * exporting and importing again changes nothing. Rows are grouped by outcome in the plan's order,
 * in ref order within each, and made in one pass however many outcomes and areas the plan has.
 */
public final class PlanExport {

  public static final List<String> COLUMNS =
      List.of(
          "outcome", "area", "ref", "action", "due", "lead", "links", "rag", "comment", "period");

  private PlanExport() {}

  public static List<List<String>> rows(PlanSnapshot snapshot) {
    Map<Long, List<PlanAction>> byOutcome = new LinkedHashMap<>();
    snapshot.outcomes().forEach(outcome -> byOutcome.put(outcome.id(), new ArrayList<>()));
    for (PlanAction action : snapshot.actions()) {
      List<PlanAction> actions = byOutcome.get(action.outcomeId());
      if (actions != null) {
        actions.add(action);
      }
    }
    Map<Long, String> areas = new HashMap<>();
    snapshot.areas().forEach(area -> areas.put(area.id(), area.label()));
    List<List<String>> rows = new ArrayList<>(snapshot.actions().size());
    for (PlanOutcome outcome : snapshot.outcomes()) {
      for (PlanAction action : byOutcome.get(outcome.id())) {
        var update = snapshot.update(action);
        rows.add(
            List.of(
                outcome.label(),
                action.areaId().map(id -> areas.getOrDefault(id, "")).orElse(""),
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
