package org.ccrhub.indicators;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.ccrhub.audit.AuditActor;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.ProblemList;
import org.ccrhub.tabular.Table;
import org.ccrhub.tabular.TableImports;
import org.ccrhub.tabular.UnreadableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports indicator definitions and indicator values from CSV, XLSX or ODS files, all or nothing:
 * every row is checked first and with any error nothing is imported and every problem is listed
 * with its row, column and reason. Definitions match indicators by ref and values are recorded only
 * when they differ from the current ones, so importing the same file again changes nothing.
 * Definitions may link indicators to the actions and outcomes of the partnership's plans.
 *
 * <p>A preview runs the same import in a transaction that is rolled back, so what it reports is
 * exactly what the import will do.
 */
@Service
public class IndicatorImport {

  private static final Logger log = LoggerFactory.getLogger(IndicatorImport.class);
  private static final int MOST_RECORDED_BY = 200;

  private final Indicators indicators;
  private final DeliveryPlans plans;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final TableImports tables;

  IndicatorImport(
      TableImports tables,
      Indicators indicators,
      DeliveryPlans plans,
      AuditTrail audit,
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager) {
    this.indicators = indicators;
    this.plans = plans;
    this.audit = audit;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.tables = tables;
  }

  /** What importing the definitions would do, changing nothing. */
  public DefinitionImportResult previewDefinitions(Partnership partnership, byte[] content) {
    return imports(
        content,
        table -> definitions(partnership, table),
        errors -> DefinitionImportResult.rejected(errors, new ProblemList(), 0),
        result -> true,
        DefinitionImportResult::hasErrors);
  }

  /**
   * Imports indicator definitions, or, with any error, imports nothing and throws {@link
   * IndicatorImportRejectedException} listing every problem.
   */
  public DefinitionImportResult importDefinitions(Partnership partnership, byte[] content) {
    DefinitionImportResult result =
        imports(
            content,
            table -> definitions(partnership, table),
            errors -> DefinitionImportResult.rejected(errors, new ProblemList(), 0),
            DefinitionImportResult::hasErrors,
            DefinitionImportResult::hasErrors);
    if (result.hasErrors()) {
      throw new IndicatorImportRejectedException(result.errors(), result.warnings());
    }
    return result;
  }

  /** What importing the values would do, changing nothing. */
  public ValueImportResult previewValues(Partnership partnership, byte[] content) {
    return imports(
        content,
        table -> values(partnership, table),
        errors -> ValueImportResult.rejected(errors, new ProblemList(), 0),
        result -> true,
        ValueImportResult::hasErrors);
  }

  /**
   * Imports indicator values, or, with any error, imports nothing and throws {@link
   * IndicatorImportRejectedException} listing every problem.
   */
  public ValueImportResult importValues(Partnership partnership, byte[] content) {
    ValueImportResult result =
        imports(
            content,
            table -> values(partnership, table),
            errors -> ValueImportResult.rejected(errors, new ProblemList(), 0),
            ValueImportResult::hasErrors,
            ValueImportResult::hasErrors);
    if (result.hasErrors()) {
      throw new IndicatorImportRejectedException(result.errors(), result.warnings());
    }
    return result;
  }

  /**
   * What importing values already read into a table would do, changing nothing: every problem, by
   * the same checks as a file's. The table is an API request's body, say: its header the values
   * file's column names, each row numbered as its sender counts them.
   */
  public ValueImportResult previewValues(Partnership partnership, Table table) {
    return tables.run(
        "indicators",
        () -> valuesInTransaction(partnership, table, result -> true),
        ValueImportResult::hasErrors);
  }

  /**
   * Imports values already read into a table (see {@link #previewValues(Partnership, Table)}) as a
   * file's: all or nothing, or with any error nothing is imported and {@link
   * IndicatorImportRejectedException} lists every problem.
   */
  public ValueImportResult importValues(Partnership partnership, Table table) {
    ValueImportResult result =
        tables.run(
            "indicators",
            () -> valuesInTransaction(partnership, table, ValueImportResult::hasErrors),
            ValueImportResult::hasErrors);
    if (result.hasErrors()) {
      throw new IndicatorImportRejectedException(result.errors(), result.warnings());
    }
    return result;
  }

  private ValueImportResult valuesInTransaction(
      Partnership partnership, Table table, Predicate<ValueImportResult> rollBack) {
    return transactions.execute(
        status -> {
          ValueImportResult result = values(partnership, table);
          if (rollBack.test(result)) {
            status.setRollbackOnly();
          }
          return result;
        });
  }

  /**
   * Reads the file (holding no database connection), then checks and writes its rows in a
   * transaction that is rolled back when {@code rollBack} says so; a few imports at a time.
   */
  private <R> R imports(
      byte[] content,
      Function<Table, R> work,
      Function<List<ImportProblem>, R> unreadable,
      Predicate<R> rollBack,
      Predicate<R> rejected) {
    return tables.run(
        "indicators",
        () -> {
          List<ImportProblem> errors = new ProblemList();
          Optional<Table> table = read(content, errors);
          if (table.isEmpty()) {
            return unreadable.apply(errors);
          }
          return transactions.execute(
              status -> {
                R result = work.apply(table.get());
                if (rollBack.test(result)) {
                  status.setRollbackOnly();
                }
                return result;
              });
        },
        rejected);
  }

  private DefinitionImportResult definitions(Partnership partnership, Table table) {
    List<ImportProblem> errors = new ProblemList();
    List<ImportProblem> warnings = new ProblemList();
    Map<String, Integer> columns =
        header(table, DefinitionRows.COLUMNS, DefinitionRows.REQUIRED, errors, warnings);
    int rows = rows(table);
    if (!errors.isEmpty()) {
      return DefinitionImportResult.rejected(errors, warnings, rows);
    }
    LinkablePlans linkable =
        columns.containsKey("links") ? LinkablePlans.of(partnership, plans) : LinkablePlans.none();
    List<DefinitionRows.Row> checked =
        DefinitionRows.check(
            table, columns, indicators.findAll(partnership), linkable, errors, warnings);
    if (rows == 0) {
      errors.add(
          new ImportProblem(
              2, "(file)", "", "The file has a header row but no rows of indicators"));
    }
    if (!errors.isEmpty()) {
      return DefinitionImportResult.rejected(errors, warnings, rows);
    }
    int created = 0;
    int changed = 0;
    int unchanged = 0;
    for (DefinitionRows.Row row : checked) {
      switch (indicators.save(partnership, row.definition(), row.links())) {
        case CREATED -> created++;
        case CHANGED -> changed++;
        case UNCHANGED -> unchanged++;
      }
    }
    DefinitionImportResult result =
        new DefinitionImportResult(
            List.of(), DefinitionImportResult.byRow(warnings), rows, created, changed, unchanged);
    if (!result.changesNothing()) {
      audit.record(
          AuditEntry.success(
              "IMPORT",
              "Indicator definitions",
              partnership.id(),
              partnership.id(),
              "Imported " + rows + " rows of indicator definitions. " + result.summary()));
    }
    return result;
  }

  private ValueImportResult values(Partnership partnership, Table table) {
    List<ImportProblem> errors = new ProblemList();
    List<ImportProblem> warnings = new ProblemList();
    Map<String, Integer> columns =
        header(table, ValueRows.COLUMNS, ValueRows.REQUIRED, errors, warnings);
    if (errors.isEmpty() && !columns.containsKey("value") && !columns.containsKey("numerator")) {
      errors.add(
          new ImportProblem(
              1,
              "value",
              "",
              "The header row has no 'value' or 'numerator' column; found: "
                  + ImportProblem.names(table.header())));
    }
    int rows = rows(table);
    if (!errors.isEmpty()) {
      return ValueImportResult.rejected(errors, warnings, rows);
    }
    List<ValueRows.Row> checked =
        ValueRows.check(
            table, columns, indicators.findAll(partnership), areas(partnership), errors, warnings);
    if (rows == 0) {
      errors.add(
          new ImportProblem(2, "(file)", "", "The file has a header row but no rows of values"));
    }
    if (!errors.isEmpty()) {
      return ValueImportResult.rejected(errors, warnings, rows);
    }
    Indicators.Recorded recorded =
        indicators.record(
            partnership, checked.stream().map(ValueRows.Row::entry).toList(), importedBy());
    ValueImportResult result =
        new ValueImportResult(
            List.of(),
            ValueImportResult.byRow(warnings),
            rows,
            recorded.recorded(),
            recorded.unchanged());
    if (!result.changesNothing()) {
      audit.record(
          AuditEntry.success(
              "IMPORT",
              "Indicator values",
              partnership.id(),
              partnership.id(),
              "Imported " + rows + " rows of indicator values. " + result.summary()));
    }
    return result;
  }

  /** The file as a table, or nothing with the reason it cannot be read as row 1's problem. */
  private Optional<Table> read(byte[] content, List<ImportProblem> errors) {
    try {
      return Optional.of(tables.read(content));
    } catch (UnreadableFileException e) {
      errors.add(new ImportProblem(1, "(file)", "", e.getMessage()));
    } catch (RuntimeException e) {
      log.warn("An uploaded file could not be read", e);
      errors.add(
          new ImportProblem(
              1, "(file)", "", "The file could not be read: save it as CSV or XLSX and try again"));
    }
    return Optional.empty();
  }

  /**
   * The known columns of the header row; an error for each required column it lacks, and a warning
   * for each column that is not read.
   */
  private static Map<String, Integer> header(
      Table table,
      Map<String, List<String>> known,
      List<String> required,
      List<ImportProblem> errors,
      List<ImportProblem> warnings) {
    Map<String, Integer> columns = table.columns(known);
    errors.addAll(ImportProblem.missingColumns(required, columns, table.header()));
    Collection<Integer> used = columns.values();
    for (int i = 0; i < table.header().size(); i++) {
      String name = table.header().get(i);
      if (!name.isBlank() && !used.contains(i)) {
        warnings.add(
            new ImportProblem(
                1, name, "", "This column is not one that is imported: it is ignored"));
      }
    }
    return columns;
  }

  private static int rows(Table table) {
    return (int) table.rows().stream().filter(row -> !row.isBlank()).count();
  }

  /** The comparator areas the partnership's values already name, to keep their spelling. */
  private List<String> areas(Partnership partnership) {
    return jdbc.sql(
            """
            select distinct v.area from indicator_value v join indicator i on i.id = v.indicator_id
            where i.partnership_id = :p and v.area <> ''
            order by v.area
            """)
        .param("p", partnership.id())
        .query(String.class)
        .list();
  }

  /** Who records indicator values, on screen and through the API. */
  public static final String RECORDERS =
      "Only administrators, strategic leads and analysts record indicator values";

  /** Whether these roles record values: administrators, strategic leads and analysts. */
  public static boolean recordsValues(CurrentRoles roles) {
    return roles.isAdmin() || roles.has(Role.STRATEGIC_LEAD) || roles.has(Role.ANALYST);
  }

  /** Who imported values are recorded as: the person importing, or the command line. */
  private static String importedBy() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AuditActor actor) {
      String name = actor.importLabel();
      return name.length() <= MOST_RECORDED_BY
          ? name
          : name.substring(0, MOST_RECORDED_BY - 1) + "…";
    }
    return "Import from the command line";
  }
}
