package org.ccrhub.plans;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.ccrhub.tabular.TableFormat;
import org.ccrhub.tabular.TableWriter;

/**
 * A whole plan as a table in the import format, with a period's ratings and comments, so that
 * exporting and importing again changes nothing. Rows are grouped by outcome in the plan's order,
 * in ref order within each, and made one at a time as the file is written: a plan of 100,000
 * actions is never held twice.
 */
public final class PlanExport {

  public static final List<String> COLUMNS =
      List.of(
          "outcome", "area", "ref", "action", "due", "lead", "links", "rag", "comment", "period");

  private PlanExport() {}

  public static List<List<String>> rows(PlanSnapshot snapshot) {
    List<List<String>> rows = new ArrayList<>(snapshot.actions().size());
    lazyRows(snapshot).forEach(rows::add);
    return rows;
  }

  public static byte[] write(PlanSnapshot snapshot, TableFormat format) {
    return TableWriter.write(format, snapshot.plan().name(), COLUMNS, lazyRows(snapshot));
  }

  /** Writes the plan's file to the stream, making each row as it is written. */
  public static void write(PlanSnapshot snapshot, TableFormat format, OutputStream out) {
    TableWriter.write(format, snapshot.plan().name(), COLUMNS, lazyRows(snapshot), out);
  }

  /** The rows, each made when it is reached, in one pass over the actions. */
  private static Iterable<List<String>> lazyRows(PlanSnapshot snapshot) {
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
    return () ->
        new Iterator<>() {
          private final Iterator<PlanOutcome> outcomes = snapshot.outcomes().iterator();
          private PlanOutcome outcome;
          private Iterator<PlanAction> actions = List.<PlanAction>of().iterator();

          @Override
          public boolean hasNext() {
            while (!actions.hasNext() && outcomes.hasNext()) {
              outcome = outcomes.next();
              actions = byOutcome.get(outcome.id()).iterator();
            }
            return actions.hasNext();
          }

          @Override
          public List<String> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return row(snapshot, outcome, actions.next(), areas);
          }
        };
  }

  private static List<String> row(
      PlanSnapshot snapshot, PlanOutcome outcome, PlanAction action, Map<Long, String> areas) {
    var update = snapshot.update(action);
    return List.of(
        outcome.label(),
        action.areaId().map(id -> areas.getOrDefault(id, "")).orElse(""),
        action.ref(),
        action.text(),
        action.due().text(),
        String.join("; ", action.leads()),
        action.links(),
        update.map(u -> u.rating().label()).orElse(""),
        update.map(ProgressUpdate::comment).orElse(""),
        update.map(u -> u.period().toString()).orElse(""));
  }
}
