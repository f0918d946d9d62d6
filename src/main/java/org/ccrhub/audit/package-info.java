/**
 * The append-only audit trail: who did what, when, from where, in which partnership. Records are
 * chained by hash so that an edit made directly in the database is detected.
 */
@NullMarked
package org.ccrhub.audit;

import org.jspecify.annotations.NullMarked;
