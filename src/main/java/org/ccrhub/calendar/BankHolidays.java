package org.ccrhub.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ccrhub.shared.Dates;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The bank holidays CCR Hub counts working days with: for each year loaded in the database (a row
 * of {@code bank_holiday_year}), its days in {@code bank_holiday}, as GOV.UK published them; for a
 * year not loaded, the days {@link BankHolidayRules} computes. Plans and information sharing both
 * count with {@link #calendar()}, so they never disagree about a working day.
 *
 * <p>The days are kept in memory. Each use asks the database, in one small query, whether the
 * loaded years changed since they were read, and reads them again only then: {@code bank-holidays
 * import} runs in a process of its own while the server runs, and its change counts at once.
 */
@Service
public class BankHolidays {

  /** The years a calendar can hold, as {@code bank_holiday_year} allows. */
  static final int FIRST_YEAR = 1990;

  static final int LAST_YEAR = 2100;

  private static final Logger log = LoggerFactory.getLogger(BankHolidays.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile @Nullable Snapshot snapshot;

  BankHolidays(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Working days from {@value #FIRST_YEAR} to {@value #LAST_YEAR}: the loaded bank holidays, and
   * the rules' for the years not loaded. Outside those years only weekends are days off.
   */
  public WorkingCalendar calendar() {
    return current().calendar();
  }

  /** The bank holidays of a year in order: as loaded, or computed from the rules when not. */
  public List<BankHoliday> inYear(int year) {
    List<BankHoliday> loaded = current().loaded().get(year);
    return loaded != null ? loaded : BankHolidayRules.inYear(year);
  }

  /** The years whose bank holidays are loaded, in order. */
  public Set<Integer> yearsCovered() {
    return Collections.unmodifiableSet(current().loaded().keySet());
  }

  /** Reads the tables again, after an import in this process. */
  void reload() {
    snapshot = load();
  }

  /**
   * What the server says at start when this year's or next year's bank holidays are not loaded, for
   * the day given.
   */
  Optional<String> notLoaded(LocalDate today) {
    Set<Integer> covered = yearsCovered();
    List<Integer> missing =
        IntStream.rangeClosed(today.getYear(), today.getYear() + 1)
            .filter(year -> !covered.contains(year))
            .boxed()
            .toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Bank holidays for "
            + missing.stream().map(String::valueOf).collect(Collectors.joining(" and "))
            + " are not loaded: run bank-holidays import with GOV.UK's"
            + " https://www.gov.uk/bank-holidays.json. Until then working days skip the bank"
            + " holidays computed from the usual rules.");
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnWhenNotLoaded() {
    notLoaded(Dates.today(clock)).ifPresent(log::warn);
  }

  private Snapshot current() {
    Snapshot known = snapshot;
    if (known == null || !known.version().equals(version())) {
      known = load();
      snapshot = known;
    }
    return known;
  }

  private Version version() {
    return jdbc.sql("select count(*), max(loaded_at) from bank_holiday_year")
        .query((rs, row) -> new Version(rs.getLong(1), instant(rs, 2)))
        .single();
  }

  /** The loaded years and their days, read in one statement so that they agree. */
  private Snapshot load() {
    record Row(int year, @Nullable Instant loadedAt, @Nullable BankHoliday holiday) {}
    List<Row> rows =
        jdbc.sql(
                """
                select y.year, y.loaded_at, h.day, h.title from bank_holiday_year y
                left join bank_holiday h
                    on h.day between make_date(y.year, 1, 1) and make_date(y.year, 12, 31)
                order by y.year, h.day
                """)
            .query(
                (rs, n) -> {
                  LocalDate day = rs.getObject("day", LocalDate.class);
                  return new Row(
                      rs.getInt("year"),
                      instant(rs, 2),
                      day == null ? null : new BankHoliday(day, rs.getString("title")));
                })
            .list();
    Map<Integer, List<BankHoliday>> loaded = new TreeMap<>();
    @Nullable Instant lastLoaded = null;
    for (Row row : rows) {
      List<BankHoliday> days = loaded.computeIfAbsent(row.year(), year -> new ArrayList<>());
      if (row.holiday() != null) {
        days.add(row.holiday());
      }
      if (row.loadedAt() != null && (lastLoaded == null || row.loadedAt().isAfter(lastLoaded))) {
        lastLoaded = row.loadedAt();
      }
    }
    loaded.replaceAll((year, days) -> List.copyOf(days));
    List<LocalDate> days = new ArrayList<>();
    for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      List<BankHoliday> holidays = loaded.get(year);
      (holidays != null ? holidays : BankHolidayRules.inYear(year))
          .forEach(holiday -> days.add(holiday.day()));
    }
    return new Snapshot(
        new Version(loaded.size(), lastLoaded),
        Collections.unmodifiableMap(loaded),
        new WorkingCalendar(days));
  }

  private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  /** What the loaded years were when they were read: how many, and the last loaded. */
  private record Version(long years, @Nullable Instant lastLoaded) {}

  private record Snapshot(
      Version version, Map<Integer, List<BankHoliday>> loaded, WorkingCalendar calendar) {}
}
