package org.ccrhub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone holding a role that requires two-factor sign-in, who has not set it up, can do nothing
 * but set it up (or sign out), once they have chosen their own password. Checked on every request,
 * so a role given during a session counts at once.
 */
class TwoFactorFilter extends OncePerRequestFilter {

  private final TwoFactorEnrolments twoFactor;

  TwoFactorFilter(TwoFactorEnrolments twoFactor) {
    this.twoFactor = twoFactor;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    String path = SecurityConfiguration.pathOf(request);
    if (authentication != null
        && authentication.getPrincipal() instanceof SignedInUser user
        // a one-time password is changed first (PasswordChangeFilter)
        && !user.mustChangePassword()
        && !path.equals(TwoFactorController.PATH)
        && !path.equals("/sign-out")
        && !SecurityConfiguration.isPublic(path)
        && twoFactor.mustEnrol(user.accountId())) {
      response.sendRedirect(request.getContextPath() + TwoFactorController.PATH);
      return;
    }
    chain.doFilter(request, response);
  }
}
