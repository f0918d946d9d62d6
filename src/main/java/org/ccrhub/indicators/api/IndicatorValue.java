package org.ccrhub.indicators.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One current value of an indicator, for one period and area, as its page lists it. */
@Schema(description = "An indicator's current value for a period and area")
record IndicatorValue(
    @Schema(
            description =
                "The period as the pages and the import write it: a month (2016-10), a quarter"
                    + " (2016/17 Q2) or a financial year (2016/17)",
            example = "2016-10")
        String period,
    @Schema(description = "The period as a chart labels it", example = "Oct 2016") String label,
    @Schema(description = "The value as recorded (null when only a numerator was given)")
        @Nullable BigDecimal value,
    @Nullable BigDecimal numerator,
    @Nullable BigDecimal denominator,
    @Schema(description = "The comparator area; empty for the partnership's own values")
        String area,
    @Schema(
            description =
                "The figure the page shows for the period, rounded as the unit is shown (a"
                    + " percentage from its numerator and denominator); null when not defined")
        @Nullable BigDecimal figure,
    @Schema(
            description =
                "When the current revision was recorded; null for a total, whose values are"
                    + " worked out from its parts")
        @JsonProperty("recorded_at")
        @Nullable OffsetDateTime recordedAt,
    @Schema(
            description =
                "Who recorded it, e.g. 'Ana Smith (API)' or 'Import from the command line'")
        @JsonProperty("recorded_by")
        @Nullable String recordedBy,
    @Schema(description = "How many versions have been recorded: more than 1 when it was changed")
        int revisions) {}
