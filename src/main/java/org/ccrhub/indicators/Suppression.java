package org.ccrhub.indicators;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Small-number suppression for published and depersonalised outputs. A count from 1 to one less
 * than the threshold is shown as {@code <5} (with the default threshold of 5), and a figure worked
 * out from such a count (a percentage of a handful of cases, or a change from a hidden count) is
 * shown as {@value #DERIVED}, so that no one can be picked out from the numbers. Zero is shown: it
 * describes no one. {@link PerformanceTable} also hides a second cell where a total would let a
 * reader work out a hidden one.
 */
public record Suppression(int threshold) {

  /** What replaces a figure that would reveal a hidden count. */
  public static final String DERIVED = "[c]";

  /** Figures shown as they are: for the partnership's own signed-in users. */
  public static final Suppression NONE = new Suppression(0);

  public Suppression {
    if (threshold < 0) {
      throw new IllegalArgumentException("The suppression threshold cannot be negative");
    }
  }

  public boolean isOn() {
    return threshold > 1;
  }

  /** What a suppressed count is shown as: {@code <5}. */
  public String hiddenCount() {
    return "<" + threshold;
  }

  /** Whether a number of cases is small enough to hide. */
  public boolean hides(@Nullable BigDecimal cases) {
    return isOn()
        && cases != null
        && cases.signum() > 0
        && cases.compareTo(BigDecimal.valueOf(threshold)) < 0;
  }

  /** Whether a figure is small enough to hide: a count of few cases, or a ratio of few cases. */
  public boolean hides(@Nullable Ratio figure) {
    return figure != null && hides(figure.count());
  }
}
