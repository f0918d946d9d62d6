package org.ccrhub.sharing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.ccrhub.shared.SmallNumbers;
import org.jspecify.annotations.Nullable;

/**
 * The register's figures for the board and for reconciliation ({@code sharing stats}): one row per
 * pair of requesting and asked agency that had a request made in the period, sorted by requesting
 * then asked agency (capitals aside).
 *
 * <ul>
 *   <li>A request counts when it was made from the first day to the last day of the period, both
 *       included.
 *   <li>Its decision is the one recorded now (the latest correction), whatever day it was made:
 *       {@code shared}, {@code shared_in_part} and {@code refused} count the decided requests by
 *       outcome and {@code open} the rest, so the four add up to {@code requests}.
 *   <li>{@code overdue} counts the requests still open whose due date is before the period's last
 *       day, and the requests decided after their due date.
 *   <li>Days to decide are calendar days from the day a request was made to the day it was decided
 *       (0 on the same day), for the decided requests; the median and the 90th percentile by the
 *       nearest-rank method ({@link NearestRank}), blank when nothing is decided.
 * </ul>
 */
public final class SharingStatistics {

  /** The file's columns, exactly. */
  public static final List<String> COLUMNS =
      List.of(
          "requesting_agency",
          "asked_agency",
          "requests",
          "shared",
          "shared_in_part",
          "refused",
          "open",
          "overdue",
          "median_days_to_decide",
          "p90_days_to_decide");

  /**
   * A request as the figures need it.
   *
   * @param outcome its current decision, or null while open
   * @param decidedOn the day of its current decision, or null while open
   */
  public record Request(
      String requestingAgency,
      String askedAgency,
      LocalDate requestedOn,
      LocalDate dueOn,
      @Nullable DecisionOutcome outcome,
      @Nullable LocalDate decidedOn,
      boolean urgent,
      List<String> bases) {

    public Request {
      bases = List.copyOf(bases);
    }

    /** A request with no lawful basis recorded and not urgent, for the per-pair figures. */
    public Request(
        String requestingAgency,
        String askedAgency,
        LocalDate requestedOn,
        LocalDate dueOn,
        @Nullable DecisionOutcome outcome,
        @Nullable LocalDate decidedOn) {
      this(requestingAgency, askedAgency, requestedOn, dueOn, outcome, decidedOn, false, List.of());
    }
  }

  /** One agency pair's figures. */
  public record Row(
      String requestingAgency,
      String askedAgency,
      int requests,
      int shared,
      int sharedInPart,
      int refused,
      int open,
      int overdue,
      OptionalLong medianDaysToDecide,
      OptionalLong p90DaysToDecide) {

    /** The row as the file writes it: plain numbers, blank days when nothing was decided. */
    public List<String> cells() {
      return cells(SmallNumbers.NONE);
    }

    /**
     * The row with small numbers suppressed: counts from 1 to 4 as {@code <5}; as the four outcomes
     * add up to the requests, a lone hidden one hides the next smallest as {@code [c]}; the days of
     * a row whose decided requests are hidden as {@code [c]}.
     */
    public List<String> cells(SmallNumbers small) {
      List<String> parts = parts(small, List.of(shared, sharedInPart, refused, open));
      int decided = shared + sharedInPart + refused;
      boolean daysHidden = small.hides(decided);
      return List.of(
          requestingAgency,
          askedAgency,
          small.count(requests),
          parts.get(0),
          parts.get(1),
          parts.get(2),
          parts.get(3),
          small.count(overdue),
          daysHidden && medianDaysToDecide.isPresent()
              ? SmallNumbers.DERIVED
              : days(medianDaysToDecide),
          daysHidden && p90DaysToDecide.isPresent() ? SmallNumbers.DERIVED : days(p90DaysToDecide));
    }

    private static String days(OptionalLong days) {
      return days.isPresent() ? Long.toString(days.getAsLong()) : "";
    }
  }

  /** The totals the board sees: by decision, by lawful basis and by urgency. */
  public record Totals(
      int requests,
      Map<String, Integer> byDecision,
      Map<String, Integer> byBasis,
      Map<String, Integer> byUrgency) {

    /** The counts by decision as shown: the four add up to the requests. */
    public List<String> decisions(SmallNumbers small) {
      return parts(small, List.copyOf(byDecision.values()));
    }
  }

  private SharingStatistics() {}

  /**
   * Counts that add up to a total, as shown: each from 1 to 4 as {@code <5}; when only one is
   * hidden, the total less the others would give it away, so the next smallest shown (not zero) is
   * hidden as {@code [c]} too.
   */
  public static List<String> parts(SmallNumbers small, List<Integer> counts) {
    List<String> shown = new ArrayList<>();
    int hidden = 0;
    for (int count : counts) {
      shown.add(small.count(count));
      hidden += small.hides(count) ? 1 : 0;
    }
    if (hidden == 1) {
      int next = -1;
      for (int i = 0; i < counts.size(); i++) {
        int count = counts.get(i);
        if (count > 0 && !small.hides(count) && (next < 0 || count < counts.get(next))) {
          next = i;
        }
      }
      if (next >= 0) {
        shown.set(next, SmallNumbers.DERIVED);
      }
    }
    return shown;
  }

  /** The totals of the requests made from {@code from} to {@code to}. */
  public static Totals totals(List<Request> requests, LocalDate from, LocalDate to) {
    Map<String, Integer> byDecision = new java.util.LinkedHashMap<>();
    for (DecisionOutcome outcome : DecisionOutcome.values()) {
      byDecision.put(outcome.label(), 0);
    }
    byDecision.put("Still open", 0);
    Map<String, Integer> byBasis = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, Integer> byUrgency = new java.util.LinkedHashMap<>();
    byUrgency.put("Urgent", 0);
    byUrgency.put("Not urgent", 0);
    int count = 0;
    for (Request request : requests) {
      if (request.requestedOn().isBefore(from) || request.requestedOn().isAfter(to)) {
        continue;
      }
      count++;
      DecisionOutcome outcome = request.outcome();
      byDecision.merge(outcome == null ? "Still open" : outcome.label(), 1, Integer::sum);
      request.bases().forEach(b -> byBasis.merge(b, 1, Integer::sum));
      byUrgency.merge(request.urgent() ? "Urgent" : "Not urgent", 1, Integer::sum);
    }
    return new Totals(count, byDecision, byBasis, byUrgency);
  }

  /** The rows for the requests made from {@code from} to {@code to}, both included. */
  public static List<Row> of(List<Request> requests, LocalDate from, LocalDate to) {
    Map<List<String>, List<Request>> pairs =
        new TreeMap<>(
            Comparator.<List<String>, String>comparing(p -> key(p.get(0)))
                .thenComparing(p -> key(p.get(1)))
                .thenComparing(p -> p.get(0))
                .thenComparing(p -> p.get(1)));
    for (Request request : requests) {
      if (!request.requestedOn().isBefore(from) && !request.requestedOn().isAfter(to)) {
        pairs
            .computeIfAbsent(
                List.of(request.requestingAgency(), request.askedAgency()), k -> new ArrayList<>())
            .add(request);
      }
    }
    List<Row> rows = new ArrayList<>();
    pairs.forEach((pair, inPair) -> rows.add(row(pair.get(0), pair.get(1), inPair, to)));
    return rows;
  }

  private static Row row(String requesting, String asked, List<Request> requests, LocalDate to) {
    int shared = 0;
    int inPart = 0;
    int refused = 0;
    int open = 0;
    int overdue = 0;
    List<Long> days = new ArrayList<>();
    for (Request request : requests) {
      DecisionOutcome outcome = request.outcome();
      LocalDate decidedOn = request.decidedOn();
      if (outcome == null || decidedOn == null) {
        open++;
        if (request.dueOn().isBefore(to)) {
          overdue++;
        }
        continue;
      }
      switch (outcome) {
        case SHARE -> shared++;
        case SHARE_IN_PART -> inPart++;
        case REFUSE -> refused++;
      }
      if (decidedOn.isAfter(request.dueOn())) {
        overdue++;
      }
      days.add(ChronoUnit.DAYS.between(request.requestedOn(), decidedOn));
    }
    NearestRank ranks = NearestRank.of(days);
    return new Row(
        requesting,
        asked,
        requests.size(),
        shared,
        inPart,
        refused,
        open,
        overdue,
        ranks.median(),
        ranks.percentile90());
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
