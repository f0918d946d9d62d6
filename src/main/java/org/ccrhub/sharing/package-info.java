/**
 * Information sharing between the partnership's agencies (issue 13, ADR 20): protocols and their
 * parties, requests with their due dates, decisions to share or not with their reasons and grounds,
 * and the figures the board sees.
 */
@NullMarked
package org.ccrhub.sharing;

import org.jspecify.annotations.NullMarked;
