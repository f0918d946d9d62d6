package org.ccrhub.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.apache.catalina.Globals;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.ccrhub.audit.AuditActor;
import org.ccrhub.shared.RequestIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * One line per request on the logger {@code org.ccrhub.request}, such as {@code request=3F2A9C01B7
 * method=GET route=/p/{slug}/plans/{planId} status=200 ms=12 account=17}: the {@linkplain
 * RequestIds request id}, the route's <em>pattern</em> (never the address itself, whose query may
 * hold the text of a search for a person), the final status, the time taken and the numeric id of
 * the signed-in account or API token's account, never an email or a name. Files such as stylesheets
 * and images, and health checks, that succeed are logged at DEBUG only, so that a load balancer's
 * probes and a page's assets do not bury the pages.
 *
 * <p>A Tomcat valve on the host writes the line: it runs after the engine's {@code RemoteIpValve}
 * (so it knows whether the request came through a trusted proxy, whose {@code X-Request-Id} it then
 * keeps) and around the error page, so it sees the final status and the whole time. A handler
 * interceptor, which runs inside the security filters, notes the route and the account.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class RequestLog implements WebMvcConfigurer {

  static final String LOGGER = "org.ccrhub.request";

  /** The MDC key of the account id (ECS's field, nested as {@code user.id} in the JSON log). */
  static final String ACCOUNT_MDC_KEY = "user.id";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final String ROUTE = RequestLog.class.getName() + ".route";
  private static final String ACCOUNT = RequestLog.class.getName() + ".account";
  private static final String QUIET = RequestLog.class.getName() + ".quiet";
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

  /**
   * Health addresses, which Spring Boot's endpoint mappings serve without the interceptor: fixed
   * addresses, so the line may name them.
   */
  private static final Set<String> HEALTH_ROUTES =
      Set.of(
          "/livez",
          "/readyz",
          "/actuator/health",
          "/actuator/health/liveness",
          "/actuator/health/readiness");

  @Bean
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> requestLogValve() {
    // on the host, after every engine valve (RemoteIpValve is one) and around the error page
    return factory ->
        factory.addContextCustomizers(
            context -> context.getParent().getPipeline().addValve(new Valve()));
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new Recorder());
  }

  /** What one line says. */
  record Line(
      String id,
      String method,
      String route,
      int status,
      long millis,
      @Nullable Long account,
      boolean quiet) {

    String message() {
      return "request=%s method=%s route=%s status=%d ms=%d account=%s"
          .formatted(id, method, route, status, millis, account == null ? "-" : account);
    }
  }

  /**
   * Writes the line: its parts also as key-value pairs, which the JSON log (ECS) shows as fields;
   * the request id and account are there already, from the MDC.
   */
  static void write(Logger log, Line line) {
    LoggingEventBuilder event = line.quiet() ? log.atDebug() : log.atInfo();
    event
        .addKeyValue("http.request.method", line.method())
        .addKeyValue("http.route", line.route())
        .addKeyValue("http.response.status_code", line.status())
        .addKeyValue("event.duration", line.millis() * 1_000_000)
        .log(line.message());
  }

  /** The route pattern, or "-" for a request that ended before reaching a page. */
  static String routeOf(HttpServletRequest request) {
    return request.getAttribute(ROUTE) instanceof String route ? route : "-";
  }

  static String methodOf(HttpServletRequest request) {
    String method = request.getMethod();
    return METHODS.contains(method) ? method : "OTHER";
  }

  static @Nullable Long accountOf(HttpServletRequest request) {
    return request.getAttribute(ACCOUNT) instanceof Long id ? id : null;
  }

  /** Writes the line at the end of each request, with the request's id in the MDC meanwhile. */
  static final class Valve extends ValveBase {

    Valve() {
      super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
      long start = System.nanoTime();
      String sent = request.getHeader(RequestIds.HEADER);
      boolean throughTrustedProxy =
          Boolean.TRUE.equals(request.getAttribute(Globals.REQUEST_FORWARDED_ATTRIBUTE));
      String id = throughTrustedProxy && RequestIds.acceptable(sent) ? sent : RequestIds.generate();
      request.setAttribute(RequestIds.ATTRIBUTE, id);
      response.setHeader(RequestIds.HEADER, id);
      MDC.put(RequestIds.MDC_KEY, id);
      try {
        getNext().invoke(request, response);
      } finally {
        try {
          Long account = accountOf(request);
          if (account != null) {
            MDC.put(ACCOUNT_MDC_KEY, account.toString());
          }
          String route = routeOf(request);
          boolean health = HEALTH_ROUTES.contains(request.getRequestURI());
          if (health && route.equals("-")) {
            route = request.getRequestURI();
          }
          int status = response.getStatus();
          boolean quiet =
              status < 400 && (health || Boolean.TRUE.equals(request.getAttribute(QUIET)));
          write(
              LOG,
              new Line(
                  id,
                  methodOf(request),
                  route,
                  status,
                  (System.nanoTime() - start) / 1_000_000,
                  account,
                  quiet));
        } finally {
          MDC.remove(RequestIds.MDC_KEY);
          MDC.remove(ACCOUNT_MDC_KEY);
        }
      }
    }
  }

  /**
   * Notes, inside the security filters, the route of the request as first dispatched (not of the
   * error page it may end on), whether it serves a file, and the account; and sends the request id
   * again if something cleared the headers.
   */
  static final class Recorder implements HandlerInterceptor {

    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      if (request.getDispatcherType() == DispatcherType.REQUEST
          && request.getAttribute(ROUTE) == null) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern != null) {
          request.setAttribute(ROUTE, pattern.toString());
        }
        if (handler instanceof ResourceHttpRequestHandler) {
          request.setAttribute(QUIET, Boolean.TRUE);
        }
      }
      if (request.getAttribute(ACCOUNT) == null) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuditActor actor) {
          request.setAttribute(ACCOUNT, actor.accountId());
        }
      }
      Long account = accountOf(request);
      if (account != null) {
        MDC.put(ACCOUNT_MDC_KEY, account.toString());
      }
      if (!response.isCommitted() && !response.containsHeader(RequestIds.HEADER)) {
        response.setHeader(RequestIds.HEADER, RequestIds.of(request));
      }
      return true;
    }

    @Override
    public void afterCompletion(
        HttpServletRequest request,
        HttpServletResponse response,
        Object handler,
        @Nullable Exception exception) {
      // the valve puts it back for its line; nothing else on this thread may carry it on
      MDC.remove(ACCOUNT_MDC_KEY);
    }
  }
}
