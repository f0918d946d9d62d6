/**
 * The calendar of England and Wales: which days are working days, from the bank holidays kept as
 * data (GOV.UK's, loaded by {@code bank-holidays import}) with their rules as the fallback, so that
 * every module that counts working days (due dates of plan updates and of information sharing
 * requests) agrees.
 */
@NullMarked
package org.ccrhub.calendar;

import org.jspecify.annotations.NullMarked;
