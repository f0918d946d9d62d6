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
      @Nullable LocalDate decidedOn) {}

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
      return List.of(
          requestingAgency,
          askedAgency,
          Integer.toString(requests),
          Integer.toString(shared),
          Integer.toString(sharedInPart),
          Integer.toString(refused),
          Integer.toString(open),
          Integer.toString(overdue),
          days(medianDaysToDecide),
          days(p90DaysToDecide));
    }

    private static String days(OptionalLong days) {
      return days.isPresent() ? Long.toString(days.getAsLong()) : "";
    }
  }

  private SharingStatistics() {}

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
