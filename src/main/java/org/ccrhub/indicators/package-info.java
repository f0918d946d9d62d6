/**
 * Performance indicators: definitions with baselines, targets and tolerances, values per month,
 * quarter or year and per area (the partnership and its comparators), the rolling 12-month
 * calculations, small-number suppression for published outputs, the performance table, the
 * dashboard and charts, and import of definitions and values.
 */
@NullMarked
package org.ccrhub.indicators;

import org.jspecify.annotations.NullMarked;
