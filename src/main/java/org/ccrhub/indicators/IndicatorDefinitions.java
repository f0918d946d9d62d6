package org.ccrhub.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.Table;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding or changing one indicator definition, as typed into a form, by the rules of the
 * definitions import: the form's fields are checked as a one-row file with every column, so a blank
 * field clears what the indicator had. A ref another indicator of the partnership has is refused
 * (the import would update that one), and changing an indicator's ref keeps its values, parts and
 * links.
 */
@Service
public class IndicatorDefinitions {

  /** The fields of the form, named as the columns of the definitions file. */
  public static final List<String> FIELDS =
      List.of(
          "ref",
          "name",
          "description",
          "unit",
          "polarity",
          "frequency",
          "source",
          "owner",
          "population",
          "baseline_period",
          "baseline_value",
          "target_period",
          "target_value",
          "target_change_pct",
          "target_change_points",
          "tolerance",
          "published",
          "sum_of");

  /** What is wrong with a field: {@code field} is one of {@link #FIELDS}. */
  public record Problem(String field, String message) {}

  /**
   * The indicator saved, or the problems that stopped it being saved, or, when someone else changed
   * it since the form was opened, the indicator as it is now ({@code theirs}).
   */
  public record Outcome(
      List<Problem> problems, @Nullable Indicator saved, @Nullable Indicator theirs) {

    Outcome(List<Problem> problems, @Nullable Indicator saved) {
      this(problems, saved, null);
    }
  }

  private final Indicators indicators;
  private final AuditTrail audit;
  private final JdbcClient jdbc;

  IndicatorDefinitions(Indicators indicators, AuditTrail audit, JdbcClient jdbc) {
    this.indicators = indicators;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /**
   * Checks the fields and, when nothing is wrong, creates the indicator ({@code id} null) or
   * changes the partnership's indicator {@code id}, recording one audit entry when anything
   * changed. {@code seenVersion} is the version of the indicator the person saw when they opened
   * the form: if it has changed since (another form, an import), nothing is saved and the outcome
   * carries the indicator as it is now.
   */
  @Transactional
  public Outcome save(
      Partnership partnership, @Nullable Long id, Map<String, String> fields, int seenVersion) {
    Indicator before = id == null ? null : indicators.find(partnership, id);
    if (before != null && lockedVersion(partnership, before) != seenVersion) {
      return new Outcome(List.of(), null, indicators.find(partnership, id));
    }
    List<Indicator> others =
        indicators.findAll(partnership).stream()
            .filter(i -> before == null || i.id() != id)
            .toList();
    List<String> cells = new ArrayList<>();
    Map<String, Integer> columns = new java.util.LinkedHashMap<>();
    for (String field : FIELDS) {
      columns.put(field, cells.size());
      cells.add(fields.getOrDefault(field, "").strip());
    }
    Table table = new Table(FIELDS, List.of(new Table.Row(2, cells)));
    List<ImportProblem> errors = new ArrayList<>();
    String ref = cells.get(0);
    others.stream()
        .filter(i -> i.ref().strip().toLowerCase(Locale.ROOT).equals(ref.toLowerCase(Locale.ROOT)))
        .findFirst()
        .ifPresent(
            i ->
                errors.add(
                    new ImportProblem(
                        2,
                        "ref",
                        ref,
                        "The ref "
                            + i.ref()
                            + " is already used by the indicator "
                            + i.name()
                            + ": each indicator needs its own ref")));
    List<DefinitionRows.Row> rows =
        DefinitionRows.check(
            table, columns, others, LinkablePlans.none(), errors, new ArrayList<>());
    if (!errors.isEmpty() || rows.size() != 1) {
      List<Problem> problems = new ArrayList<>();
      errors.forEach(e -> problems.add(new Problem(e.column(), e.reason())));
      if (problems.isEmpty()) {
        problems.add(new Problem("ref", "The indicator could not be saved"));
      }
      return new Outcome(problems, null);
    }
    Indicator definition = rows.get(0).definition();
    boolean renamed = before != null && !before.ref().equals(definition.ref());
    if (renamed) {
      jdbc.sql("update indicator set ref = :ref where partnership_id = :p and id = :id")
          .param("ref", definition.ref())
          .param("p", partnership.id())
          .param("id", before.id())
          .update();
    }
    Indicators.Saved saved = indicators.save(partnership, definition);
    if (renamed && saved == Indicators.Saved.UNCHANGED) {
      indicators.changed(partnership);
    }
    Indicator after = indicators.findByRef(partnership, definition.ref()).orElseThrow();
    if (before == null) {
      audit.record(
          AuditEntry.success(
              "CREATE",
              "Indicator",
              after.id(),
              partnership.id(),
              "Added the indicator " + after.ref() + " " + after.name()));
    } else if (renamed || saved != Indicators.Saved.UNCHANGED) {
      audit.record(
          AuditEntry.success(
              "UPDATE",
              "Indicator",
              after.id(),
              partnership.id(),
              "Changed the definition of the indicator "
                  + (renamed ? before.ref() + " (now " + after.ref() + ")" : after.ref())
                  + " "
                  + after.name()));
    }
    return new Outcome(List.of(), after);
  }

  /** The indicator's version, its row held until the transaction ends. */
  private int lockedVersion(Partnership partnership, Indicator indicator) {
    return jdbc.sql(
            "select version from indicator where partnership_id = :p and id = :id for update")
        .param("p", partnership.id())
        .param("id", indicator.id())
        .query(Integer.class)
        .single();
  }
}
