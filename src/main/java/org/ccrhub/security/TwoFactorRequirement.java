package org.ccrhub.security;

import java.util.Set;

/**
 * Something other than a partnership {@link Role} whose holders must use two-factor sign-in: the
 * MARAC roles, held per MARAC (ADR 19). Every bean of this type is asked as well as {@link
 * Role#requiresTwoFactor}, so this module does not depend on the modules that require it. Asked on
 * every request of a signed-in person, so an answer must be one indexed query.
 */
public interface TwoFactorRequirement {

  /**
   * What the account holds that requires two-factor sign-in, each as it reads in a sentence ("MARAC
   * coordinator of Haringey MARAC"); empty when nothing does.
   */
  Set<String> heldBy(long accountId);

  /** Whether the account holds such a thing in this partnership. */
  boolean heldIn(long partnershipId, long accountId);
}
