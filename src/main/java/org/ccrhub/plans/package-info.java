/**
 * Strategies and delivery plans: outcomes, areas of delivery and actions, quarterly progress
 * updates with RAG ratings, the board's exception report, and import and export of plans.
 */
@NullMarked
package org.ccrhub.plans;

import org.jspecify.annotations.NullMarked;
