package org.ccrhub.api;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.util.List;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's own security chain, kept apart from the browser's by path (ADR 21): for {@code /api/**}
 * only, before the browser's chain; stateless, so it neither reads nor makes a session (a session
 * cookie signs nobody in here) and needs no CSRF token; a bearer token is the only way in, and the
 * browser's chain never looks for one. Around it: problem answers for every error, the body limit
 * and {@code ETag}s.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiConfiguration implements WebMvcConfigurer {

  static {
    // the caller and the partnership are the token's, never parameters of a request
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(ApiCaller.class, Partnership.class);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurityFilterChain(
      HttpSecurity http, ApiTokens tokens, ApiRateLimit rateLimit) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(request -> BearerTokens.isOpen(BearerTokens.pathOf(request)))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(
            context ->
                context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .anonymous(anonymous -> {})
        .cors(cors -> cors.disable())
        .addFilterBefore(publicCors(), HeaderWriterFilter.class)
        .headers(
            headers ->
                headers
                    .cacheControl(cache -> cache.disable())
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                    .frameOptions(frame -> frame.deny()))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(
                        (request, response, e) -> {
                          response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BearerTokens.CHALLENGE);
                          ApiProblems.write(response, ApiProblems.of(401));
                        })
                    .accessDeniedHandler(
                        (request, response, e) -> ApiProblems.write(response, ApiProblems.of(403))))
        .addFilterBefore(new BearerTokens(tokens, rateLimit), AnonymousAuthenticationFilter.class);
    return http.build();
  }

  /**
   * Published data may be read by any website's scripts; nothing else is open to them. A request
   * CORS refuses (a preflight for a method or an origin not allowed) is answered with a problem
   * like any other refusal.
   */
  private static CorsFilter publicCors() {
    CorsConfiguration open = new CorsConfiguration();
    open.addAllowedOrigin("*");
    open.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
    open.addAllowedHeader("*");
    open.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LINK, "X-Total-Count"));
    open.setAllowCredentials(false);
    open.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/v1/public/**", open);
    CorsFilter filter = new CorsFilter(source);
    filter.setCorsProcessor(
        new DefaultCorsProcessor() {
          @Override
          protected void rejectRequest(ServerHttpResponse response) throws IOException {
            if (response instanceof ServletServerHttpResponse servlet) {
              ApiProblems.write(
                  servlet.getServletResponse(),
                  ApiProblems.of(403, "Other websites may only read published data, with GET"));
            } else {
              super.rejectRequest(response);
            }
          }
        });
    return filter;
  }

  /** Outside the security chain, so that its answers are problems too. */
  @Bean
  FilterRegistrationBean<ApiResponses> apiResponses(
      @Value("${ccr.api.max-body-size:1MB}") DataSize maxBodySize) {
    FilterRegistrationBean<ApiResponses> registration =
        new FilterRegistrationBean<>(new ApiResponses(maxBodySize.toBytes()));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  /** An {@code ETag} on every successful GET, and 304 for a matching {@code If-None-Match}. */
  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
        new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    return registration;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerResolver());
  }

  /** Resolves an {@link ApiCaller} parameter to the caller of the API request. */
  static final class CallerResolver implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == ApiCaller.class;
    }

    @Override
    public ApiCaller resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer mavContainer,
        NativeWebRequest webRequest,
        WebDataBinderFactory binderFactory) {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication != null && authentication.getPrincipal() instanceof ApiCaller caller) {
        return caller;
      }
      throw new NotFoundException("Caller");
    }
  }
}
