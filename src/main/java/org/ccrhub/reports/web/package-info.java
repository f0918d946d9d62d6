/** The board pack page: choose the period, plans, board and meeting date, and download it. */
@NullMarked
package org.ccrhub.reports.web;

import org.jspecify.annotations.NullMarked;
