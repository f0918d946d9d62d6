package org.ccrhub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Someone signed in with a one-time password can do nothing but choose their own password. */
class PasswordChangeFilter extends OncePerRequestFilter {

  static final String CHANGE_PASSWORD_PATH = "/account/password";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    String path = SecurityConfiguration.pathOf(request);
    if (authentication != null
        && authentication.getPrincipal() instanceof SignedInUser user
        && user.mustChangePassword()
        && !path.equals(CHANGE_PASSWORD_PATH)
        && !path.equals("/sign-out")
        && !SecurityConfiguration.isPublic(path)) {
      response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PATH);
      return;
    }
    chain.doFilter(request, response);
  }
}
