package org.ccrhub.security;

import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Sets up two-factor sign-in for an account without its app: for the demo's accounts, whose secrets
 * the demo prints with their passwords so that they can be typed into an authenticator app, and for
 * tests. Never reachable from a page or a command other than {@code serve --demo}.
 */
@Service
public class DemoTwoFactor {

  private final TwoFactorEnrolments enrolments;
  private final Clock clock;
  private final Totp totp = new Totp();

  DemoTwoFactor(TwoFactorEnrolments enrolments, Clock clock) {
    this.enrolments = enrolments;
    this.clock = clock;
  }

  /**
   * Sets up two-factor sign-in with a new secret.
   *
   * @return the secret in Base32, as an authenticator app takes it when typed
   * @throws org.ccrhub.shared.InvalidInputException when it is set up already
   */
  public String setUp(long accountId) {
    TotpSecret secret = TotpSecret.random();
    enrolments
        .enrol(accountId, secret, totp.codeAt(secret, clock.instant()))
        .orElseThrow(() -> new IllegalStateException("The code made now was not accepted"));
    return secret.base32();
  }
}
