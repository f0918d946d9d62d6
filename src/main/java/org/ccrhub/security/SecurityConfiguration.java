package org.ccrhub.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in, sessions, headers and which pages need which role. Partnership pages are further guarded
 * by {@link PartnershipAccessFilter}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableWebSecurity
class SecurityConfiguration {

  static final String SIGN_IN = "/sign-in";

  private static final List<String> PUBLIC_PREFIXES =
      List.of("/assets/", "/govuk/", "/css/", "/js/", "/public/", "/actuator/health");
  private static final List<String> PUBLIC_PAGES =
      List.of(SIGN_IN, "/accessibility", "/privacy", "/error", "/favicon.ico");

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  static boolean isPublic(String path) {
    return PUBLIC_PAGES.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, Accounts accounts, SignInThrottle throttle, AuditTrail audit)
      throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(request -> isPublic(pathOf(request)))
                    .permitAll()
                    .requestMatchers("/p/*/admin/**")
                    .hasRole(Role.PARTNERSHIP_ADMIN.name())
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage(SIGN_IN)
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .successHandler(new SignInSucceeded(accounts))
                    .failureHandler(
                        (request, response, exception) ->
                            signInFailed(request, response, exception, accounts, throttle)))
        .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl(SIGN_IN + "?signedOut"))
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .permissionsPolicyHeader(
                        permissions ->
                            permissions.policy("camera=(), microphone=(), geolocation=()")))
        .addFilterBefore(
            new AddressThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new PasswordChangeFilter(), AuthorizationFilter.class)
        .addFilterBefore(new PartnershipAccessFilter(accounts), AuthorizationFilter.class);
    return http.build();
  }

  private static void signInFailed(
      HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationException exception,
      Accounts accounts,
      SignInThrottle throttle)
      throws IOException {
    String email = request.getParameter("email");
    accounts.signInFailed(email == null ? "" : email, exception instanceof LockedException);
    throttle.failed(request.getRemoteAddr());
    response.sendRedirect(request.getContextPath() + SIGN_IN + "?error");
  }

  /** Clears the failure count, records the sign-in, and sends a one-time password holder on. */
  private static final class SignInSucceeded extends SavedRequestAwareAuthenticationSuccessHandler {
    private final Accounts accounts;

    SignInSucceeded(Accounts accounts) {
      this.accounts = accounts;
      setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
        HttpServletRequest request, HttpServletResponse response, Authentication authentication)
        throws ServletException, IOException {
      SignedInUser user = (SignedInUser) authentication.getPrincipal();
      accounts.signedIn(user.accountId(), user.email());
      if (user.mustChangePassword()) {
        clearAuthenticationAttributes(request);
        response.sendRedirect(request.getContextPath() + PasswordChangeFilter.CHANGE_PASSWORD_PATH);
        return;
      }
      super.onAuthenticationSuccess(request, response, authentication);
    }
  }

  /** Refuses sign-in attempts from an address that has failed too often, before any check. */
  private static final class AddressThrottleFilter extends OncePerRequestFilter {
    private final SignInThrottle throttle;
    private final AuditTrail audit;

    AddressThrottleFilter(SignInThrottle throttle, AuditTrail audit) {
      this.throttle = throttle;
      this.audit = audit;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if ("POST".equals(request.getMethod())
          && SIGN_IN.equals(pathOf(request))
          && throttle.isBlocked(request.getRemoteAddr())) {
        String email = request.getParameter("email");
        audit.recordFor(
            email == null || email.isBlank() ? "(no email given)" : email.trim(),
            null,
            new AuditEntry(
                "SIGN_IN_FAILED",
                "Account",
                null,
                null,
                AuditEntry.Outcome.DENIED,
                "Sign-in refused: too many failed sign-ins from this address"));
        response.sendRedirect(request.getContextPath() + SIGN_IN + "?throttled");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
