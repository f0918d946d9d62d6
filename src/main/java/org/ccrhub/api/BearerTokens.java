package org.ccrhub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.shared.Partnership;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer ccr_...} on the API's chain (and nowhere else): the
 * token's caller with the roles they hold now, counted against the token's rate limit, and only in
 * the token's partnership: a {@code /api/v1/partnerships/{slug}} of any other is not found. Without
 * the header the request goes on unauthenticated (the open addresses need none; the others answer
 * 401 from the entry point).
 */
final class BearerTokens extends OncePerRequestFilter {

  static final String CHALLENGE = "Bearer realm=\"CCR Hub API\"";
  private static final Pattern PARTNERSHIP_PATH =
      Pattern.compile("^/api/v1/partnerships/([^/]+)(/.*)?$");

  private final ApiTokens tokens;
  private final ApiRateLimit rateLimit;

  BearerTokens(ApiTokens tokens, ApiRateLimit rateLimit) {
    this.tokens = tokens;
    this.rateLimit = rateLimit;
  }

  static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The addresses that need no token: the description and the published data. */
  static boolean isOpen(String path) {
    return path.equals("/api/openapi.json")
        || path.startsWith("/api/openapi.json/")
        || path.equals("/api/openapi.json.yaml")
        || path.startsWith("/api/v1/public/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = pathOf(request);
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (isOpen(path) || header == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiCaller> found =
        header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? tokens.authenticate(header.substring(7).strip())
            : Optional.empty();
    if (found.isEmpty()) {
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE,
          CHALLENGE + ", error=\"invalid_token\", error_description=\"The token is not valid\"");
      ApiProblems.write(
          response,
          ApiProblems.of(
              401,
              "The API token is not valid: it is wrong, has expired or was revoked, or its user no"
                  + " longer belongs to its partnership"));
      return;
    }
    ApiCaller caller = found.get();
    OptionalLong wait = rateLimit.count(caller.tokenId());
    if (wait.isPresent()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.getAsLong()));
      ApiProblems.write(
          response,
          ApiProblems.of(
              429,
              "Too many requests with this token: wait "
                  + wait.getAsLong()
                  + " seconds and retry"));
      return;
    }
    Matcher partnershipPath = PARTNERSHIP_PATH.matcher(path);
    if (partnershipPath.matches()
        && !partnershipPath.group(1).equals(caller.partnership().slug())) {
      ApiProblems.write(response, ApiProblems.of(404));
      return;
    }
    request.setAttribute(Partnership.REQUEST_ATTRIBUTE, caller.partnership());
    request.setAttribute(CurrentRoles.REQUEST_ATTRIBUTE, caller.currentRoles());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            caller,
            null,
            caller.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
