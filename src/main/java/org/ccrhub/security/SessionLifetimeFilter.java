package org.ccrhub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session {@code ccr.session.absolute-lifetime} after its sign-in, however active it has
 * been (the idle timeout, {@code CCR_SESSION_TIMEOUT}, ends it sooner when it is not used). The
 * person is sent to sign in again, and then back to where they were ({@link SignedOut}).
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

  private final Clock clock;
  private final Duration lifetime;
  private final SignedOut signedOut;

  SessionLifetimeFilter(Clock clock, Duration lifetime, SignedOut signedOut) {
    this.clock = clock;
    this.lifetime = lifetime;
    this.signedOut = signedOut;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SignInHandlers.SIGNED_IN_AT) instanceof Long signedInAt
        && clock.millis() - signedInAt >= lifetime.toMillis()) {
      session.invalidate();
      String path = SecurityConfiguration.pathOf(request);
      if (!SecurityConfiguration.isPublic(path)) {
        signedOut.toSignIn(request, response, SignedOut.Reason.LIFETIME);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
