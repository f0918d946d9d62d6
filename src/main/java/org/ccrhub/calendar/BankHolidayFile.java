package org.ccrhub.calendar;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.PlainText;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.Table;
import org.ccrhub.tabular.Tables;
import org.ccrhub.tabular.UnreadableFileException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file of bank holidays to import: GOV.UK's {@code bank-holidays.json} (the events of its {@code
 * england-and-wales} division), or a CSV with the columns {@code date,title}. Every day is checked,
 * and every problem is listed with where it is in the file.
 *
 * <p>GOV.UK keeps "Substitute day" in a note beside the title; it is kept in the title, as GOV.UK's
 * page shows it: "Boxing Day (substitute day)".
 */
final class BankHolidayFile {

  static final String DIVISION = "england-and-wales";
  static final int MOST_TITLE = 200;

  private static final Map<String, List<String>> COLUMNS =
      Map.of("date", List.of("date", "day"), "title", List.of("title", "name"));
  private static final DateTimeFormatter UK_DATE =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  /** Something wrong in the file: where (a row, an event), and why. */
  record Problem(String where, String reason) {
    @Override
    public String toString() {
      return where + ": " + reason;
    }
  }

  /** The days read, in order, or the problems found (then the days are not to be used). */
  record Read(List<BankHoliday> days, List<Problem> problems) {}

  private final List<BankHoliday> days = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Map<LocalDate, String> seen = new HashMap<>();

  private BankHolidayFile() {}

  static Read read(byte[] content) {
    BankHolidayFile file = new BankHolidayFile();
    if (isJson(content)) {
      file.json(content);
    } else {
      file.csv(content);
    }
    if (file.problems.isEmpty() && file.days.isEmpty()) {
      file.problems.add(new Problem("The file", "It has no bank holidays"));
    }
    List<BankHoliday> sorted = new ArrayList<>(file.days);
    sorted.sort(java.util.Comparator.comparing(BankHoliday::day));
    return new Read(List.copyOf(sorted), List.copyOf(file.problems));
  }

  /** Whether the file starts (after a byte order mark and spaces) with a JSON object. */
  private static boolean isJson(byte[] content) {
    String start =
        new String(content, 0, Math.min(content.length, 64), StandardCharsets.ISO_8859_1)
            .replace("\u00EF\u00BB\u00BF", "")
            .strip();
    return start.startsWith("{");
  }

  private void json(byte[] content) {
    JsonNode root;
    try {
      root = JsonMapper.shared().readTree(content);
    } catch (JacksonException e) {
      problems.add(
          new Problem(
              "The file",
              "It is not JSON that can be read"
                  + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")
                  + ": give GOV.UK's bank-holidays.json as it is downloaded, or a CSV"));
      return;
    }
    JsonNode events = root.path(DIVISION).path("events");
    if (!events.isArray()) {
      problems.add(
          new Problem(
              "The file",
              "It has no list of \"events\" in a division \""
                  + DIVISION
                  + "\", as GOV.UK's bank-holidays.json has"));
      return;
    }
    for (int i = 0; i < events.size(); i++) {
      JsonNode event = events.get(i);
      String where = "Event " + (i + 1) + " of " + DIVISION;
      if (!event.isObject()) {
        problems.add(new Problem(where, "It is not an event with a title and a date"));
        continue;
      }
      String note = text(event.get("notes"));
      String title = text(event.get("title"));
      if (!note.isBlank() && !title.isBlank()) {
        title = title + " (" + lowerFirst(note.strip()) + ")";
      }
      add(where, text(event.get("date")), title);
    }
  }

  private void csv(byte[] content) {
    Table table;
    try {
      table = Tables.read(content);
    } catch (UnreadableFileException e) {
      problems.add(new Problem("The file", e.getMessage()));
      return;
    }
    Map<String, Integer> columns = table.columns(COLUMNS);
    List<ImportProblem> missing =
        ImportProblem.missingColumns(List.of("date", "title"), columns, table.header());
    if (!missing.isEmpty()) {
      missing.forEach(p -> problems.add(new Problem("Row 1", p.reason())));
      return;
    }
    for (Table.Row row : table.rows()) {
      if (!row.isBlank()) {
        add("Row " + row.number(), row.cell(columns.get("date")), row.cell(columns.get("title")));
      }
    }
  }

  private void add(String where, String dateText, String titleText) {
    String title = titleText.strip().replaceAll("\\s+", " ");
    Optional<LocalDate> day = day(where, dateText.strip());
    if (title.isEmpty()) {
      problems.add(new Problem(where, "The title is missing"));
    } else if (title.length() > MOST_TITLE) {
      problems.add(new Problem(where, "The title is longer than " + MOST_TITLE + " characters"));
    }
    if (day.isEmpty() || title.isEmpty() || title.length() > MOST_TITLE) {
      return;
    }
    days.add(new BankHoliday(day.get(), title));
  }

  private Optional<LocalDate> day(String where, String text) {
    if (text.isEmpty()) {
      problems.add(new Problem(where, "The date is missing"));
      return Optional.empty();
    }
    LocalDate day;
    try {
      day =
          text.contains("/")
              ? LocalDate.parse(text, UK_DATE)
              : LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      problems.add(
          new Problem(
              where,
              "'" + abbreviate(text) + "' is not a date: write it like 2030-05-06 or 06/05/2030"));
      return Optional.empty();
    }
    if (day.getYear() < BankHolidays.FIRST_YEAR || day.getYear() > BankHolidays.LAST_YEAR) {
      problems.add(
          new Problem(
              where,
              day
                  + " is not in the years CCR Hub keeps bank holidays for ("
                  + BankHolidays.FIRST_YEAR
                  + " to "
                  + BankHolidays.LAST_YEAR
                  + ")"));
      return Optional.empty();
    }
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      problems.add(
          new Problem(
              where,
              day
                  + " is a "
                  + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK)
                  + ": a bank holiday is a weekday (one that falls at a weekend has a substitute"
                  + " day)"));
      return Optional.empty();
    }
    String first = seen.putIfAbsent(day, where);
    if (first != null) {
      problems.add(new Problem(where, day + " is listed twice (also at " + first + ")"));
      return Optional.empty();
    }
    return Optional.of(day);
  }

  private static String text(@Nullable JsonNode node) {
    return node != null && node.isString() ? PlainText.clean(node.stringValue()) : "";
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() > 40 ? line.substring(0, 37) + "..." : line;
  }
}
