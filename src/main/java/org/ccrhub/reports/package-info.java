/**
 * Reports that draw on several features: the {@code report} commands and the board pack, which puts
 * the plans' summaries and exception reports together with the performance table and charts for a
 * board meeting.
 */
@NullMarked
package org.ccrhub.reports;

import org.jspecify.annotations.NullMarked;
