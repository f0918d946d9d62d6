package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActionArchiveTests {

  static final ReportingPeriod Q2 = ReportingPeriod.parse("2016/17 Q2");
  static final ReportingPeriod Q3 = ReportingPeriod.parse("2016/17 Q3");

  @Test
  void goesFromThePeriodBeingCollectedWhenTheActionHasNoUpdateInIt() {
    assertThat(ActionArchive.firstPeriodWithout(Q2, false)).isEqualTo(Q2);
  }

  @Test
  void staysInThePeriodBeingCollectedWhenTheActionWasUpdatedInIt() {
    assertThat(ActionArchive.firstPeriodWithout(Q2, true)).isEqualTo(Q3);
    assertThat(ActionArchive.firstPeriodWithout(ReportingPeriod.parse("2016/17 Q4"), true))
        .isEqualTo(ReportingPeriod.parse("2017/18 Q1"));
  }

  @Test
  void hidesTheActionFromItsFirstPeriodWithoutItOnAndShowsItBefore() {
    ActionArchive archive = new ActionArchive(Q3, Instant.EPOCH, "Sam Jones");

    assertThat(archive.hides(Q2)).isFalse();
    assertThat(archive.hides(ReportingPeriod.parse("2015/16 Q4"))).isFalse();
    assertThat(archive.hides(Q3)).isTrue();
    assertThat(archive.hides(ReportingPeriod.parse("2017/18 Q1"))).isTrue();
    assertThat(archive.lastShownIn()).isEqualTo(Q2);
  }
}
