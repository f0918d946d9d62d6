/**
 * The MARAC (multi-agency risk assessment conference): its settings, the referral criteria with the
 * DASH checklist and the DARA grade, victims' ethnicity as ONS 2021 writes it, repeat detection by
 * the SafeLives definition with the near matches a coordinator confirms, and the quarterly data
 * return with its small-number suppression.
 */
@NullMarked
package org.ccrhub.marac;

import org.jspecify.annotations.NullMarked;
