package org.ccrhub.security;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up two-factor sign-in for an account without its app: for the demo's accounts, whose secrets
 * the demo prints with their passwords so that they can be typed into an authenticator app, and for
 * tests. Never reachable from a page or a command other than {@code serve --demo}.
 */
@Service
public class DemoTwoFactor {

  private final TwoFactorEnrolments enrolments;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Totp totp = new Totp();

  DemoTwoFactor(TwoFactorEnrolments enrolments, JdbcClient jdbc, Clock clock) {
    this.enrolments = enrolments;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Sets up two-factor sign-in with a new secret, in place of any it had (the demo prints new
   * secrets at every start, as it does passwords).
   *
   * @return the secret in Base32, as an authenticator app takes it when typed
   */
  @Transactional
  public String setUp(long accountId) {
    jdbc.sql("delete from two_factor where account_id = :id").param("id", accountId).update();
    TotpSecret secret = TotpSecret.random();
    enrolments
        .enrol(accountId, secret, totp.codeAt(secret, clock.instant()), false)
        .orElseThrow(() -> new IllegalStateException("The code made now was not accepted"));
    return secret.base32();
  }
}
