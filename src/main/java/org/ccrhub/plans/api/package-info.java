/**
 * The delivery plans in the REST API (ADR 21): plans, their actions with a period's ratings,
 * progress updates, the exception report, and the published plans for anyone. Each endpoint calls
 * the services the screens and the CSV files call, so that it never disagrees with them.
 */
@NullMarked
package org.ccrhub.plans.api;

import org.jspecify.annotations.NullMarked;
