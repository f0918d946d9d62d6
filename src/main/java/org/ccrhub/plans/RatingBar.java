package org.ccrhub.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ccrhub.shared.RagRating;

/**
 * Counts of actions per rating, as a stacked bar and as text. The bar's segments take widths in
 * steps of 5% from CSS classes (no inline styles), rounded so that they add up to 100%; the text
 * ("Green 4, Amber/Green 2") says the same for everyone who cannot see colour.
 *
 * @param label what is counted, e.g. an outcome
 */
public record RatingBar(String label, int total, List<Segment> segments) {

  private static final int STEPS = 20;

  /** One rating's share: its count and the CSS classes for its colour and width. */
  public record Segment(RagRating rating, int count, String cssClass) {

    public String text() {
      return rating.label() + " " + count;
    }
  }

  public static RatingBar of(
      String label, List<RagRating> ratings, Map<RagRating, Integer> counts) {
    List<RagRating> shown = new ArrayList<>(ratings);
    counts.keySet().stream().filter(r -> !shown.contains(r)).forEach(shown::add);
    int total = shown.stream().mapToInt(r -> counts.getOrDefault(r, 0)).sum();
    int[] steps = new int[shown.size()];
    double[] remainders = new double[shown.size()];
    int used = 0;
    for (int i = 0; i < shown.size(); i++) {
      double exact = total == 0 ? 0 : (double) counts.getOrDefault(shown.get(i), 0) * STEPS / total;
      steps[i] = (int) Math.floor(exact);
      remainders[i] = exact - steps[i];
      used += steps[i];
    }
    while (total > 0 && used < STEPS) {
      int largest = 0;
      for (int i = 1; i < remainders.length; i++) {
        if (remainders[i] > remainders[largest]) {
          largest = i;
        }
      }
      steps[largest]++;
      remainders[largest] = -1;
      used++;
    }
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      int count = counts.getOrDefault(shown.get(i), 0);
      if (count > 0) {
        segments.add(
            new Segment(
                shown.get(i),
                count,
                "app-rag-bar__segment--"
                    + colour(shown.get(i))
                    + " app-rag-bar__segment--w"
                    + steps[i] * (100 / STEPS)));
      }
    }
    return new RatingBar(label, total, segments);
  }

  /** The counts as words, e.g. "Green 4, Amber/Green 2", or "No actions". */
  public String text() {
    return segments.isEmpty()
        ? "No actions"
        : segments.stream().map(Segment::text).collect(Collectors.joining(", "));
  }

  static String colour(RagRating rating) {
    return rating.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
