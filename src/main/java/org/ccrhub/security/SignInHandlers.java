package org.ccrhub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What happens around the sign-in form: attempts from an address that must wait are refused before
 * any password is checked; a wrong password is counted ({@link SignInThrottle}); a right one ends
 * its address's wait, starts the session's absolute lifetime, and shows the person any failed
 * attempts on their account.
 *
 * <p>For an account with two-factor sign-in, a right password is only the first step: the person is
 * not signed in, the session keeps a {@link PendingSignIn} for a few minutes, and the code page
 * ({@link SignInCodeController}) finishes the sign-in when the code is right. Someone whose role
 * requires two-factor sign-in and who has not set it up is signed in and sent to set it up, and can
 * do nothing else until they have ({@link TwoFactorFilter}).
 */
final class SignInHandlers {

  static final String SIGNED_IN_AT = SignInHandlers.class.getName() + ".SIGNED_IN_AT";
  static final String NOTICE = SignInHandlers.class.getName() + ".NOTICE";
  static final String PENDING = SignInHandlers.class.getName() + ".PENDING";
  static final String NOTICE_PATH = "/account/sign-in-notice";

  /** How long after the password the code may come. */
  static final Duration CODE_TIME = Duration.ofMinutes(10);

  private final Accounts accounts;
  private final TypedEmails emails;
  private final SignInThrottle throttle;
  private final SignInAlerts alerts;
  private final AuditTrail audit;
  private final TwoFactorEnrolments twoFactor;
  private final Clock clock;
  private final SecurityContextRepository contexts =
      new DelegatingSecurityContextRepository(
          new RequestAttributeSecurityContextRepository(),
          new HttpSessionSecurityContextRepository());
  private final Succeeded success = new Succeeded();

  SignInHandlers(
      Accounts accounts,
      TypedEmails emails,
      SignInThrottle throttle,
      SignInAlerts alerts,
      AuditTrail audit,
      TwoFactorEnrolments twoFactor,
      Clock clock) {
    this.accounts = accounts;
    this.emails = emails;
    this.throttle = throttle;
    this.alerts = alerts;
    this.audit = audit;
    this.twoFactor = twoFactor;
    this.clock = clock;
  }

  /**
   * A right password for an account with two-factor sign-in, waiting in the session for its code.
   */
  record PendingSignIn(long accountId, long passwordAt, String passwordStamp)
      implements Serializable {

    /** Whether the code may still come, {@link #CODE_TIME} after the password. */
    boolean current(Clock clock) {
      long age = clock.millis() - passwordAt;
      return age >= 0 && age < CODE_TIME.toMillis();
    }
  }

  /**
   * A digest of the account's password hash: a pending sign-in holds it, so that a password changed
   * (or reset) while the code is awaited ends the pending sign-in.
   */
  static String passwordStamp(Account account) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(account.passwordHash().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The account a pending sign-in is for, if it still exists and its password is the one given; if
   * not, the person must sign in again.
   */
  Optional<Account> accountOf(PendingSignIn pending) {
    return accounts
        .findById(pending.accountId())
        .filter(
            a ->
                MessageDigest.isEqual(
                    passwordStamp(a).getBytes(StandardCharsets.UTF_8),
                    pending.passwordStamp().getBytes(StandardCharsets.UTF_8)));
  }

  /** The client's address as the throttle keys it (after trusted proxies, ADR 12). */
  static String addressOf(HttpServletRequest request) {
    return keyOf(request.getRemoteAddr());
  }

  /**
   * An address as the throttle keys it: an IPv4 address whole, an IPv6 address by its /64 network
   * (one subscriber usually holds a whole /64, so each of its addresses is the same client).
   */
  static String keyOf(@Nullable String address) {
    if (address == null || address.isEmpty()) {
      return "unknown";
    }
    if (address.indexOf(':') >= 0) {
      try {
        // a literal with a colon is parsed as IPv6, never looked up
        InetAddress parsed = InetAddress.getByName(address);
        if (parsed instanceof Inet6Address) {
          byte[] bytes = parsed.getAddress();
          StringBuilder key = new StringBuilder();
          for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                .append(':');
          }
          return key.append(":/64").toString();
        }
        return parsed.getHostAddress();
      } catch (UnknownHostException | SecurityException e) {
        // not an address: keyed as it is
      }
    }
    return address.substring(0, Math.min(64, address.length()));
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
    return success;
  }

  /** The session's sign-in waiting for its code, if it is still current; an old one is dropped. */
  Optional<PendingSignIn> pending(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(PENDING) instanceof PendingSignIn pending)) {
      return Optional.empty();
    }
    if (!pending.current(clock)) {
      session.removeAttribute(PENDING);
      return Optional.empty();
    }
    return Optional.of(pending);
  }

  /** The person must sign in again from the start (too many wrong codes). */
  void abandon(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(PENDING);
    }
  }

  /**
   * The code was right: the person is signed in now, in a session with a new id, and sent on as
   * after a password alone.
   *
   * @param how the audit record's summary, e.g. "Signed in with a two-factor code"
   */
  void secondStepPassed(
      HttpServletRequest request, HttpServletResponse response, PendingSignIn pending, String how)
      throws ServletException, IOException {
    Optional<Account> current = accountOf(pending);
    if (current.isEmpty()) {
      // deleted, or its password changed, since the password was given
      abandon(request);
      response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN);
      return;
    }
    Account account = current.get();
    SignedInUser user = new SignedInUser(account, clock.instant());
    user.eraseCredentials();
    Authentication authentication =
        UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
    request.getSession().removeAttribute(PENDING);
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    success.finish(request, response, authentication, how);
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
      Optional<Account> account = accounts.findById(user.accountId());
      if (account.isPresent() && twoFactor.enrolled(user.accountId())) {
        // the password was right, but the person is not signed in until their code is
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        request
            .getSession()
            .setAttribute(
                PENDING,
                new PendingSignIn(user.accountId(), clock.millis(), passwordStamp(account.get())));
        response.sendRedirect(request.getContextPath() + SignInCodeController.CODE_PATH);
        return;
      }
      finish(request, response, authentication, "Signed in");
    }

    void finish(
        HttpServletRequest request,
        HttpServletResponse response,
        Authentication authentication,
        String how)
        throws ServletException, IOException {
      SignedInUser user = (SignedInUser) authentication.getPrincipal();
      Optional<Account> found = accounts.findById(user.accountId());
      if (found.isEmpty()) {
        // deleted since the password or code was checked
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN);
        return;
      }
      Account account = found.get();
      throttle.succeeded(addressOf(request), account, emails.of(account));
      accounts.signedIn(user.accountId(), user.email(), how);
      request.getSession().setAttribute(SIGNED_IN_AT, clock.millis());
      if (user.mustChangePassword()) {
        clearAuthenticationAttributes(request);
        response.sendRedirect(request.getContextPath() + PasswordChangeFilter.CHANGE_PASSWORD_PATH);
        return;
      }
      if (twoFactor.mustEnrol(user.accountId())) {
        clearAuthenticationAttributes(request);
        response.sendRedirect(request.getContextPath() + TwoFactorController.PATH);
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
