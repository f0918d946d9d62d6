package org.ccrhub.plans;

import java.sql.Date;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.ccrhub.shared.TextEnds;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.ProblemList;
import org.ccrhub.tabular.Table;
import org.ccrhub.tabular.TableImports;
import org.ccrhub.tabular.UnreadableFileException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a delivery plan from a CSV or XLSX file, all or nothing: every row is checked first and
 * with any error nothing is imported and every problem is listed. Rows match existing actions by
 * ref, so importing the same file again changes nothing and a changed file updates in place.
 *
 * <p>A preview runs the same import in a transaction that is rolled back, so what it reports is
 * exactly what the import will do.
 */
@Service
public class PlanImport {

  /** The columns of the plan file format, with the other names people give them. */
  static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put(
        "outcome",
        List.of(
            "outcome",
            "outcomes",
            "priority",
            "strategicoutcome",
            "strategicpriority",
            "strategicobjective",
            "strategyobjective",
            "objective"));
    COLUMNS.put("area", List.of("area", "areaofdelivery", "deliveryarea", "workarea"));
    COLUMNS.put("ref", List.of("ref", "reference", "refno", "actionref", "no"));
    COLUMNS.put(
        "action",
        List.of(
            "action",
            "actions",
            "actiondescription",
            "actionsandoutcome",
            "actionsandoutcomes",
            "projectaction",
            "activitiestofulfilobjective"));
    COLUMNS.put(
        "due", List.of("due", "duedate", "deadline", "timescale", "completiondate", "bywhen"));
    COLUMNS.put(
        "lead",
        List.of(
            "lead",
            "leads",
            "leadagency",
            "leadofficer",
            "leadofficers",
            "leadofficersnames",
            "leadagencyindividual",
            "owner"));
    COLUMNS.put("links", List.of("links", "strategiclinks", "link"));
    COLUMNS.put("rag", List.of("rag", "ragstatus", "rating", "ragrating"));
    COLUMNS.put(
        "comment",
        List.of(
            "comment",
            "comments",
            "progress",
            "progresscomment",
            "update",
            "updates",
            "progressupdate",
            "actionsandupdates"));
    COLUMNS.put("period", List.of("period", "reportingperiod", "quarter"));
    COLUMNS.put(
        "expected",
        List.of(
            "expectedoutcome",
            "expectedoutcomes",
            "measureofsuccess",
            "measure",
            "measures",
            "measurementevidence"));
    COLUMNS.put("resources", List.of("resources", "resource", "funding"));
    COLUMNS.put(
        "impact",
        List.of("impact", "impactonotherservices", "impactonotherservicesandorganisation"));
  }

  private static final Pattern REF_AND_TITLE =
      Pattern.compile("^(\\d+(?:\\.\\d+)*[a-zA-Z]?)[.):]?\\s+(\\S.*)$", Pattern.DOTALL);
  private static final String DEFAULT_OUTCOME = "Actions";

  private final JdbcClient jdbc;
  private final DeliveryPlans plans;
  private final ReportingPeriods periods;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final TableImports tables;

  PlanImport(
      TableImports tables,
      JdbcClient jdbc,
      DeliveryPlans plans,
      ReportingPeriods periods,
      AuditTrail audit,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.periods = periods;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.tables = tables;
  }

  /** What the import would do, changing nothing. */
  public ImportResult preview(Partnership partnership, PlanImportRequest request) {
    return imports(partnership, request, true);
  }

  /**
   * Imports the file, or, with any error, imports nothing and throws {@link
   * ImportRejectedException} listing every problem.
   *
   * @throws org.ccrhub.tabular.ImportsBusyException when too many imports are running
   */
  public ImportResult run(Partnership partnership, PlanImportRequest request) {
    ImportResult result = imports(partnership, request, false);
    if (result.hasErrors()) {
      throw new ImportRejectedException(result);
    }
    return result;
  }

  /**
   * Reads the file (holding no database connection), then checks and writes its rows in a
   * transaction that is rolled back for a preview or with any error; a few imports at a time.
   */
  private ImportResult imports(
      Partnership partnership, PlanImportRequest request, boolean preview) {
    return tables.run(
        "plan",
        () -> {
          Table table;
          try {
            table = tables.read(request.content());
          } catch (UnreadableFileException e) {
            List<ImportProblem> errors = new ProblemList();
            errors.add(new ImportProblem(1, "(file)", "", e.getMessage()));
            return rejected(errors, new ProblemList(), 0);
          }
          return transactions.execute(
              status -> {
                ImportResult result = apply(partnership, request, table);
                if (preview || result.hasErrors()) {
                  status.setRollbackOnly();
                }
                return result;
              });
        },
        ImportResult::hasErrors);
  }

  private ImportResult apply(Partnership partnership, PlanImportRequest request, Table table) {
    List<ImportProblem> errors = new ProblemList();
    List<ImportProblem> warnings = new ProblemList();
    Map<String, Integer> columns = table.columns(COLUMNS);
    errors.addAll(ImportProblem.missingColumns(List.of("action"), columns, table.header()));
    if (!errors.isEmpty()) {
      return rejected(errors, warnings, table.rows().size());
    }
    Optional<DeliveryPlan> existing = plans.findByName(partnership, request.planName());
    FinancialYear year =
        existing.map(DeliveryPlan::firstYear).orElseGet(() -> request.year().orElse(null));
    if (year == null) {
      errors.add(
          new ImportProblem(
              1, "(plan)", request.planName(), "This is a new plan: give its year, e.g. 2016/17"));
      return rejected(errors, warnings, table.rows().size());
    }
    RagScheme scheme = plans.scheme(partnership);
    List<Row> rows = parse(table, columns, scheme, year, request, existing, errors, warnings);
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.add(new ImportProblem(2, "(file)", "", "The file has a header row but no actions"));
    }
    existing.ifPresent(plan -> checkArchived(plan, rows, errors, warnings));
    if (!errors.isEmpty()) {
      return rejected(errors, warnings, rows.size());
    }
    boolean planCreated = existing.isEmpty();
    DeliveryPlan plan =
        existing.orElseGet(
            () ->
                plans.create(
                    partnership, request.planName(), year, request.lastYear().orElse(year)));
    request.strategy().ifPresent(name -> linkStrategy(partnership, plan, name));
    plans.lock(plan);
    Writer writer = new Writer(plan, columns);
    for (Row row : rows) {
      writer.write(row);
    }
    ImportResult result =
        new ImportResult(
            List.of(),
            warnings,
            rows.size(),
            writer.outcomesCreated,
            writer.outcomesChanged,
            writer.areasCreated,
            writer.areasChanged,
            writer.actionsCreated,
            writer.actionsChanged,
            writer.actionsUnchanged,
            writer.updatesRecorded,
            planCreated);
    if (!result.changesNothing()) {
      plans.changed(plan);
      audit.record(
          AuditEntry.success(
              "IMPORT",
              "DeliveryPlan",
              plan.id(),
              partnership.id(),
              "Imported " + rows.size() + " rows into " + plan.name() + ". " + result.summary()));
    }
    return result;
  }

  /**
   * A row with the ref of an archived action changes that action and leaves it archived: an import
   * neither brings it back nor removes it, and says so. It cannot rate it for a period it is gone
   * from.
   */
  private void checkArchived(
      DeliveryPlan plan, List<Row> rows, List<ImportProblem> errors, List<ImportProblem> warnings) {
    Map<String, ArchivedAction> archived = new HashMap<>();
    plans
        .archivedActions(plan)
        .forEach(a -> archived.put(a.action().ref().toLowerCase(Locale.ROOT), a));
    if (archived.isEmpty()) {
      return;
    }
    for (Row row : rows) {
      ArchivedAction match = archived.get(row.ref().toLowerCase(Locale.ROOT));
      if (match == null) {
        continue;
      }
      ActionArchive archive = match.archive();
      if (row.rating().isPresent()
          && row.period().isPresent()
          && archive.hides(row.period().get())) {
        errors.add(
            new ImportProblem(
                row.number(),
                "period",
                row.period().get().toString(),
                "Action "
                    + match.action().ref()
                    + " is archived from "
                    + archive.from()
                    + ": restore it on its page before recording its progress for "
                    + row.period().get()));
      } else {
        warnings.add(
            new ImportProblem(
                row.number(),
                "ref",
                row.ref(),
                "Action "
                    + match.action().ref()
                    + " is archived (gone from the plan from "
                    + archive.from()
                    + "): this row changes it and it stays archived. Restore it on its page to"
                    + " bring it back"));
      }
    }
  }

  private static ImportResult rejected(
      List<ImportProblem> errors, List<ImportProblem> warnings, int rows) {
    return new ImportResult(errors, warnings, rows, 0, 0, 0, 0, 0, 0, 0, 0, false);
  }

  /** One checked row of the file. */
  record Row(
      int number,
      Optional<String> outcomeRef,
      String outcomeTitle,
      Optional<String> areaRef,
      Optional<String> areaTitle,
      String ref,
      String action,
      Due due,
      List<String> leads,
      Optional<String> links,
      Optional<RagRating> rating,
      String comment,
      Optional<ReportingPeriod> period,
      Optional<String> expected,
      Optional<String> resources,
      Optional<String> impact) {}

  private List<Row> parse(
      Table table,
      Map<String, Integer> columns,
      RagScheme scheme,
      FinancialYear year,
      PlanImportRequest request,
      Optional<DeliveryPlan> existing,
      List<ImportProblem> errors,
      List<ImportProblem> warnings) {
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> refsSeen = new HashMap<>();
    PlaceRefs places = new PlaceRefs(givenRefs(table, columns));
    String outcome = null;
    String area = null;
    Map<ReportingPeriod, Boolean> closed = new HashMap<>(); // one query per period, not per row
    for (Table.Row line : table.rows()) {
      if (line.isBlank()) {
        continue;
      }
      int n = line.number();
      String outcomeCell = cell(line, columns, "outcome");
      if (!outcomeCell.isEmpty()) {
        outcome = outcomeCell;
        area = null;
      }
      String areaCell = cell(line, columns, "area");
      if (!areaCell.isEmpty()) {
        area = areaCell;
      }
      String ref = ref(cell(line, columns, "ref"));
      String action = cell(line, columns, "action");
      if (ref.isEmpty() && action.isEmpty() && isHeading(line, columns)) {
        continue; // an outcome or area on a row of its own, over its actions
      }
      Optional<String> placeRef =
          places.place(
              Optional.ofNullable(outcome).map(Title::of),
              Optional.ofNullable(area).map(Title::of),
              ref.isEmpty());
      if (placeRef.isPresent()) {
        ref = placeRef.get();
        warnings.add(
            new ImportProblem(
                n,
                "ref",
                "",
                "No ref: given "
                    + ref
                    + " from its place in the plan. Give each action a ref in the file if its rows"
                    + " may move before the next import"));
      }
      if (!Refs.isValid(ref)) {
        errors.add(
            new ImportProblem(
                n,
                "ref",
                ref,
                "A ref is 1 to 20 letters, digits, dots or hyphens, with no spaces"));
      } else {
        Integer first = refsSeen.putIfAbsent(ref.toLowerCase(Locale.ROOT), n);
        if (first != null) {
          errors.add(
              new ImportProblem(
                  n,
                  "ref",
                  ref,
                  "The ref "
                      + ref
                      + " is already used on row "
                      + first
                      + ": each action needs its own ref"));
        }
      }
      if (action.isEmpty()) {
        errors.add(new ImportProblem(n, "action", "", "Enter the action"));
      } else {
        ActionChange.tooLong("An action", action, ActionChange.TEXT_LIMIT)
            .ifPresent(m -> errors.add(new ImportProblem(n, "action", action, m)));
      }
      String dueText = cell(line, columns, "due");
      Due due = Due.parse(dueText, year);
      if (dueText.length() > 200) {
        errors.add(new ImportProblem(n, "due", dueText, "Due must be 200 characters or fewer"));
      } else if (due.kind() == Due.Kind.UNRECOGNISED) {
        warnings.add(
            new ImportProblem(
                n,
                "due",
                dueText,
                "No deadline recognised: kept as written, so this action cannot be overdue"));
      } else if (due.kind() == Due.Kind.ONGOING) {
        warnings.add(
            new ImportProblem(
                n,
                "due",
                dueText,
                "Continuing work with no deadline: kept as written, so this action cannot be"
                    + " overdue"));
      }
      List<String> leads = PlanAction.parseLeads(cell(line, columns, "lead"));
      ActionChange.leadsProblem(leads)
          .ifPresent(m -> errors.add(new ImportProblem(n, "lead", cell(line, columns, "lead"), m)));
      Optional<RagRating> rating = Optional.empty();
      String ragText = cell(line, columns, "rag");
      try {
        rating = scheme.parseRating(ragText);
      } catch (InvalidInputException e) {
        errors.add(new ImportProblem(n, "rag", ragText, e.getMessage()));
      }
      String comment = cell(line, columns, "comment");
      if (comment.length() > 8000) {
        errors.add(
            new ImportProblem(
                n, "comment", comment, "A comment must be 8,000 characters or fewer"));
      }
      if (rating.isPresent() && rating.get().needsComment() && comment.isEmpty()) {
        errors.add(
            new ImportProblem(
                n,
                "comment",
                "",
                org.springframework.util.StringUtils.capitalize(rating.get().withArticle())
                    + " rating needs a comment explaining why"));
      }
      Optional<ReportingPeriod> period = Optional.empty();
      String periodText = cell(line, columns, "period");
      if (!periodText.isEmpty()) {
        try {
          period = Optional.of(ReportingPeriod.parse(periodText));
        } catch (InvalidInputException e) {
          errors.add(new ImportProblem(n, "period", periodText, e.getMessage()));
        }
      } else {
        period = request.period();
      }
      boolean commentOnly = !comment.isEmpty() && ragText.isEmpty();
      if (commentOnly) {
        rating = Optional.of(RagRating.NOT_RATED);
        warnings.add(
            new ImportProblem(
                n,
                "comment",
                comment,
                "A comment without a rating is kept as progress, not rated"));
      }
      if (rating.isPresent() && period.isEmpty() && periodText.isEmpty()) {
        errors.add(
            new ImportProblem(
                n,
                "period",
                "",
                "Give the reporting period of this "
                    + (commentOnly ? "comment" : "rating")
                    + " in a period column, or the period of the file's ratings"));
      }
      if (rating.isPresent() && period.isPresent()) {
        ReportingPeriod p = period.get();
        if (closed.computeIfAbsent(
            p, q -> existing.map(plan -> periods.isClosed(plan, q)).orElse(false))) {
          errors.add(
              new ImportProblem(
                  n,
                  "period",
                  p.toString(),
                  "The period " + p + " is closed: its updates can no longer change"));
        }
      }
      for (String[] note :
          new String[][] {
            {"expected", "The expected outcome"},
            {"links", "Strategic links"},
            {"resources", "Resources"},
            {"impact", "Impact on other services"}
          }) {
        String value = cell(line, columns, note[0]);
        int limit = note[0].equals("expected") ? ActionChange.TEXT_LIMIT : ActionChange.NOTE_LIMIT;
        ActionChange.tooLong(note[1], value, limit)
            .ifPresent(m -> errors.add(new ImportProblem(n, note[0], value, m)));
      }
      Title outcomeTitle = Title.of(outcome == null ? DEFAULT_OUTCOME : outcome);
      Optional<Title> areaTitle = Optional.ofNullable(area).map(Title::of);
      if (outcomeTitle.title().length() > 500
          || areaTitle.map(t -> t.title().length() > 500).orElse(false)) {
        errors.add(
            new ImportProblem(
                n, "outcome", outcome, "Outcome and area titles must be 500 characters or fewer"));
      }
      rows.add(
          new Row(
              n,
              outcomeTitle.ref(),
              outcomeTitle.title(),
              areaTitle.flatMap(Title::ref),
              areaTitle.map(Title::title),
              ref,
              action,
              due,
              leads,
              columns.containsKey("links")
                  ? Optional.of(cell(line, columns, "links"))
                  : Optional.empty(),
              rating,
              comment,
              period,
              optionalColumn(line, columns, "expected"),
              optionalColumn(line, columns, "resources"),
              optionalColumn(line, columns, "impact")));
    }
    return rows;
  }

  /** Whether the row has nothing but an outcome or an area in the columns the import reads. */
  private static boolean isHeading(Table.Row line, Map<String, Integer> columns) {
    return columns.entrySet().stream()
        .filter(c -> !c.getKey().equals("outcome") && !c.getKey().equals("area"))
        .allMatch(c -> line.cell(c.getValue()).isEmpty());
  }

  /** The refs the file gives, to number the actions it gives none around them. */
  private static java.util.Set<String> givenRefs(Table table, Map<String, Integer> columns) {
    java.util.Set<String> refs = new java.util.HashSet<>();
    for (Table.Row line : table.rows()) {
      String ref = ref(cell(line, columns, "ref"));
      if (!ref.isEmpty()) {
        refs.add(ref);
      }
    }
    return refs;
  }

  /** A ref as written, without a closing full stop or bracket: "2.2." and "2)" are 2.2 and 2. */
  private static String ref(String written) {
    String ref = TextEnds.strip(written, ".)", false).strip();
    return ref.isEmpty() ? written : ref;
  }

  private static Optional<String> optionalColumn(
      Table.Row line, Map<String, Integer> columns, String name) {
    return columns.containsKey(name) ? Optional.of(cell(line, columns, name)) : Optional.empty();
  }

  private static String cell(Table.Row line, Map<String, Integer> columns, String name) {
    Integer column = columns.get(name);
    return column == null ? "" : line.cell(column);
  }

  /** "3.1 Governance and leadership" as a ref and a title, or a title alone. */
  record Title(Optional<String> ref, String title) {
    static Title of(String text) {
      Matcher m = REF_AND_TITLE.matcher(text.strip());
      return m.matches()
          ? new Title(Optional.of(m.group(1)), m.group(2).strip())
          : new Title(Optional.empty(), text.strip());
    }
  }

  private void linkStrategy(Partnership partnership, DeliveryPlan plan, String name) {
    Long strategyId =
        jdbc.sql("select id from strategy where partnership_id = :p and lower(name) = lower(:n)")
            .param("p", partnership.id())
            .param("n", name.strip())
            .query(Long.class)
            .optional()
            .orElseGet(
                () ->
                    jdbc.sql(
                            "insert into strategy (partnership_id, name) values (:p, :n) returning id")
                        .param("p", partnership.id())
                        .param("n", name.strip())
                        .query(Long.class)
                        .single());
    jdbc.sql(
            "update delivery_plan set strategy_id = :s where id = :id and strategy_id is distinct from :s")
        .param("s", strategyId)
        .param("id", plan.id())
        .update();
  }

  /** Writes checked rows into the plan, matching what is there by ref (or title). */
  private final class Writer {
    private final DeliveryPlan plan;
    private final Map<String, Integer> columns;
    private final List<PlanOutcome> outcomes;
    private final List<DeliveryArea> areas;
    private final Map<String, PlanAction> actions = new HashMap<>();
    private final Map<ReportingPeriod, Map<Long, ProgressUpdate>> updates = new HashMap<>();
    int outcomesCreated, outcomesChanged, areasCreated, areasChanged;
    int actionsCreated, actionsChanged, actionsUnchanged, updatesRecorded;
    private int nextActionPosition;
    private final String recordedBy = importedBy();

    Writer(DeliveryPlan plan, Map<String, Integer> columns) {
      this.plan = plan;
      this.columns = columns;
      this.outcomes = new ArrayList<>(plans.outcomes(plan));
      this.areas = new ArrayList<>(plans.areas(plan));
      // archived actions too: a row with an archived action's ref changes it and leaves it archived
      plans.everyAction(plan).forEach(a -> actions.put(a.ref().toLowerCase(Locale.ROOT), a));
      this.nextActionPosition = plans.nextActionPosition(plan);
    }

    void write(Row row) {
      PlanOutcome outcome = outcome(row.outcomeRef(), row.outcomeTitle());
      Optional<DeliveryArea> area =
          row.areaTitle().map(title -> area(outcome, row.areaRef(), title));
      PlanAction action = action(row, outcome, area);
      if (row.rating().isPresent() && row.period().isPresent()) {
        update(action, row.period().get(), row.rating().get(), row.comment());
      }
    }

    private PlanOutcome outcome(Optional<String> ref, String title) {
      Optional<PlanOutcome> match =
          ref.isPresent()
              ? outcomes.stream().filter(o -> o.ref().equals(ref)).findFirst()
              : outcomes.stream().filter(o -> o.title().equalsIgnoreCase(title)).findFirst();
      if (match.isPresent()) {
        PlanOutcome o = match.get();
        if (!o.title().equals(title)) {
          jdbc.sql("update plan_outcome set title = :t, version = version + 1 where id = :id")
              .param("t", title)
              .param("id", o.id())
              .update();
          PlanOutcome changed =
              new PlanOutcome(o.id(), o.ref(), title, o.position(), o.version() + 1);
          outcomes.set(outcomes.indexOf(o), changed);
          outcomesChanged++;
          return changed;
        }
        return o;
      }
      int position = plans.placeOutcome(plan, ref, Optional.empty());
      long id =
          jdbc.sql(
                  "insert into plan_outcome (plan_id, ref, title, position) values (:plan, :ref, :t, :pos) returning id")
              .param("plan", plan.id())
              .param("ref", ref.orElse(null))
              .param("t", title)
              .param("pos", position)
              .query(Long.class)
              .single();
      PlanOutcome created = new PlanOutcome(id, ref, title, position, 0);
      outcomes.add(created); // in the order of the file: only matched by ref or title
      outcomesCreated++;
      return created;
    }

    private DeliveryArea area(PlanOutcome outcome, Optional<String> ref, String title) {
      List<DeliveryArea> ofOutcome =
          areas.stream().filter(a -> a.outcomeId() == outcome.id()).toList();
      Optional<DeliveryArea> match =
          ref.isPresent()
              ? ofOutcome.stream().filter(a -> a.ref().equals(ref)).findFirst()
              : ofOutcome.stream().filter(a -> a.title().equalsIgnoreCase(title)).findFirst();
      if (match.isPresent()) {
        DeliveryArea a = match.get();
        if (!a.title().equals(title)) {
          jdbc.sql("update delivery_area set title = :t, version = version + 1 where id = :id")
              .param("t", title)
              .param("id", a.id())
              .update();
          DeliveryArea changed =
              new DeliveryArea(
                  a.id(), a.outcomeId(), a.ref(), title, a.position(), a.version() + 1);
          areas.set(areas.indexOf(a), changed);
          areasChanged++;
          return changed;
        }
        return a;
      }
      int position = plans.placeArea(outcome.id(), ref, Optional.empty());
      long id =
          jdbc.sql(
                  "insert into delivery_area (outcome_id, ref, title, position) values (:o, :ref, :t, :pos) returning id")
              .param("o", outcome.id())
              .param("ref", ref.orElse(null))
              .param("t", title)
              .param("pos", position)
              .query(Long.class)
              .single();
      DeliveryArea created = new DeliveryArea(id, outcome.id(), ref, title, position, 0);
      areas.add(created);
      areasCreated++;
      return created;
    }

    private PlanAction action(Row row, PlanOutcome outcome, Optional<DeliveryArea> area) {
      PlanAction existing = actions.get(row.ref().toLowerCase(Locale.ROOT));
      Optional<Long> areaId = area.map(DeliveryArea::id);
      if (existing == null) {
        long id =
            jdbc.sql(
                    """
                    insert into plan_action (plan_id, outcome_id, area_id, ref, text, expected_outcome,
                        due_text, due_date, links, resources, impact, position)
                    values (:plan, :outcome, :area, :ref, :text, :expected, :dueText, :dueDate,
                        :links, :resources, :impact, :position) returning id
                    """)
                .param("plan", plan.id())
                .param("outcome", outcome.id())
                .param("area", areaId.orElse(null))
                .param("ref", row.ref())
                .param("text", row.action())
                .param("expected", row.expected().orElse(null))
                .param("dueText", blankToNull(row.due().text()))
                .param("dueDate", row.due().deadline().map(Date::valueOf).orElse(null))
                .param("links", row.links().orElse(null))
                .param("resources", row.resources().orElse(null))
                .param("impact", row.impact().orElse(null))
                .param("position", nextActionPosition++)
                .query(Long.class)
                .single();
        plans.insertLeads(id, row.leads());
        actionsCreated++;
        PlanAction created =
            new PlanAction(
                id,
                plan.id(),
                outcome.id(),
                areaId,
                row.ref(),
                row.action(),
                row.expected().orElse(""),
                row.due(),
                row.leads(),
                row.links().orElse(""),
                row.resources().orElse(""),
                row.impact().orElse(""),
                0);
        actions.put(row.ref().toLowerCase(Locale.ROOT), created);
        return created;
      }
      PlanAction wanted =
          new PlanAction(
              existing.id(),
              plan.id(),
              outcome.id(),
              columns.containsKey("area") ? areaId : existing.areaId(),
              existing.ref(),
              row.action(),
              row.expected().orElse(existing.expectedOutcome()),
              columns.containsKey("due") ? row.due() : existing.due(),
              columns.containsKey("lead") ? row.leads() : existing.leads(),
              row.links().orElse(existing.links()),
              row.resources().orElse(existing.resources()),
              row.impact().orElse(existing.impact()),
              existing.version());
      if (sameContent(existing, wanted)) {
        actionsUnchanged++;
        return existing;
      }
      if (!existing.due().text().equals(wanted.due().text())) {
        jdbc.sql(
                """
                insert into due_change (action_id, previous_text, previous_date, changed_at, changed_by)
                values (:a, :text, :date, :at, 'import')
                """)
            .param("a", existing.id())
            .param("text", blankToNull(existing.due().text()))
            .param("date", existing.due().deadline().map(Date::valueOf).orElse(null))
            .param("at", OffsetDateTime.now(clock))
            .update();
      }
      jdbc.sql(
              """
              update plan_action set outcome_id = :outcome, area_id = :area, text = :text,
                  expected_outcome = :expected, due_text = :dueText, due_date = :dueDate,
                  links = :links, resources = :resources, impact = :impact, version = version + 1
              where id = :id
              """)
          .param("outcome", wanted.outcomeId())
          .param("area", wanted.areaId().orElse(null))
          .param("text", wanted.text())
          .param("expected", blankToNull(wanted.expectedOutcome()))
          .param("dueText", blankToNull(wanted.due().text()))
          .param("dueDate", wanted.due().deadline().map(Date::valueOf).orElse(null))
          .param("links", blankToNull(wanted.links()))
          .param("resources", blankToNull(wanted.resources()))
          .param("impact", blankToNull(wanted.impact()))
          .param("id", existing.id())
          .update();
      if (!existing.leads().equals(wanted.leads())) {
        jdbc.sql("delete from action_lead where action_id = :a").param("a", existing.id()).update();
        plans.insertLeads(existing.id(), wanted.leads());
      }
      actionsChanged++;
      actions.put(existing.ref().toLowerCase(Locale.ROOT), wanted);
      return wanted;
    }

    private boolean sameContent(PlanAction a, PlanAction b) {
      return a.outcomeId() == b.outcomeId()
          && a.areaId().equals(b.areaId())
          && a.text().equals(b.text())
          && a.expectedOutcome().equals(b.expectedOutcome())
          && a.due().text().equals(b.due().text())
          && a.leads().equals(b.leads())
          && a.links().equals(b.links())
          && a.resources().equals(b.resources())
          && a.impact().equals(b.impact());
    }

    private void update(
        PlanAction action, ReportingPeriod period, RagRating rating, String comment) {
      ProgressUpdate current =
          updates
              .computeIfAbsent(period, p -> new HashMap<>(plans.updatesIn(plan, p)))
              .get(action.id());
      if (current != null
          && current.rating() == rating
          && Objects.equals(current.comment(), comment)) {
        return;
      }
      long id =
          jdbc.sql(
                  """
                  insert into progress_update (action_id, year, quarter, rating, comment, recorded_by, recorded_at)
                  values (:a, :y, :q, :r, :c, :by, :at) returning id
                  """)
              .param("a", action.id())
              .param("y", period.year().startYear())
              .param("q", period.quarter())
              .param("r", rating.name())
              .param("c", blankToNull(comment))
              .param("by", recordedBy)
              .param("at", OffsetDateTime.now(clock))
              .query(Long.class)
              .single();
      updates
          .get(period)
          .put(
              action.id(),
              new ProgressUpdate(
                  id, action.id(), period, rating, comment, recordedBy, clock.instant()));
      updatesRecorded++;
    }
  }

  /** Who an imported update is recorded as: the person importing, or the command line. */
  private static String importedBy() {
    var authentication =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof org.ccrhub.audit.AuditActor actor) {
      return actor.importLabel();
    }
    return "Import from the command line";
  }

  /** Null for a blank value: optional text columns keep no empty strings. */
  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
