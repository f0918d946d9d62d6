/**
 * The indicators' REST endpoints (ADR 21): definitions, values (read and recorded by the rules of
 * the values import) and the performance table, for a token's partnership under {@code
 * /api/v1/partnerships/{slug}}, and the published indicators and table for anyone under {@code
 * /api/v1/public/{slug}}. They call the services the screens and the CSV files call, so an answer
 * never disagrees with the page.
 */
@NullMarked
package org.ccrhub.indicators.api;

import org.jspecify.annotations.NullMarked;
