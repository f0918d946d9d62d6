/**
 * Reminders of the quarterly reporting cycle: email to action leads when a period opens, before and
 * on its due date and when they are late, a weekly digest for those who choose it, and a weekly
 * summary to strategic leads; the daily job and {@code reminders send}.
 */
@NullMarked
package org.ccrhub.reminders;

import org.jspecify.annotations.NullMarked;
