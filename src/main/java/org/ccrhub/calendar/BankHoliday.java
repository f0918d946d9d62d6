package org.ccrhub.calendar;

import java.time.LocalDate;

/**
 * A bank holiday in England and Wales: the day off and its title as GOV.UK words it, with "
 * (substitute day)" when it stands for a holiday that fell on a weekend.
 */
public record BankHoliday(LocalDate day, String title) {}
