/**
 * Accounts, sign-in, roles per partnership and the protections around them: password rules,
 * lock-out, throttling, session and header settings, and tenant isolation of every page under
 * {@code /p/{slug}}.
 */
@NullMarked
package org.ccrhub.security;

import org.jspecify.annotations.NullMarked;
