package org.ccrhub.indicators.web;

import java.math.BigDecimal;
import java.util.Locale;
import org.ccrhub.indicators.Change;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.Performance;
import org.ccrhub.shared.RagRating;
import org.jspecify.annotations.Nullable;

/**
 * One indicator on the dashboard: its 12-month figure at the month (or why there is none), its
 * target, rating, and the change on the previous 12 months in words, saying whether that is better
 * or worse for the indicator. The arrow only repeats the words, so it is hidden from screen
 * readers.
 *
 * <p>Public, so that the template compiler can compile the expressions that read it: the dashboard
 * shows two hundred of them.
 */
public record IndicatorTile(
    long id,
    String ref,
    String name,
    String figure,
    String missing,
    String target,
    @Nullable RagRating rating,
    String trend,
    String arrow) {

  /**
   * The classes of the rating's tag, as the plans' {@code rag} fragment writes them: the dashboard
   * writes the tag itself, because including a fragment two hundred times is most of its time.
   */
  public String tagClass() {
    return rating == null
        ? ""
        : "govuk-tag app-rag "
            + rating.cssClass()
            + " app-rag--"
            + rating.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  static IndicatorTile of(Performance p) {
    Indicator indicator = p.indicator();
    boolean known = p.current().isKnown();
    return new IndicatorTile(
        indicator.id(),
        indicator.ref(),
        indicator.name(),
        known ? IndicatorPages.figure(p.current().ratio(), indicator.unit()) : "",
        known ? "" : p.current().missing(),
        indicator.targetText(),
        p.rating(),
        known ? trend(p) : "",
        known ? arrow(p.change().headline()) : "");
  }

  /**
   * E.g. {@code Down 7.2% on the previous 12 months (better)}, or for a percentage or a rate {@code
   * Down 0.5 points (1.6%) on the previous 12 months (better)}.
   */
  static String trend(Performance p) {
    if (!p.previous().isKnown()) {
      String why = p.previous().missing();
      return "No change to show: the previous 12 months have no figure"
          + (why.isEmpty() ? "" : " (" + why + ")");
    }
    Change change = p.change();
    if (!change.isKnown()) {
      return "No percentage change: the previous 12 months were zero";
    }
    String words = change.words() + " on the previous 12 months";
    Change.Direction direction = change.direction(p.indicator().polarity());
    return direction == null || direction == Change.Direction.NO_CHANGE
        ? words
        : words + " (" + direction.label().toLowerCase(Locale.UK) + ")";
  }

  private static String arrow(@Nullable BigDecimal change) {
    if (change == null) {
      return "";
    }
    return change.signum() > 0 ? "↑" : change.signum() < 0 ? "↓" : "→";
  }
}
