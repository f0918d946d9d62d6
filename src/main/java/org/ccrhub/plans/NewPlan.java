package org.ccrhub.plans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.PlainText;

/**
 * A plan as a manager starts it on screen, before it has outcomes or actions: its name (unique in
 * the partnership, whatever its case), the financial years it runs (written like 2016/17; the last
 * is the first when not given), the strategy it delivers, if any, and the protective marking its
 * reports carry.
 */
public record NewPlan(
    String name, String firstYear, String lastYear, Optional<Long> strategyId, String marking) {

  /** The markings a plan's reports can carry (Government Security Classifications). */
  public static final List<String> MARKINGS = List.of("OFFICIAL", "OFFICIAL-SENSITIVE");

  /** The most financial years one plan runs for; a strategy runs longer, its plans do not. */
  static final int MOST_YEARS = 10;

  public NewPlan {
    name = oneLine(name);
    firstYear = oneLine(firstYear);
    lastYear = oneLine(lastYear);
    marking = oneLine(marking);
  }

  /** Each problem with what was typed, by the form field it is about, in the order of the form. */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (name.isEmpty()) {
      problems.put("name", "Enter the plan's name");
    } else if (name.length() > 200) {
      problems.put("name", "The name must be 200 characters or fewer");
    }
    Optional<FinancialYear> first = year(firstYear);
    if (first.isEmpty()) {
      problems.put(
          "firstYear",
          firstYear.isEmpty()
              ? "Enter the financial year the plan starts, like 2016/17"
              : "Enter the financial year the plan starts as a year and the next, like 2016/17");
    }
    Optional<FinancialYear> last = lastYear.isEmpty() ? first : year(lastYear);
    if (!lastYear.isEmpty() && last.isEmpty()) {
      problems.put(
          "lastYear",
          "Enter the financial year the plan ends as a year and the next, like 2018/19");
    } else if (first.isPresent() && last.isPresent()) {
      int years = last.get().startYear() - first.get().startYear() + 1;
      if (years < 1) {
        problems.put(
            "lastYear", "The plan cannot end before it starts: give " + first.get() + " or later");
      } else if (years > MOST_YEARS) {
        problems.put("lastYear", "A plan can run for up to " + MOST_YEARS + " financial years");
      }
    }
    if (!MARKINGS.contains(marking)) {
      problems.put("marking", "Select the protective marking");
    }
    return problems;
  }

  /** The first financial year; only once {@link #problems()} found none. */
  public FinancialYear first() {
    return year(firstYear).orElseThrow();
  }

  /** The last financial year: the first when none was given. */
  public FinancialYear last() {
    return lastYear.isEmpty() ? first() : year(lastYear).orElseThrow();
  }

  /** A year written like 2016/17, in the years a plan can have (as the database allows). */
  private static Optional<FinancialYear> year(String text) {
    try {
      FinancialYear year = FinancialYear.parse(text);
      return year.startYear() >= 1990 && year.startYear() <= 2099
          ? Optional.of(year)
          : Optional.empty();
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  static String oneLine(String text) {
    return text == null ? "" : PlainText.clean(text).replace('\n', ' ').strip();
  }
}
