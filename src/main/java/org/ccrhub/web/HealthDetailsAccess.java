package org.ccrhub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.security.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who sees the details of {@code /actuator/health} (each component, such as the database): a
 * signed-in administrator of any partnership. Everyone else, signed in or not, sees only whether
 * the service is up. The endpoint belongs to no partnership, so no role is loaded for it; this
 * filter gives an administrator the {@code PARTNERSHIP_ADMIN} role for that one request, which
 * {@code management.endpoint.health.roles} asks for.
 */
@Component
class HealthDetailsAccess extends OncePerRequestFilter {

  static final String HEALTH = "/actuator/health";

  private final Accounts accounts;

  HealthDetailsAccess(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.equals(HEALTH) && !path.startsWith(HEALTH + "/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !(authentication.getPrincipal() instanceof SignedInUser user)
        || !administersAPartnership(user.accountId())) {
      chain.doFilter(request, response);
      return;
    }
    SecurityContext original = SecurityContextHolder.getContext();
    SecurityContext scoped = SecurityContextHolder.createEmptyContext();
    scoped.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            user, null, List.of(new SimpleGrantedAuthority(Role.PARTNERSHIP_ADMIN.authority()))));
    SecurityContextHolder.setContext(scoped);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.setContext(original);
    }
  }

  private boolean administersAPartnership(long accountId) {
    return accounts.partnershipsOf(accountId).stream()
        .anyMatch(p -> accounts.rolesIn(accountId, p.id()).contains(Role.PARTNERSHIP_ADMIN));
  }
}
