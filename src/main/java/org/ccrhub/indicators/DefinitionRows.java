package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.Table;
import org.jspecify.annotations.Nullable;

/**
 * The rows of an indicator definitions file, each checked on its own and against the others: refs
 * are unique, and a total ({@code sum_of}) names indicators in the file or the partnership, of its
 * own unit, without going round in a circle; its {@code links} name actions and outcomes of the
 * partnership's plans. A column the file leaves out keeps what an existing indicator has, so a file
 * of refs and targets updates only the targets.
 */
final class DefinitionRows {

  /** The columns of the definitions file format, with the other names people give them. */
  static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("ref", List.of("ref", "reference", "indicatorref", "refno", "code", "id", "no"));
    COLUMNS.put("name", List.of("name", "indicator", "indicatorname", "title", "measurename"));
    COLUMNS.put("unit", List.of("unit", "units", "unitofmeasure", "measuretype"));
    COLUMNS.put("polarity", List.of("polarity", "direction", "betterwhen", "goodis"));
    COLUMNS.put("frequency", List.of("frequency", "reportingfrequency", "periodicity", "reported"));
    COLUMNS.put("source", List.of("source", "datasource", "sourceofdata"));
    COLUMNS.put("baseline_period", List.of("baselineperiod", "baselineyear", "baselinedate"));
    COLUMNS.put("baseline_value", List.of("baselinevalue", "baseline"));
    COLUMNS.put("target_period", List.of("targetperiod", "targetyear", "targetdate", "targetby"));
    COLUMNS.put("target_value", List.of("targetvalue", "target"));
    COLUMNS.put(
        "target_change_pct",
        List.of(
            "targetchangepct",
            "targetchange",
            "targetchangepercent",
            "targetpct",
            "changetarget",
            "changetargetpct"));
    COLUMNS.put(
        "target_change_points",
        List.of(
            "targetchangepoints",
            "targetchangeinpoints",
            "targetchangepts",
            "targetpoints",
            "targetchangepp",
            "changetargetpoints"));
    COLUMNS.put(
        "description",
        List.of("description", "measure", "definition", "details", "measuredescription"));
    COLUMNS.put("sum_of", List.of("sumof", "sum", "totalof", "compositeof", "parts"));
    COLUMNS.put("owner", List.of("owner", "lead", "leadofficer", "responsible"));
    COLUMNS.put("population", List.of("population", "pop"));
    COLUMNS.put("tolerance", List.of("tolerance", "tolerancepct", "tolerancepercent"));
    COLUMNS.put("published", List.of("published", "publish", "public"));
    COLUMNS.put(
        "links",
        List.of(
            "links",
            "linkedto",
            "linkstoplan",
            "planlinks",
            "measures",
            "outcomes",
            "actions",
            "outcomesandactions",
            "linkedoutcomesandactions"));
  }

  static final List<String> REQUIRED = List.of("ref", "name");

  private static final int MOST_REF = 20;
  private static final int MOST_NAME = 300;
  private static final int MOST_DESCRIPTION = 4000;
  private static final int MOST_SOURCE = 200;
  private static final int MOST_SHOWN = 5;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * A checked row: the definition it gives, and the plan outcomes and actions it measures (null
   * when the file has no {@code links} column, to keep what the indicator has).
   */
  record Row(int number, Indicator definition, @Nullable IndicatorLinks links) {}

  /** A row as read, before the rows are checked against each other. */
  private record Draft(
      int number,
      String ref,
      @Nullable Unit unit,
      Indicator definition,
      @Nullable IndicatorLinks links) {}

  private final Map<String, Integer> columns;
  private final Map<String, Indicator> existing = new HashMap<>();
  private final List<ImportProblem> errors;
  private final List<ImportProblem> warnings;
  private final LinkablePlans plans;

  private DefinitionRows(
      Map<String, Integer> columns,
      List<Indicator> existing,
      LinkablePlans plans,
      List<ImportProblem> errors,
      List<ImportProblem> warnings) {
    this.columns = columns;
    existing.forEach(i -> this.existing.put(key(i.ref()), i));
    this.plans = plans;
    this.errors = errors;
    this.warnings = warnings;
  }

  /**
   * Checks every row, adding what is wrong to {@code errors}, and returns the rows in the order to
   * save them: indicators that are not totals first, then each total after its parts.
   */
  static List<Row> check(
      Table table,
      Map<String, Integer> columns,
      List<Indicator> existing,
      LinkablePlans plans,
      List<ImportProblem> errors,
      List<ImportProblem> warnings) {
    return new DefinitionRows(columns, existing, plans, errors, warnings).check(table);
  }

  private List<Row> check(Table table) {
    List<Draft> drafts = new ArrayList<>();
    Map<String, Draft> byRef = new LinkedHashMap<>();
    for (Table.Row line : table.rows()) {
      if (line.isBlank()) {
        continue;
      }
      Draft draft = read(line, byRef);
      drafts.add(draft);
      if (!draft.ref().isEmpty()) {
        byRef.putIfAbsent(key(draft.ref()), draft);
      }
    }
    for (Draft draft : drafts) {
      if (draft.definition().isComposite()) {
        checkParts(draft, byRef);
      }
    }
    return inSavingOrder(drafts, byRef);
  }

  /**
   * The refs of the file's indicators and the partnership's, each with its known parts (as the file
   * gives them, or as they are), without a total's own ref among them.
   */
  private Map<String, List<String>> partsByRef(Map<String, Draft> inFile) {
    Map<String, List<String>> parts = new LinkedHashMap<>();
    inFile.forEach((ref, draft) -> parts.put(ref, List.of()));
    existing.keySet().forEach(ref -> parts.putIfAbsent(ref, List.of()));
    for (String ref : parts.keySet()) {
      Draft draft = inFile.get(ref);
      List<String> sumOf = draft != null ? draft.definition().sumOf() : existing.get(ref).sumOf();
      parts.put(
          ref,
          sumOf.stream()
              .map(DefinitionRows::key)
              .filter(
                  part ->
                      !part.equals(ref) && (inFile.containsKey(part) || existing.containsKey(part)))
              .toList());
    }
    return parts;
  }

  /**
   * The refs in an order that puts every part before its totals (Kahn's algorithm, so that a long
   * chain of totals needs no deep recursion); refs on or behind a circle are left out.
   */
  private static List<String> partsFirst(Map<String, List<String>> parts) {
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> totalsOf = new HashMap<>();
    parts.forEach(
        (ref, of) -> {
          waiting.put(ref, of.size());
          of.forEach(part -> totalsOf.computeIfAbsent(part, k -> new ArrayList<>()).add(ref));
        });
    ArrayDeque<String> ready = new ArrayDeque<>();
    parts.keySet().stream().filter(ref -> waiting.get(ref) == 0).forEach(ready::add);
    List<String> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      String ref = ready.poll();
      ordered.add(ref);
      for (String total : totalsOf.getOrDefault(ref, List.of())) {
        if (waiting.merge(total, -1, Integer::sum) == 0) {
          ready.add(total);
        }
      }
    }
    return ordered;
  }

  private Draft read(Table.Row line, Map<String, Draft> seen) {
    int n = line.number();
    String ref = cell(line, "ref");
    if (ref.isEmpty()) {
      error(n, "ref", "", "Every indicator needs a ref, e.g. VAWG1");
    } else if (ref.length() > MOST_REF) {
      error(n, "ref", ref, "A ref must be 20 characters or fewer");
      ref = "";
    } else if (ref.matches("(?s).*[,;\\n\\r].*")) {
      error(
          n,
          "ref",
          ref,
          "A ref cannot contain commas, semicolons or line breaks: they separate the refs in"
              + " sum_of");
      ref = "";
    } else if (seen.containsKey(key(ref))) {
      error(
          n,
          "ref",
          ref,
          "The ref "
              + ref
              + " is already used on row "
              + seen.get(key(ref)).number()
              + ": each indicator needs its own ref");
      ref = "";
    }
    Indicator old = ref.isEmpty() ? null : existing.get(key(ref));

    String name = cell(line, "name");
    if (name.isEmpty()) {
      error(n, "name", "", "Give the indicator's name");
    } else if (name.length() > MOST_NAME) {
      error(n, "name", name, "A name must be 300 characters or fewer");
    }
    String description =
        text(line, "description", old == null ? "" : old.description(), MOST_DESCRIPTION);
    String source = text(line, "source", old == null ? "" : old.source(), MOST_SOURCE);
    String owner = text(line, "owner", old == null ? "" : old.owner(), MOST_SOURCE);

    int errorsBeforeUnit = errors.size();
    Unit unit = choice(line, "unit", old == null ? Unit.COUNT : old.unit(), Unit::parse);
    boolean unitKnown = errors.size() == errorsBeforeUnit;
    Polarity polarity =
        choice(
            line,
            "polarity",
            old == null ? Polarity.HIGHER_IS_BETTER : old.polarity(),
            Polarity::parse);
    Frequency frequency =
        choice(
            line, "frequency", old == null ? Frequency.MONTHLY : old.frequency(), Frequency::parse);

    IndicatorPeriod baselinePeriod =
        optional(
            line,
            "baseline_period",
            old == null ? null : old.baselinePeriod(),
            IndicatorPeriod::parse);
    BigDecimal baselineValue =
        optional(
            line,
            "baseline_value",
            old == null ? null : old.baselineValue(),
            ImportedNumbers::parse);
    IndicatorPeriod targetPeriod =
        optional(
            line, "target_period", old == null ? null : old.targetPeriod(), IndicatorPeriod::parse);
    BigDecimal targetValue =
        optional(
            line, "target_value", old == null ? null : old.targetValue(), ImportedNumbers::parse);
    BigDecimal targetChangePct =
        optional(
            line,
            "target_change_pct",
            old == null ? null : old.targetChangePct(),
            ImportedNumbers::parse);
    BigDecimal targetChangePoints =
        optional(
            line,
            "target_change_points",
            old == null ? null : old.targetChangePoints(),
            ImportedNumbers::parse);
    if (givesTarget(line)) {
      // a target the file gives replaces the one kept from a column it leaves out
      targetValue = columns.containsKey("target_value") ? targetValue : null;
      targetChangePct = columns.containsKey("target_change_pct") ? targetChangePct : null;
      targetChangePoints = columns.containsKey("target_change_points") ? targetChangePoints : null;
    }
    BigDecimal population =
        optional(line, "population", old == null ? null : old.population(), ImportedNumbers::parse);
    BigDecimal tolerance =
        optional(
            line,
            "tolerance",
            old == null ? Indicator.DEFAULT_TOLERANCE : old.tolerancePct(),
            ImportedNumbers::parse);
    Boolean published =
        choice(line, "published", old != null && old.published(), DefinitionRows::yesOrNo);
    List<String> sumOf =
        columns.containsKey("sum_of")
            ? refs(cell(line, "sum_of"))
            : old == null ? List.of() : old.sumOf();
    IndicatorLinks links = columns.containsKey("links") ? links(line) : null;

    if (population != null && population.signum() <= 0) {
      error(n, "population", cell(line, "population"), "The population must be more than 0");
    }
    if (tolerance == null) {
      tolerance = Indicator.DEFAULT_TOLERANCE;
    } else if (tolerance.signum() < 0 || tolerance.compareTo(HUNDRED) > 0) {
      error(
          n,
          "tolerance",
          cell(line, "tolerance"),
          "The tolerance is a percentage of the trajectory from 0 to 100");
    }
    int targets =
        (targetValue == null ? 0 : 1)
            + (targetChangePct == null ? 0 : 1)
            + (targetChangePoints == null ? 0 : 1);
    String changeColumn = targetChangePoints != null ? "target_change_points" : "target_change_pct";
    if (targets > 1) {
      error(
          n,
          changeColumn,
          cell(line, changeColumn),
          "Give one target: a target value, a target change in % or a target change in points");
    } else if ((targetChangePct != null || targetChangePoints != null)
        && baselineValue == null
        && baselinePeriod == null) {
      error(
          n,
          changeColumn,
          cell(line, changeColumn),
          "A change target needs a baseline: give a baseline_value or a baseline_period");
    } else if (targetChangePct != null && targetChangePct.compareTo(HUNDRED.negate()) < 0) {
      error(
          n,
          "target_change_pct",
          cell(line, "target_change_pct"),
          "A change target cannot be a fall of more than 100%");
    } else if (targetChangePoints != null && unitKnown && !unit.changesInPoints()) {
      error(
          n,
          "target_change_points",
          cell(line, "target_change_points"),
          "A target change in points is for a percentage or a rate: give the change for a "
              + unit.label()
              + " indicator in target_change_pct");
    } else if (targetChangePoints != null
        && unit == Unit.PERCENTAGE
        && targetChangePoints.abs().compareTo(HUNDRED) > 0) {
      error(
          n,
          "target_change_points",
          cell(line, "target_change_points"),
          "A change in percentage points is from -100 to 100");
    }
    if (baselinePeriod != null
        && targetPeriod != null
        && !targetPeriod.last().isAfter(baselinePeriod.last())) {
      warning(
          n,
          "target_period",
          cell(line, "target_period"),
          "The target period "
              + targetPeriod
              + " does not end after the baseline period "
              + baselinePeriod
              + ": the target applies throughout");
    }
    if (!sumOf.isEmpty() && unitKnown && unit != Unit.COUNT && unit != Unit.MONEY) {
      error(
          n,
          "sum_of",
          cell(line, "sum_of"),
          "Only count and money indicators can be a total of others: a "
              + unit.label()
              + " cannot be added up");
    }
    Indicator definition =
        new Indicator(
            0,
            ref,
            name,
            description,
            unit,
            polarity,
            frequency,
            source,
            owner,
            population,
            baselinePeriod,
            baselineValue,
            targetPeriod,
            targetValue,
            targetChangePct,
            targetChangePoints,
            tolerance,
            sumOf,
            published,
            0);
    return new Draft(n, ref, unitKnown ? unit : null, definition, links);
  }

  /** A total's parts exist, are not the total itself, and have its unit. */
  private void checkParts(Draft draft, Map<String, Draft> inFile) {
    int n = draft.number();
    boolean addsUp = draft.unit() == Unit.COUNT || draft.unit() == Unit.MONEY;
    for (String part : draft.definition().sumOf()) {
      if (!draft.ref().isEmpty() && key(part).equals(key(draft.ref()))) {
        error(n, "sum_of", part, draft.ref() + " cannot be part of its own total");
        continue;
      }
      Unit partUnit;
      Draft fromFile = inFile.get(key(part));
      if (fromFile != null) {
        partUnit = fromFile.unit();
      } else if (existing.containsKey(key(part))) {
        partUnit = existing.get(key(part)).unit();
      } else {
        error(
            n,
            "sum_of",
            part,
            "There is no indicator " + part + " in the file or in the partnership");
        continue;
      }
      if (addsUp && partUnit != null && partUnit != draft.unit()) {
        error(
            n,
            "sum_of",
            part,
            "The parts of a total must have its unit: "
                + part
                + " is a "
                + partUnit.label()
                + " indicator and this is a "
                + draft.unit().label()
                + " indicator");
      }
    }
  }

  /**
   * Reports each file row whose total goes round in a circle, and returns the rows in the order to
   * save them: indicators that are not totals first, in file order, then each total after its
   * parts.
   */
  private List<Row> inSavingOrder(List<Draft> drafts, Map<String, Draft> inFile) {
    Map<String, List<String>> parts = partsByRef(inFile);
    List<String> ordered = partsFirst(parts);
    if (ordered.size() < parts.size()) {
      reportCircles(parts, new HashSet<>(ordered), inFile);
    }
    List<Row> rows = new ArrayList<>();
    for (Draft draft : drafts) {
      if (!draft.definition().isComposite()) {
        rows.add(new Row(draft.number(), draft.definition(), draft.links()));
      }
    }
    for (String ref : ordered) {
      Draft draft = inFile.get(ref);
      if (draft != null && draft.definition().isComposite()) {
        rows.add(new Row(draft.number(), draft.definition(), draft.links()));
      }
    }
    return rows;
  }

  /**
   * Among the refs that could not be ordered, follows each one's first such part until the walk
   * meets itself: that is a circle, reported on each of its rows in the file. Each ref is walked
   * through once.
   */
  private void reportCircles(
      Map<String, List<String>> parts, Set<String> ordered, Map<String, Draft> inFile) {
    Set<String> walked = new HashSet<>();
    for (String start : parts.keySet()) {
      if (ordered.contains(start) || walked.contains(start)) {
        continue;
      }
      Map<String, Integer> walk = new LinkedHashMap<>();
      String ref = start;
      while (ref != null && !walked.contains(ref) && !walk.containsKey(ref)) {
        walk.put(ref, walk.size());
        ref = parts.get(ref).stream().filter(p -> !ordered.contains(p)).findFirst().orElse(null);
      }
      if (ref != null && walk.containsKey(ref)) {
        List<String> circle = new ArrayList<>(walk.keySet()).subList(walk.get(ref), walk.size());
        for (int i = 0; i < circle.size(); i++) {
          Draft draft = inFile.get(circle.get(i));
          if (draft == null) {
            continue;
          }
          List<String> path = new ArrayList<>();
          for (int j = 0; j <= circle.size(); j++) {
            if (j == MOST_SHOWN && circle.size() > MOST_SHOWN) {
              path.add("…");
              j = circle.size();
            }
            path.add(name(circle.get((i + j) % circle.size()), inFile));
          }
          error(
              draft.number(),
              "sum_of",
              String.join("; ", draft.definition().sumOf()),
              "The totals go round in a circle: "
                  + String.join(" → ", path)
                  + (circle.size() > MOST_SHOWN
                      ? " (" + String.format(Locale.UK, "%,d", circle.size()) + " indicators)"
                      : ""));
        }
      }
      walked.addAll(walk.keySet());
    }
  }

  /** The ref as the file or the partnership writes it. */
  private String name(String key, Map<String, Draft> inFile) {
    Draft draft = inFile.get(key);
    return draft != null ? draft.ref() : existing.get(key).ref();
  }

  /** The refs in a {@code sum_of} cell: separated by semicolons, commas or line breaks. */
  static List<String> refs(String cell) {
    Map<String, String> refs = new LinkedHashMap<>();
    Arrays.stream(cell.split("[;,\\n\\r]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .forEach(ref -> refs.putIfAbsent(key(ref), ref));
    return List.copyOf(refs.values());
  }

  /**
   * The actions and outcomes a {@code links} cell names, one an entry, separated by semicolons or
   * line breaks: {@code Plan name: ref} or a ref that only one plan has. A blank cell names none.
   */
  private IndicatorLinks links(Table.Row line) {
    Set<Long> outcomes = new LinkedHashSet<>();
    Set<Long> actions = new LinkedHashSet<>();
    for (String entry : cell(line, "links").split("[;\\n\\r]+")) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        LinkablePlans.Target target = plans.find(entry.strip());
        (target.action() ? actions : outcomes).add(target.id());
      } catch (InvalidInputException e) {
        error(line.number(), "links", entry.strip(), e.getMessage());
      }
    }
    return new IndicatorLinks(outcomes, actions);
  }

  static Boolean yesOrNo(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "", "no", "n", "false", "0" -> false;
      case "yes", "y", "true", "1" -> true;
      default ->
          throw new InvalidInputException(
              "'" + text.strip() + "' is not yes or no: write yes or no (blank means no)");
    };
  }

  /** Whether the row gives a target in any of the target columns the file has. */
  private boolean givesTarget(Table.Row line) {
    return List.of("target_value", "target_change_pct", "target_change_points").stream()
        .anyMatch(column -> columns.containsKey(column) && !cell(line, column).isEmpty());
  }

  private String cell(Table.Row line, String column) {
    return line.cell(columns.getOrDefault(column, -1));
  }

  /** A text column, or what the indicator has when the file has no such column. */
  private String text(Table.Row line, String column, String kept, int most) {
    if (!columns.containsKey(column)) {
      return kept;
    }
    String text = cell(line, column);
    if (text.length() > most) {
      error(
          line.number(),
          column,
          text,
          "This must be " + String.format(Locale.UK, "%,d", most) + " characters or fewer");
    }
    return text;
  }

  /** A column read with {@code parse} (a blank cell too), or what the indicator has. */
  private <T> T choice(Table.Row line, String column, T kept, Function<String, T> parse) {
    if (!columns.containsKey(column)) {
      return kept;
    }
    String text = cell(line, column);
    try {
      return parse.apply(text);
    } catch (RuntimeException e) {
      error(line.number(), column, text, reason(e, text, column));
      return kept;
    }
  }

  /** A column that may be blank (null), read with {@code parse}, or what the indicator has. */
  private <T> @Nullable T optional(
      Table.Row line, String column, @Nullable T kept, Function<String, T> parse) {
    if (!columns.containsKey(column)) {
      return kept;
    }
    String text = cell(line, column);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (RuntimeException e) {
      error(line.number(), column, text, reason(e, text, column));
      return null;
    }
  }

  /** Why a cell cannot be read: the parser's own words, or plainly when it has none for it. */
  static String reason(RuntimeException e, String text, String column) {
    if (e instanceof InvalidInputException) {
      return e.getMessage();
    }
    return "'" + text + "' cannot be read as a " + column.replace('_', ' ');
  }

  private void error(int row, String column, String value, String reason) {
    errors.add(new ImportProblem(row, column, value, reason));
  }

  private void warning(int row, String column, String value, String reason) {
    warnings.add(new ImportProblem(row, column, value, reason));
  }

  private static String key(String ref) {
    return ref.strip().toLowerCase(Locale.ROOT);
  }
}
