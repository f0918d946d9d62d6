package org.ccrhub.security;

import java.util.Optional;

/**
 * What someone typed into the email box when signing in, as CCR Hub keeps it: the account it
 * matches, or else only an HMAC of it ({@code subject}), because such text is often a password
 * typed into the wrong box. Failures are counted by subject, so an email with no account is slowed
 * down exactly as an account's is and the throttle does not tell which emails have accounts.
 *
 * @param subject HMAC-SHA-256 of the trimmed, lower-cased text, in hex
 * @param account the account with that email, if any
 */
record TypedEmail(String subject, Optional<Account> account) {

  /** The name the audit trail gives the attempt: the account's email, or part of the HMAC. */
  String actorName() {
    return account.map(Account::email).orElse("unknown email " + subject.substring(0, 16));
  }

  Optional<Long> accountId() {
    return account.map(Account::id);
  }
}
