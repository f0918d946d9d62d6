/**
 * The calendar of England and Wales: which days are working days, so that every module that counts
 * working days (due dates of plan updates and of information sharing requests) agrees.
 */
@NullMarked
package org.ccrhub.calendar;

import org.jspecify.annotations.NullMarked;
