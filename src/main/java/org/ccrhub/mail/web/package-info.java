/** The administrators' Email page: what was sent, what failed, and the outbox. */
@NullMarked
package org.ccrhub.mail.web;

import org.jspecify.annotations.NullMarked;
