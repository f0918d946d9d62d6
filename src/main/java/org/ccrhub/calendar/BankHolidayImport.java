package org.ccrhub.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bank-holidays import}: replaces the bank holidays of each year a file covers, all or
 * nothing, so that a moved or added day (a jubilee, a state funeral) counts without a release. The
 * calendar is the installation's, not a partnership's: the import is recorded in the audit trail's
 * chain of records with no partnership.
 */
@Service
class BankHolidayImport {

  /** England and Wales have had at least this many bank holidays a year since 1978. */
  static final int FEWEST_IN_A_YEAR = 8;

  /** A file that was not imported, with every problem found in it. */
  static final class Rejected extends RuntimeException {
    private final List<BankHolidayFile.Problem> problems;

    Rejected(List<BankHolidayFile.Problem> problems) {
      super("Nothing was imported: the file has " + count(problems.size()) + ".");
      this.problems = problems;
    }

    List<BankHolidayFile.Problem> problems() {
      return problems;
    }

    private static String count(int problems) {
      return problems + (problems == 1 ? " problem" : " problems");
    }
  }

  /**
   * What an import changed in one year.
   *
   * @param wasLoaded whether the year was loaded before (if not, it is compared with the rules,
   *     which counted its working days until now)
   * @param retitled the days kept with a new title, each with its title before
   */
  record YearChange(
      int year,
      boolean wasLoaded,
      List<BankHoliday> added,
      List<BankHoliday> removed,
      List<Retitled> retitled,
      int unchanged) {

    boolean changesNothing() {
      return added.isEmpty() && removed.isEmpty() && retitled.isEmpty();
    }

    String summary() {
      return year
          + ": "
          + (changesNothing()
              ? "unchanged, " + unchanged + (unchanged == 1 ? " day" : " days")
              : added.size()
                  + " added, "
                  + removed.size()
                  + " removed, "
                  + (retitled.isEmpty() ? "" : retitled.size() + " retitled, ")
                  + unchanged
                  + " unchanged")
          + (wasLoaded ? "" : " (not loaded before: compared with the rules it was counted with)");
    }
  }

  /** A day kept with a new title. */
  record Retitled(BankHoliday now, String before) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final BankHolidays bankHolidays;
  private final TransactionTemplate transactions;

  BankHolidayImport(
      JdbcClient jdbc,
      AuditTrail audit,
      BankHolidays bankHolidays,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.bankHolidays = bankHolidays;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Replaces the bank holidays of every year the file has a day in, and records where they came
   * from.
   *
   * @param source the file's name, kept for each year
   * @throws Rejected listing every problem of the file, when it has any; nothing is changed
   */
  List<YearChange> importFile(String source, byte[] content) {
    BankHolidayFile.Read file = BankHolidayFile.read(content);
    if (!file.problems().isEmpty()) {
      throw new Rejected(file.problems());
    }
    Map<Integer, List<BankHoliday>> byYear = new TreeMap<>();
    file.days()
        .forEach(d -> byYear.computeIfAbsent(d.day().getYear(), y -> new ArrayList<>()).add(d));
    List<YearChange> changes = transactions.execute(status -> replace(source, byYear));
    bankHolidays.reload();
    return changes;
  }

  /** The years of a file with fewer days than any year since 1978 has had, to be checked. */
  static List<String> warnings(List<YearChange> changes) {
    return changes.stream()
        .filter(c -> c.added().size() + c.retitled().size() + c.unchanged() < FEWEST_IN_A_YEAR)
        .map(
            c -> {
              int days = c.added().size() + c.retitled().size() + c.unchanged();
              return c.year()
                  + " has only "
                  + days
                  + (days == 1 ? " bank holiday" : " bank holidays")
                  + " in the file, which replaced all of the year's days: check that the file lists"
                  + " the whole year";
            })
        .toList();
  }

  private List<YearChange> replace(String source, Map<Integer, List<BankHoliday>> byYear) {
    // one import at a time; the calendar is still read while it runs
    jdbc.sql("lock table bank_holiday_year in exclusive mode").update();
    List<YearChange> changes = new ArrayList<>();
    byYear.forEach((year, days) -> changes.add(compare(year, days)));
    byYear.forEach((year, days) -> replaceYear(source, year, days));
    audit.record(
        AuditEntry.success(
            "IMPORT",
            "Bank holidays",
            byYear.keySet().stream().map(String::valueOf).collect(Collectors.joining(",")),
            null,
            "Imported the bank holidays of England and Wales from "
                + source
                + ": "
                + changes.stream().map(YearChange::summary).collect(Collectors.joining("; "))));
    return changes;
  }

  /** What replacing the year's days changes, from the days counted now. */
  private YearChange compare(int year, List<BankHoliday> days) {
    boolean wasLoaded = bankHolidays.yearsCovered().contains(year);
    Map<LocalDate, String> before = new TreeMap<>();
    bankHolidays.inYear(year).forEach(h -> before.put(h.day(), h.title()));
    List<BankHoliday> added = new ArrayList<>();
    List<Retitled> retitled = new ArrayList<>();
    int unchanged = 0;
    for (BankHoliday day : days) {
      String title = before.remove(day.day());
      if (title == null) {
        added.add(day);
      } else if (!title.equals(day.title())) {
        retitled.add(new Retitled(day, title));
      } else {
        unchanged++;
      }
    }
    List<BankHoliday> removed =
        before.entrySet().stream().map(e -> new BankHoliday(e.getKey(), e.getValue())).toList();
    return new YearChange(year, wasLoaded, added, removed, retitled, unchanged);
  }

  private void replaceYear(String source, int year, List<BankHoliday> days) {
    jdbc.sql(
            "delete from bank_holiday"
                + " where day between make_date(:year, 1, 1) and make_date(:year, 12, 31)")
        .param("year", year)
        .update();
    for (BankHoliday day : days) {
      jdbc.sql("insert into bank_holiday (day, title) values (:day, :title)")
          .param("day", day.day())
          .param("title", day.title())
          .update();
    }
    jdbc.sql(
            """
            insert into bank_holiday_year (year, source) values (:year, :source)
            on conflict (year) do update set source = excluded.source, loaded_at = now()
            """)
        .param("year", year)
        .param("source", source)
        .update();
  }
}
