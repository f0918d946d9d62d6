package org.ccrhub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.shared.Partnership;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tenant isolation. Every page of a partnership lives under {@code /p/{slug}}. For such a request
 * this filter loads the signed-in user's roles in that partnership, fresh from the database, and
 * gives them to the request only. A user with no role there gets "page not found", whatever the
 * rest of the address: a partnership's pages do not even show that they exist to outsiders.
 */
class PartnershipAccessFilter extends OncePerRequestFilter {

  private static final Pattern PARTNERSHIP_PATH = Pattern.compile("^/p/([^/]+)(/.*)?$");

  private final Accounts accounts;

  PartnershipAccessFilter(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher matcher = PARTNERSHIP_PATH.matcher(SecurityConfiguration.pathOf(request));
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!matcher.matches()
        || authentication == null
        || !(authentication.getPrincipal() instanceof SignedInUser user)) {
      chain.doFilter(request, response);
      return;
    }
    var access = accounts.access(user.accountId(), matcher.group(1));
    Optional<Partnership> partnership = access.map(Map.Entry::getKey);
    Set<Role> roles = access.map(Map.Entry::getValue).orElse(Set.of());
    if (roles.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    request.setAttribute(Partnership.REQUEST_ATTRIBUTE, partnership.get());
    request.setAttribute(CurrentRoles.REQUEST_ATTRIBUTE, new CurrentRoles(roles));
    List<SimpleGrantedAuthority> authorities =
        roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    SecurityContext original = SecurityContextHolder.getContext();
    SecurityContext scoped = SecurityContextHolder.createEmptyContext();
    scoped.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    SecurityContextHolder.setContext(scoped);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.setContext(original);
    }
  }
}
