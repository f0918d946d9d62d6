package org.ccrhub.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A protocol's status is worked out from its dates on a day, never typed. */
class ProtocolStatusTests {

  static final LocalDate FROM = LocalDate.of(2026, 4, 1);
  static final LocalDate UNTIL = LocalDate.of(2027, 3, 31);

  @Test
  void isADraftUntilItHasAnInForceDate() {
    assertThat(ProtocolStatus.of(null, null, null, null, FROM)).isEqualTo(ProtocolStatus.DRAFT);
  }

  @Test
  void isADraftBeforeItsInForceDate() {
    assertThat(ProtocolStatus.of(FROM, null, null, null, FROM.minusDays(1)))
        .isEqualTo(ProtocolStatus.DRAFT);
    assertThat(ProtocolStatus.of(FROM, null, null, FROM.minusDays(5), FROM.minusDays(1)))
        .isEqualTo(ProtocolStatus.DRAFT);
  }

  @Test
  void isInForceFromItsInForceDateToItsLastDayBothIncluded() {
    assertThat(ProtocolStatus.of(FROM, null, null, null, FROM)).isEqualTo(ProtocolStatus.IN_FORCE);
    assertThat(ProtocolStatus.of(FROM, UNTIL, ProtocolEnding.WITHDRAWN, null, UNTIL))
        .isEqualTo(ProtocolStatus.IN_FORCE);
    assertThat(ProtocolStatus.IN_FORCE.inForce()).isTrue();
  }

  @Test
  void isUnderReviewWhileInForceOnceAReviewHasStarted() {
    LocalDate started = LocalDate.of(2026, 12, 1);
    assertThat(ProtocolStatus.of(FROM, null, null, started, started))
        .isEqualTo(ProtocolStatus.UNDER_REVIEW);
    assertThat(ProtocolStatus.of(FROM, UNTIL, ProtocolEnding.EXPIRED, started, UNTIL))
        .isEqualTo(ProtocolStatus.UNDER_REVIEW);
    assertThat(ProtocolStatus.UNDER_REVIEW.inForce()).isTrue();
  }

  @Test
  void isExpiredOrWithdrawnAfterItsLastDayAsItsEndWasRecorded() {
    LocalDate after = UNTIL.plusDays(1);
    assertThat(ProtocolStatus.of(FROM, UNTIL, ProtocolEnding.EXPIRED, null, after))
        .isEqualTo(ProtocolStatus.EXPIRED);
    assertThat(ProtocolStatus.of(FROM, UNTIL, ProtocolEnding.WITHDRAWN, null, after))
        .isEqualTo(ProtocolStatus.WITHDRAWN);
    assertThat(ProtocolStatus.of(FROM, UNTIL, ProtocolEnding.WITHDRAWN, after, after))
        .isEqualTo(ProtocolStatus.WITHDRAWN);
    assertThat(ProtocolStatus.WITHDRAWN.inForce()).isFalse();
    assertThat(ProtocolStatus.EXPIRED.ended()).isTrue();
  }
}
