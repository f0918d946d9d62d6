package org.ccrhub.indicators.web;

import java.math.BigDecimal;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.Performance;
import org.ccrhub.indicators.Polarity;
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
        known ? arrow(p.changePct()) : "");
  }

  /** E.g. {@code Down 7.2% on the previous 12 months (better)}. */
  static String trend(Performance p) {
    if (!p.previous().isKnown()) {
      String why = p.previous().missing();
      return "No change to show: the previous 12 months have no figure"
          + (why.isEmpty() ? "" : " (" + why + ")");
    }
    BigDecimal pct = p.changePct();
    if (pct == null) {
      return "No percentage change: the previous 12 months were zero";
    }
    if (pct.signum() == 0) {
      return "No change on the previous 12 months";
    }
    String words =
        (pct.signum() > 0 ? "Up " : "Down ")
            + pct.abs().toPlainString()
            + "% on the previous 12 months";
    Polarity polarity = p.indicator().polarity();
    if (polarity == Polarity.NEITHER) {
      return words;
    }
    boolean better = (pct.signum() > 0) == (polarity == Polarity.HIGHER_IS_BETTER);
    return words + (better ? " (better)" : " (worse)");
  }

  private static String arrow(@Nullable BigDecimal pct) {
    if (pct == null) {
      return "";
    }
    return pct.signum() > 0 ? "↑" : pct.signum() < 0 ? "↓" : "→";
  }
}
