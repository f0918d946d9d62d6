package org.ccrhub.indicators.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.Polarity;
import org.ccrhub.indicators.Unit;

/**
 * A published indicator as the public page shows it: its ref and name, and what its figures are
 * (the unit they are shown in, which way is better, how often they arrive); never its owner, source
 * or values.
 */
@Schema(description = "A published indicator, as the public performance page shows it")
record PublishedIndicator(
    String ref, String name, Unit unit, Polarity polarity, Frequency frequency) {

  static PublishedIndicator of(Indicator i) {
    return new PublishedIndicator(i.ref(), i.name(), i.unit(), i.polarity(), i.frequency());
  }
}
