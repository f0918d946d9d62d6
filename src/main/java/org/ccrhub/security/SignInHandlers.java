package org.ccrhub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What happens around the sign-in form: attempts from an address that must wait are refused before
 * any password is checked; a wrong password is counted ({@link SignInThrottle}); a right one ends
 * its address's wait, starts the session's absolute lifetime, and shows the person any failed
 * attempts on their account.
 */
final class SignInHandlers {

  static final String SIGNED_IN_AT = SignInHandlers.class.getName() + ".SIGNED_IN_AT";
  static final String NOTICE = SignInHandlers.class.getName() + ".NOTICE";
  static final String NOTICE_PATH = "/account/sign-in-notice";

  private final Accounts accounts;
  private final TypedEmails emails;
  private final SignInThrottle throttle;
  private final SignInAlerts alerts;
  private final AuditTrail audit;
  private final Clock clock;

  SignInHandlers(
      Accounts accounts,
      TypedEmails emails,
      SignInThrottle throttle,
      SignInAlerts alerts,
      AuditTrail audit,
      Clock clock) {
    this.accounts = accounts;
    this.emails = emails;
    this.throttle = throttle;
    this.alerts = alerts;
    this.audit = audit;
    this.clock = clock;
  }

  /** The client's address as the throttle keys it (after trusted proxies, ADR 12). */
  static String addressOf(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    return address == null || address.isEmpty()
        ? "unknown"
        : address.substring(0, Math.min(64, address.length()));
  }

  OncePerRequestFilter guard() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if ("POST".equals(request.getMethod())
            && SecurityConfiguration.SIGN_IN.equals(SecurityConfiguration.pathOf(request))) {
          SignInThrottle.Verdict verdict =
              throttle.check(addressOf(request), emails.of(request.getParameter("email")));
          if (!verdict.allowed()) {
            response.sendRedirect(
                request.getContextPath()
                    + SecurityConfiguration.SIGN_IN
                    + (verdict.kind() == SignInThrottle.Verdict.Kind.WAIT ? "?wait=" : "?busy=")
                    + verdict.minutesFrom(clock.instant()));
            return;
          }
        }
        chain.doFilter(request, response);
      }
    };
  }

  AuthenticationFailureHandler failure() {
    return (request, response, exception) -> failed(request, response, exception);
  }

  private void failed(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    TypedEmail email = emails.of(request.getParameter("email"));
    String target = SecurityConfiguration.SIGN_IN + "?error";
    if (exception instanceof CredentialsExpiredException) {
      // the one-time password was right, but is too old: not a guess, so not counted
      audit.recordFor(
          email.actorName(),
          email.accountId().orElse(null),
          new AuditEntry(
              "SIGN_IN_FAILED",
              "Account",
              email.accountId().map(String::valueOf).orElse(null),
              null,
              AuditEntry.Outcome.DENIED,
              "Sign-in refused: the one-time password has expired"));
      target = SecurityConfiguration.SIGN_IN + "?expired-password";
    } else {
      SignInThrottle.Verdict verdict =
          throttle.failed(
              addressOf(request),
              email,
              email.account().isPresent() ? "Wrong password" : "No account with this email");
      if (!verdict.allowed()) {
        target += "&wait=" + verdict.minutesFrom(clock.instant());
      }
    }
    response.sendRedirect(request.getContextPath() + target);
  }

  SavedRequestAwareAuthenticationSuccessHandler success() {
    return new Succeeded();
  }

  /** Ends the address's wait, records the sign-in, and sends the person to what they must see. */
  private final class Succeeded extends SavedRequestAwareAuthenticationSuccessHandler {

    Succeeded() {
      setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
        HttpServletRequest request, HttpServletResponse response, Authentication authentication)
        throws ServletException, IOException {
      SignedInUser user = (SignedInUser) authentication.getPrincipal();
      Account account =
          accounts.findById(user.accountId()).orElseThrow(() -> new IllegalStateException());
      throttle.succeeded(addressOf(request), account, emails.of(account));
      accounts.signedIn(user.accountId(), user.email());
      request.getSession().setAttribute(SIGNED_IN_AT, clock.millis());
      if (user.mustChangePassword()) {
        clearAuthenticationAttributes(request);
        response.sendRedirect(request.getContextPath() + PasswordChangeFilter.CHANGE_PASSWORD_PATH);
        return;
      }
      Optional<SignInAlerts.Notice> notice = alerts.takeNotice(user.accountId());
      if (notice.isPresent()) {
        clearAuthenticationAttributes(request);
        request.getSession().setAttribute(NOTICE, notice.get());
        response.sendRedirect(request.getContextPath() + NOTICE_PATH);
        return;
      }
      super.onAuthenticationSuccess(request, response, authentication);
    }
  }
}
