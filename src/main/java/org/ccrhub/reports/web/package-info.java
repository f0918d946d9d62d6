/**
 * The board pack page: choose the period, plans, board and meeting date, and download a draft or
 * issue the pack; the packs issued.
 */
@NullMarked
package org.ccrhub.reports.web;

import org.jspecify.annotations.NullMarked;
