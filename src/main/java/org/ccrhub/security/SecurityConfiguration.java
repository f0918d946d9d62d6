package org.ccrhub.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.ccrhub.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

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
      List.of(
          "/assets/",
          "/govuk/",
          "/css/",
          "/js/",
          "/public/",
          "/actuator/health",
          SignInAlerts.UNBLOCK_PATH);
  private static final List<String> PUBLIC_PAGES =
      List.of(
          SIGN_IN,
          SignInCodeController.CODE_PATH,
          SignInCodeController.RECOVERY_CODE_PATH,
          "/login",
          "/accessibility",
          "/api-reference",
          "/privacy",
          "/error",
          "/favicon.ico",
          // health for load balancers and containers (application.properties, ADR 23)
          "/livez",
          "/readyz");

  /**
   * Metrics are served only on the management port, when one is set (ADR 23), and only to what can
   * reach that port: the parent's security filters guard it too, so they let this one path through
   * there and nowhere else.
   */
  static final String PROMETHEUS = "/actuator/prometheus";

  /** An invitation's page is open to whoever has its link; accepting as a member is not. */
  private static final Pattern INVITATION = Pattern.compile("^/invitations/[^/]+$");

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  static boolean isPublic(String path) {
    return PUBLIC_PAGES.contains(path)
        || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)
        || INVITATION.matcher(path).matches();
  }

  /**
   * Whether the request came to a management server's own port (none unless it is configured:
   * without one, Spring Boot makes {@code local.management.port} the main server's port).
   */
  static boolean onManagementPort(HttpServletRequest request, Environment environment) {
    String port = environment.getProperty("local.management.port");
    return port != null
        && !port.equals(environment.getProperty("local.server.port"))
        && port.equals(Integer.toString(request.getLocalPort()));
  }

  @Bean
  SignInHandlers signInHandlers(
      Accounts accounts,
      TypedEmails emails,
      SignInThrottle throttle,
      SignInAlerts alerts,
      AuditTrail audit,
      TwoFactorEnrolments twoFactor,
      Clock clock) {
    return new SignInHandlers(accounts, emails, throttle, alerts, audit, twoFactor, clock);
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      SignInHandlers signIn,
      Accounts accounts,
      TwoFactorEnrolments twoFactor,
      Clock clock,
      @Value("${ccr.session.absolute-lifetime:12h}") Duration absoluteLifetime,
      ObjectProvider<UnsavedWork> unsavedWork,
      Environment environment)
      throws Exception {
    SignedOut signedOut = new SignedOut(unsavedWork.orderedStream().toList());
    http.authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(request -> isPublic(pathOf(request)))
                    .permitAll()
                    .requestMatchers(
                        request ->
                            PROMETHEUS.equals(pathOf(request))
                                && onManagementPort(request, environment))
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
                    .successHandler(signIn.success())
                    .failureHandler(signIn.failure()))
        .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl(SIGN_IN + "?signedOut"))
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .exceptionHandling(
            exceptions -> exceptions.accessDeniedHandler(new SignedOutAccessDenied(signedOut)))
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
            new SessionLifetimeFilter(clock, absoluteLifetime, signedOut),
            SecurityContextHolderFilter.class)
        .addFilterBefore(new ExpiredSessionFilter(signedOut), CsrfFilter.class)
        .addFilterBefore(signIn.guard(), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new PasswordChangeFilter(), AuthorizationFilter.class)
        .addFilterBefore(new TwoFactorFilter(twoFactor), AuthorizationFilter.class)
        .addFilterBefore(new PartnershipAccessFilter(accounts), AuthorizationFilter.class);
    return http.build();
  }
}
