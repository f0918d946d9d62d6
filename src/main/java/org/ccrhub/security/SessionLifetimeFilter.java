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
 * person is sent to sign in again.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

  private final Clock clock;
  private final Duration lifetime;

  SessionLifetimeFilter(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
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
        response.sendRedirect(
            request.getContextPath() + SecurityConfiguration.SIGN_IN + "?expired");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
