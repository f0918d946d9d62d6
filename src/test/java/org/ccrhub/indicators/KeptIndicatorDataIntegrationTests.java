package org.ccrhub.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A server hosting many partnerships keeps the indicator data of the 16 it used most recently
 * (ccr.indicators.kept-partnerships), so its memory does not grow with the number it hosts.
 */
@CcrHubTest
class KeptIndicatorDataIntegrationTests {

  @Autowired Indicators indicators;
  @Autowired Fixtures fixtures;

  @Test
  void theDataOfThePartnershipsUsedMostRecentlyIsKeptAndTheOldestIsLetGo() {
    Partnership first = fixtures.partnership();
    List<Partnership> others = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      others.add(fixtures.partnership());
    }
    IndicatorData kept = indicators.data(first);

    others.subList(0, 15).forEach(indicators::data);
    assertThat(indicators.data(first)).as("16 partnerships: all kept").isSameAs(kept);

    others.forEach(indicators::data);
    IndicatorData again = indicators.data(first);
    assertThat(again).as("the 17th lets the least recently used go").isNotSameAs(kept);
    assertThat(again.version()).isEqualTo(kept.version());
  }
}
