package org.ccrhub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every redirect CCR Hub sends is relative ({@code Location: /p/x}), so none can carry the {@code
 * Host} header a client chose: absolute addresses that Spring Security builds from the request (the
 * sign-in page, a saved request) lose their scheme and host here, and Tomcat is told not to add
 * them back ({@code server.tomcat.use-relative-redirects=true}). Links that leave the browser use
 * {@link BaseUrl}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class RelativeRedirects {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> relativeRedirectsFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                chain.doFilter(request, new Relative(response));
              }
            });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** The path, query and fragment of a location, never a scheme or host. */
  static String relative(String location) {
    URI uri;
    try {
      uri = new URI(location.strip());
    } catch (URISyntaxException e) {
      return "/";
    }
    String result = location.strip();
    if (uri.getScheme() != null || uri.getRawAuthority() != null) {
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      result =
          path
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
              + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }
    // "//host" and "/\host" are read by browsers as another host
    return result.replaceFirst("^[/\\\\]{2,}", "/");
  }

  private static final class Relative extends HttpServletResponseWrapper {

    Relative(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      sendRedirect(location, SC_FOUND, true);
    }

    /**
     * Sets the status and the relative location itself: Tomcat's own redirect makes the location
     * absolute again, from the Host header, for an HTTP/1.0 request (as nginx sends by default).
     */
    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
      if (isCommitted()) {
        throw new IllegalStateException("The response is already committed");
      }
      if (clearBuffer) {
        resetBuffer();
      }
      setStatus(sc);
      super.setHeader("Location", relative(location));
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, "Location".equalsIgnoreCase(name) ? relative(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, "Location".equalsIgnoreCase(name) ? relative(value) : value);
    }
  }
}
