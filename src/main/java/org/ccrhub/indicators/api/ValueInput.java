package org.ccrhub.indicators.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One value to record, as the OpenAPI description shows the body of a PUT of values. The body is
 * read as JSON by {@link ValuesBody}, not bound to this record, so that a value of the wrong type
 * is listed as a problem of its item rather than refusing the whole body.
 */
@Schema(
    description =
        "A value to record for a period and area; a value, or a numerator and a denominator")
record ValueInput(
    @Schema(
            description =
                "A month (2016-10), a quarter (2016/17 Q2) or a financial year (2016/17); the"
                    + " values import's other spellings (Oct 2016, 10/2016) are read too",
            example = "2016-10",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String period,
    @Schema(description = "The value: a count, an amount, a percentage...", example = "94")
        @Nullable BigDecimal value,
    @Schema(description = "For a percentage, rate or days: the numerator")
        @Nullable BigDecimal numerator,
    @Schema(description = "For a percentage or days: the denominator; for a rate, the population")
        @Nullable BigDecimal denominator,
    @Schema(
            description = "A comparator area; null, empty or left out for the partnership's own",
            example = "London")
        @Nullable String area) {}
