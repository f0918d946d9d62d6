package org.ccrhub.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChangeTests {

  private static Total figure(long top, long bottom) {
    return Total.of(new Ratio(BigDecimal.valueOf(top), BigDecimal.valueOf(bottom), null));
  }

  /** A percentage as the series holds it: 100 × numerator / denominator. */
  private static Total percent(long numerator, long denominator) {
    return figure(100 * numerator, denominator);
  }

  @Test
  void aRateFrom31Point1To30Point6IsDownHalfAPointThenTheRelativeChange() {
    Change change = Change.between(Unit.PERCENTAGE, percent(306, 1000), percent(311, 1000));

    assertThat(change.points()).isEqualByComparingTo("-0.5");
    assertThat(change.pct()).isEqualByComparingTo("-1.6");
    assertThat(change.words()).isEqualTo("Down 0.5 points (1.6%)");
    assertThat(change.headlineText()).isEqualTo("-0.5 points");
    assertThat(change.relativeText()).isEqualTo("-1.6%");
    assertThat(change.pointsCell()).isEqualTo("-0.5");
    assertThat(change.direction(Polarity.LOWER_IS_BETTER)).isEqualTo(Change.Direction.BETTER);
    assertThat(change.direction(Polarity.HIGHER_IS_BETTER)).isEqualTo(Change.Direction.WORSE);
    assertThat(change.direction(Polarity.NEITHER)).isNull();
  }

  @Test
  void aCountKeepsTheRelativeChangeAndHasNoPoints() {
    Change change = Change.between(Unit.COUNT, figure(1114, 1), figure(1200, 1));

    assertThat(change.points()).isNull();
    assertThat(change.words()).isEqualTo("Down 7.2%");
    assertThat(change.headlineText()).isEqualTo("-7.2%");
    assertThat(change.relativeText()).isEmpty();
    assertThat(change.pointsCell()).isEmpty();
    assertThat(change.direction(Polarity.LOWER_IS_BETTER)).isEqualTo(Change.Direction.BETTER);
  }

  @Test
  void aRatePerThousandChangesPerThousand() {
    // 4.2 per 1,000 to 4.5 per 1,000
    Change change = Change.between(Unit.RATE_PER_1000, figure(45, 10), figure(42, 10));

    assertThat(change.words()).isEqualTo("Up 0.3 per 1,000 (7.1%)");
    assertThat(change.headlineText()).isEqualTo("+0.3 per 1,000");
  }

  @Test
  void pointsAreWorkedOutFromTheExactFiguresAndRoundedOnce() {
    // 31.14% to 30.56%: shown as 31.1% and 30.6%, but 0.58 points apart
    Change change = Change.between(Unit.PERCENTAGE, percent(3056, 10000), percent(3114, 10000));

    assertThat(change.points()).isEqualByComparingTo("-0.6");
    // and half a tenth rounds away from zero, as Excel's ROUND does
    assertThat(Change.between(Unit.PERCENTAGE, percent(3105, 10000), percent(3100, 10000)).points())
        .isEqualByComparingTo("0.1");
    assertThat(Change.between(Unit.PERCENTAGE, percent(3095, 10000), percent(3100, 10000)).points())
        .isEqualByComparingTo("-0.1");
  }

  @Test
  void aRateFromZeroHasPointsButNoRelativeChange() {
    Change change = Change.between(Unit.PERCENTAGE, percent(5, 100), percent(0, 100));

    assertThat(change.pct()).isNull();
    assertThat(change.words()).isEqualTo("Up 5.0 points");
    assertThat(change.relativeText()).isEmpty();
    assertThat(change.isKnown()).isTrue();
  }

  @Test
  void pointsThatRoundToNothingAreNoChange() {
    // 31.12% to 31.14%: 0.02 points, 0.06%
    Change tiny = Change.between(Unit.PERCENTAGE, percent(3114, 10000), percent(3112, 10000));
    assertThat(tiny.words()).isEqualTo("No change in points (up 0.1%)");
    assertThat(tiny.direction(Polarity.HIGHER_IS_BETTER)).isEqualTo(Change.Direction.NO_CHANGE);

    Change none = Change.between(Unit.COUNT, figure(10, 1), figure(10, 1));
    assertThat(none.words()).isEqualTo("No change");
    assertThat(none.headlineText()).isEqualTo("0.0%");
    assertThat(none.direction(Polarity.NEITHER)).isEqualTo(Change.Direction.NO_CHANGE);
  }

  @Test
  void withoutBothFiguresThereIsNoChange() {
    Change change = Change.between(Unit.PERCENTAGE, percent(5, 100), Total.missing("No value"));

    assertThat(change.isKnown()).isFalse();
    assertThat(change.words()).isEmpty();
    assertThat(change.headlineText()).isEmpty();
    assertThat(change.direction(Polarity.HIGHER_IS_BETTER)).isNull();
    assertThat(Change.between(Unit.COUNT, figure(5, 1), null).isKnown()).isFalse();
  }

  @Test
  void largeChangesHaveTheirThousandsSeparated() {
    Change change = Change.between(Unit.COUNT, figure(12345, 1), figure(100, 1));

    assertThat(change.words()).isEqualTo("Up 12,245.0%");
    assertThat(change.headlineText()).isEqualTo("+12,245.0%");
  }
}
