package org.ccrhub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that names a session which has timed out (its cookie is there, the session is not) goes
 * to the sign-in page saying so, with what it sent kept ({@link SignedOut}), rather than failing
 * the CSRF check and showing a refusal. Public pages are served as usual.
 */
class ExpiredSessionFilter extends OncePerRequestFilter {

  private final SignedOut signedOut;

  ExpiredSessionFilter(SignedOut signedOut) {
    this.signedOut = signedOut;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getRequestedSessionId() != null
        && !request.isRequestedSessionIdValid()
        && !SecurityConfiguration.isPublic(SecurityConfiguration.pathOf(request))) {
      signedOut.toSignIn(request, response, SignedOut.Reason.TIMEOUT);
      return;
    }
    chain.doFilter(request, response);
  }
}
