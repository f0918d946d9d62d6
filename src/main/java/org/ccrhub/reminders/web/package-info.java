/** The page where people choose how they are reminded. */
@NullMarked
package org.ccrhub.reminders.web;

import org.jspecify.annotations.NullMarked;
