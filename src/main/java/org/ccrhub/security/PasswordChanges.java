package org.ccrhub.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Changing one's own password from the web: a wrong current password counts as a failed sign-in
 * from that address (so guessing it here is slowed down like anywhere else), and a change ends the
 * person's other sessions and gives the current one a new id.
 */
@Component
class PasswordChanges {

  private final Accounts accounts;
  private final TypedEmails emails;
  private final SignInThrottle throttle;
  private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
  private final Clock clock;

  PasswordChanges(
      Accounts accounts,
      TypedEmails emails,
      SignInThrottle throttle,
      ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
      Clock clock) {
    this.accounts = accounts;
    this.emails = emails;
    this.throttle = throttle;
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * @throws PasswordRejectedException naming the field that is wrong, and why
   */
  void change(
      SignedInUser user, String currentPassword, String newPassword, HttpServletRequest request) {
    Account account =
        accounts.findById(user.accountId()).orElseThrow(() -> new IllegalStateException());
    TypedEmail email = emails.of(account);
    String address = SignInHandlers.addressOf(request);
    SignInThrottle.Verdict verdict = throttle.check(address, email);
    if (!verdict.allowed()) {
      throw new PasswordRejectedException("currentPassword", tooMany(verdict));
    }
    try {
      accounts.changePassword(user.accountId(), currentPassword, newPassword);
    } catch (PasswordRejectedException e) {
      if (e.field().equals("currentPassword")) {
        verdict = throttle.failed(address, email, "Wrong current password when changing password");
        if (!verdict.allowed()) {
          throw new PasswordRejectedException("currentPassword", tooMany(verdict));
        }
      }
      throw e;
    }
    String current = request.getSession().getId();
    FindByIndexNameSessionRepository<?> repository = sessions.getObject();
    repository.findByPrincipalName(account.email()).keySet().stream()
        .filter(id -> !id.equals(current))
        .forEach(repository::deleteById);
    request.changeSessionId();
  }

  private String tooMany(SignInThrottle.Verdict verdict) {
    return "You have entered a wrong password too many times. Wait "
        + SignInThrottle.minutes(java.time.Duration.between(clock.instant(), verdict.until()))
        + " and try again.";
  }
}
