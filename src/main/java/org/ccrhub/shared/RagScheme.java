package org.ccrhub.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The set of RAG ratings a partnership uses. Some use four levels (Green, Amber/Green, Amber/Red,
 * Red), others three (Green, Amber, Red); both also record the states Not started, Completed and
 * Not rated. Plans are reported to the board by exception: an action is an exception when it is
 * rated Red, or Amber/Red in the four-level scheme.
 */
public enum RagScheme {
  FOUR(
      "four-level",
      List.of(RagRating.GREEN, RagRating.AMBER_GREEN, RagRating.AMBER_RED, RagRating.RED),
      List.of(RagRating.AMBER_RED, RagRating.RED)),
  THREE(
      "three-level",
      List.of(RagRating.GREEN, RagRating.AMBER, RagRating.RED),
      List.of(RagRating.RED));

  private static final List<RagRating> STATES =
      List.of(RagRating.NOT_STARTED, RagRating.COMPLETED, RagRating.NOT_RATED);

  /** Spellings real plans use, with case, spaces and punctuation removed. */
  private static final Map<String, RagRating> SPELLINGS =
      Map.ofEntries(
          Map.entry("green", RagRating.GREEN),
          Map.entry("g", RagRating.GREEN),
          Map.entry("ambergreen", RagRating.AMBER_GREEN),
          Map.entry("ag", RagRating.AMBER_GREEN),
          Map.entry("amber", RagRating.AMBER),
          Map.entry("a", RagRating.AMBER),
          Map.entry("amberred", RagRating.AMBER_RED),
          Map.entry("ar", RagRating.AMBER_RED),
          Map.entry("red", RagRating.RED),
          Map.entry("r", RagRating.RED),
          Map.entry("greendone", RagRating.COMPLETED),
          Map.entry("done", RagRating.COMPLETED),
          Map.entry("complete", RagRating.COMPLETED),
          Map.entry("completed", RagRating.COMPLETED),
          Map.entry("fullyachieved", RagRating.COMPLETED),
          Map.entry("achieved", RagRating.COMPLETED),
          Map.entry("notstarted", RagRating.NOT_STARTED),
          Map.entry("notyetcommenced", RagRating.NOT_STARTED),
          Map.entry("notyetstarted", RagRating.NOT_STARTED),
          Map.entry("notrated", RagRating.NOT_RATED),
          Map.entry("na", RagRating.NOT_RATED),
          Map.entry("onhold", RagRating.NOT_RATED));

  private final String description;
  private final List<RagRating> levels;
  private final List<RagRating> exceptions;

  RagScheme(String description, List<RagRating> levels, List<RagRating> exceptions) {
    this.description = description;
    this.levels = levels;
    this.exceptions = exceptions;
  }

  /** Reads {@code four}, {@code three}, {@code 4} or {@code 3}, in any case. */
  public static RagScheme parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "four", "4" -> FOUR;
      case "three", "3" -> THREE;
      default ->
          throw new InvalidInputException(
              "'" + text.strip() + "' is not a RAG scheme: use four or three");
    };
  }

  /** The ratings, from Green to Red. */
  public List<RagRating> levels() {
    return levels;
  }

  /** The ratings followed by the states Not started, Completed and Not rated. */
  public List<RagRating> allowed() {
    return Stream.concat(levels.stream(), STATES.stream()).toList();
  }

  /** Whether an action with this rating goes in the exception report to the board. */
  public boolean isException(RagRating rating) {
    return exceptions.contains(rating);
  }

  /** What the rating means unless the partnership writes its own key. */
  public String defaultDefinition(RagRating rating) {
    if (!allowed().contains(rating)) {
      throw notInScheme(rating.label());
    }
    return switch (rating) {
      case GREEN ->
          this == FOUR
              ? "On track to be delivered on time / minimal impact: no action"
              : "On track to be delivered on time, minimal impact: no action";
      case AMBER_GREEN -> "Slightly off track, moderate impact: need to monitor";
      case AMBER -> "Some risk to delivery or timescale, moderate impact: need to monitor";
      case AMBER_RED -> "Predicted to be off track, serious impact: intervention needed";
      case RED ->
          this == FOUR
              ? "Critical impact, urgent intervention required"
              : "Off track or will not be delivered, serious impact: urgent intervention required";
      case NOT_STARTED -> "Work has not started yet";
      case COMPLETED -> "Delivered: no further action";
      case NOT_RATED -> "No rating given, for example on hold or not applicable";
    };
  }

  /**
   * Reads a rating in the spellings real plans use ({@code Amber/Green}, {@code A/G}, {@code Done},
   * {@code Not yet commenced}, {@code N/A}...), ignoring case, spaces and punctuation. A blank text
   * is no rating. A rating this scheme does not use, or an unknown word, is refused.
   */
  public Optional<RagRating> parseRating(String text) {
    String written = text.strip();
    if (written.isEmpty()) {
      return Optional.empty();
    }
    String key = written.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    RagRating rating = SPELLINGS.get(key);
    if (rating == null) {
      throw new InvalidInputException(
          "'"
              + written
              + "' is not a RAG rating: this partnership's "
              + description
              + " scheme uses "
              + uses());
    }
    if (!allowed().contains(rating)) {
      throw notInScheme(written);
    }
    return Optional.of(rating);
  }

  private InvalidInputException notInScheme(String written) {
    return new InvalidInputException(
        "'"
            + written
            + "' is not a rating in this partnership's "
            + description
            + " scheme: use "
            + uses());
  }

  private String uses() {
    List<String> labels = levels.stream().map(RagRating::label).toList();
    return String.join(", ", labels.subList(0, labels.size() - 1))
        + " or "
        + labels.get(labels.size() - 1)
        + ", or "
        + STATES.stream().map(RagRating::label).collect(Collectors.joining(", "));
  }
}
