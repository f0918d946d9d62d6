package org.ccrhub.sharing;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * The median and 90th percentile of the days requests took to decide, by the nearest-rank method:
 * the values are sorted and the pth percentile is the value at rank ⌈p × n / 100⌉ (counting from
 * 1), so it is always one of the values, never an average of two. Days 2, 4, 6 and 8 give a median
 * of 4 (rank 2) and a 90th percentile of 8 (rank 4); one value gives itself for both; no values
 * give no figure (the statistics leave the cell blank). The ranks are worked out in whole numbers,
 * so ⌈0.9 × 10⌉ is exactly 9.
 */
public final class NearestRank {

  private final List<Long> sorted;

  private NearestRank(List<Long> sorted) {
    this.sorted = sorted;
  }

  /** The values to rank, in any order (calendar days from request to decision). */
  public static NearestRank of(Collection<Long> values) {
    return new NearestRank(values.stream().sorted().toList());
  }

  /** The value at rank ⌈n/2⌉, or empty when there are no values. */
  public OptionalLong median() {
    return percentile(50);
  }

  /** The value at rank ⌈0.9n⌉, or empty when there are no values. */
  public OptionalLong percentile90() {
    return percentile(90);
  }

  /**
   * The value at rank ⌈p × n / 100⌉, or empty when there are no values.
   *
   * @throws IllegalArgumentException when {@code p} is not 1 to 100
   */
  public OptionalLong percentile(int p) {
    if (p < 1 || p > 100) {
      throw new IllegalArgumentException("A percentile is 1 to 100, not " + p);
    }
    if (sorted.isEmpty()) {
      return OptionalLong.empty();
    }
    long n = sorted.size();
    int rank = (int) ((p * n + 99) / 100);
    return OptionalLong.of(sorted.get(rank - 1));
  }
}
