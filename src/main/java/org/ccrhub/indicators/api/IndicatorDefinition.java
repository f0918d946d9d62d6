package org.ccrhub.indicators.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Polarity;
import org.ccrhub.indicators.Unit;
import org.jspecify.annotations.Nullable;

/**
 * An indicator's definition as its page shows it. The unit, polarity and frequency are written as
 * the definitions import reads them, so a definition read here can be imported again.
 */
@Schema(description = "An indicator's definition, as its page shows it")
record IndicatorDefinition(
    String ref,
    String name,
    String description,
    Unit unit,
    Polarity polarity,
    Frequency frequency,
    String source,
    String owner,
    @Schema(description = "The population a rate per 1,000 is worked out from, if given")
        @Nullable BigDecimal population,
    @Schema(description = "A month (2016-10), quarter (2016/17 Q2) or financial year (2016/17)")
        @JsonProperty("baseline_period")
        @Nullable String baselinePeriod,
    @JsonProperty("baseline_value") @Nullable BigDecimal baselineValue,
    @Schema(description = "The target as the page writes it, e.g. '-20% by 2016/17 from 2015/16'")
        String target,
    @JsonProperty("target_period") @Nullable String targetPeriod,
    @JsonProperty("target_value") @Nullable BigDecimal targetValue,
    @JsonProperty("target_change_pct") @Nullable BigDecimal targetChangePct,
    @JsonProperty("target_change_points") @Nullable BigDecimal targetChangePoints,
    @Schema(description = "How far behind the trajectory, in percent, is still Amber/Green")
        @JsonProperty("tolerance_pct")
        BigDecimal tolerancePct,
    @Schema(description = "The refs of the indicators it is the total of; empty for most")
        @JsonProperty("sum_of")
        List<String> sumOf,
    @Schema(description = "Whether it is on the partnership's public performance page")
        boolean published) {

  static IndicatorDefinition of(Indicator i) {
    return new IndicatorDefinition(
        i.ref(),
        i.name(),
        i.description(),
        i.unit(),
        i.polarity(),
        i.frequency(),
        i.source(),
        i.owner(),
        i.population(),
        text(i.baselinePeriod()),
        i.baselineValue(),
        i.targetText(),
        text(i.targetPeriod()),
        i.targetValue(),
        i.targetChangePct(),
        i.targetChangePoints(),
        i.tolerancePct(),
        i.sumOf(),
        i.published());
  }

  private static @Nullable String text(@Nullable IndicatorPeriod period) {
    return period == null ? null : period.toString();
  }
}
