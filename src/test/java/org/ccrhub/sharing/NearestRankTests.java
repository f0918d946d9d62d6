package org.ccrhub.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NearestRankTests {

  @Test
  void takesTheMedianAndNinetiethPercentileAtTheirNearestRanks() {
    NearestRank days = NearestRank.of(List.of(2L, 4L, 6L, 8L));

    assertThat(days.median()).hasValue(4); // rank ⌈4/2⌉ = 2
    assertThat(days.percentile90()).hasValue(8); // rank ⌈3.6⌉ = 4
  }

  @Test
  void sortsTheValuesFirst() {
    NearestRank days = NearestRank.of(List.of(8L, 2L, 6L, 4L));

    assertThat(days.median()).hasValue(4);
    assertThat(days.percentile90()).hasValue(8);
  }

  @Test
  void givesTheOneValueForBoth() {
    NearestRank days = NearestRank.of(List.of(5L));

    assertThat(days.median()).hasValue(5);
    assertThat(days.percentile90()).hasValue(5);
  }

  @Test
  void givesNoValueForNoValues() {
    NearestRank days = NearestRank.of(List.of());

    assertThat(days.median()).isEmpty();
    assertThat(days.percentile90()).isEmpty();
  }

  @Test
  void neverAveragesTwoValues() {
    assertThat(NearestRank.of(List.of(1L, 10L)).median()).hasValue(1);
    assertThat(NearestRank.of(List.of(0L, 0L, 30L)).median()).hasValue(0);
    assertThat(NearestRank.of(List.of(0L, 0L, 30L)).percentile90()).hasValue(30);
    assertThat(NearestRank.of(List.of(3L, 3L, 3L, 9L)).median()).hasValue(3);
  }

  @Test
  void worksOutRanksExactlyWhereTheyAreWholeNumbers() {
    NearestRank ten = NearestRank.of(LongStream.rangeClosed(1, 10).boxed().toList());
    NearestRank eleven = NearestRank.of(LongStream.rangeClosed(1, 11).boxed().toList());
    NearestRank twenty = NearestRank.of(LongStream.rangeClosed(1, 20).boxed().toList());

    assertThat(ten.median()).hasValue(5);
    assertThat(ten.percentile90()).hasValue(9); // rank 9 exactly
    assertThat(eleven.median()).hasValue(6);
    assertThat(eleven.percentile90()).hasValue(10); // ⌈9.9⌉
    assertThat(twenty.percentile90()).hasValue(18);
    assertThat(twenty.percentile(100)).hasValue(20);
    assertThat(twenty.percentile(1)).hasValue(1);
  }

  @Test
  void refusesAPercentileOutsideOneToAHundred() {
    NearestRank days = NearestRank.of(List.of(1L));

    assertThatThrownBy(() -> days.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> days.percentile(101)).isInstanceOf(IllegalArgumentException.class);
  }
}
