package org.ccrhub.security;

import java.time.Clock;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A code typed for an enrolled account, checked under the sign-in protection (ADR 12): while the
 * address must wait for that account's email, no code is checked; a wrong code, a code used before
 * or a wrong recovery code is a failed sign-in like a wrong password, recorded and counted, and may
 * start a wait. A secret that cannot be decrypted is not the person's fault and is not counted.
 */
@Component
class TwoFactorChecks {

  private final TwoFactorEnrolments enrolments;
  private final SignInThrottle throttle;
  private final TypedEmails emails;
  private final Clock clock;
  private final PasswordEncoder encoder;
  private final SignInAlerts alerts;

  TwoFactorChecks(
      TwoFactorEnrolments enrolments,
      SignInThrottle throttle,
      TypedEmails emails,
      Clock clock,
      PasswordEncoder encoder,
      SignInAlerts alerts) {
    this.encoder = encoder;
    this.alerts = alerts;
    this.enrolments = enrolments;
    this.throttle = throttle;
    this.emails = emails;
    this.clock = clock;
  }

  enum Kind {
    PASSED,
    WRONG,
    ALREADY_USED,
    UNREADABLE,
    NOT_ENROLLED,
    /** Too many failures from this address for this account: wait {@code minutes}. */
    WAIT,
    /** Too many wrong codes for the account: no code is checked until an administrator resets. */
    BLOCKED
  }

  /** What came of a code: for a recovery code, how many are left; for a wait, how long. */
  /** The field's message for a wrong code, at sign-in and on the account's forms. */
  static final String WRONG_CODE = "The code is not correct. Enter the code your app shows now";

  /** The field's message for a code that was used already. */
  static final String USED_CODE =
      "That code has been used already. Wait for your app to show a new code, then enter it";

  record Result(Kind kind, int recoveryCodesLeft, long minutes) {
    boolean passed() {
      return kind == Kind.PASSED;
    }
  }

  /**
   * A code from the authenticator app.
   *
   * @param digits the code as typed, without spaces
   * @param doing what the person was doing, for the audit trail, e.g. "signing in"
   */
  Result code(Account account, String address, String digits, String doing) {
    TypedEmail email = emails.of(account);
    SignInThrottle.Verdict verdict = throttle.check(address, email);
    if (!verdict.allowed()) {
      return waiting(verdict);
    }
    TwoFactorEnrolments.CodeCheck check = enrolments.checkCode(account, digits);
    return switch (check.outcome()) {
      case ACCEPTED -> new Result(Kind.PASSED, check.recoveryCodesLeft(), 0);
      case UNREADABLE -> new Result(Kind.UNREADABLE, 0, 0);
      case NOT_ENROLLED -> new Result(Kind.NOT_ENROLLED, 0, 0);
      case WRONG -> failed(address, email, Kind.WRONG, "Wrong two-factor code when " + doing);
      case ALREADY_USED ->
          failed(address, email, Kind.ALREADY_USED, "Two-factor code used before, when " + doing);
      case BLOCKED -> new Result(Kind.BLOCKED, 0, 0);
      case BLOCKED_NOW -> blocked(address, email, "Wrong two-factor code when " + doing);
    };
  }

  /**
   * The account's password, asked again before two-factor sign-in is set up: a wrong one is a
   * failed sign-in like any other.
   */
  Result password(Account account, String address, String password) {
    TypedEmail email = emails.of(account);
    SignInThrottle.Verdict verdict = throttle.check(address, email);
    if (!verdict.allowed()) {
      return waiting(verdict);
    }
    if (encoder.matches(password, account.passwordHash())) {
      return new Result(Kind.PASSED, 0, 0);
    }
    return failed(address, email, Kind.WRONG, "Wrong password when setting up two-factor sign-in");
  }

  /** A recovery code, which is used up if it is right. */
  Result recoveryCode(Account account, String address, String typed) {
    TypedEmail email = emails.of(account);
    SignInThrottle.Verdict verdict = throttle.check(address, email);
    if (!verdict.allowed()) {
      return waiting(verdict);
    }
    // the account's limit first, then the slow hashes with no connection held, then single use
    TwoFactorEnrolments.RecoveryAttempt attempt = enrolments.startRecoveryCode(account.id());
    if (attempt.refused() != null) {
      return new Result(
          attempt.refused() == TwoFactorEnrolments.Outcome.BLOCKED
              ? Kind.BLOCKED
              : Kind.NOT_ENROLLED,
          0,
          0);
    }
    Optional<TwoFactorEnrolments.StoredRecoveryCode> match =
        enrolments.matching(attempt.stored(), typed);
    TwoFactorEnrolments.CodeCheck check =
        match.isPresent()
            ? enrolments.usedRecoveryCode(account, match.get().id())
            : enrolments.wrongRecoveryCode(account, attempt.wrongWithThis());
    return switch (check.outcome()) {
      case ACCEPTED -> new Result(Kind.PASSED, check.recoveryCodesLeft(), 0);
      case BLOCKED_NOW -> blocked(address, email, "Wrong recovery code when signing in");
      default -> failed(address, email, Kind.WRONG, "Wrong recovery code when signing in");
    };
  }

  /** The wrong code that reached the account's limit: recorded, and the account is blocked. */
  private Result blocked(String address, TypedEmail email, String what) {
    throttle.failed(address, email, what, true);
    // the person is told even if no single address had to wait
    email.account().ifPresent(a -> alerts.raise(a, true));
    return new Result(Kind.BLOCKED, 0, 0);
  }

  private Result failed(String address, TypedEmail email, Kind kind, String what) {
    // a wrong code comes after a right password (a wrong password when setting up does not)
    SignInThrottle.Verdict verdict =
        throttle.failed(address, email, what, !what.startsWith("Wrong password"));
    return verdict.allowed() ? new Result(kind, 0, 0) : waiting(verdict);
  }

  private Result waiting(SignInThrottle.Verdict verdict) {
    return new Result(Kind.WAIT, 0, verdict.minutesFrom(clock.instant()));
  }
}
