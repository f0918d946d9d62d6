package org.ccrhub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the size limit goes back to its import page ({@code /p/SLUG/FEATURE/import}:
 * plans, indicators), which says the file is too large. The filter looks at the declared size
 * before anything reads the body: once the server has tried to read an oversized form, its fields
 * (the CSRF token too) are lost and the request fails before any controller could explain. The
 * handler covers a size exception that reaches Spring MVC.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class UploadLimit {

  /** The pages that take a file: imports, and the files kept with information sharing records. */
  private static final Pattern UPLOAD_PATH =
      Pattern.compile("/p/[a-z0-9-]+/(?:[a-z]+/import|sharing/[a-z]+/\\d{1,18}/files/new)");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> planUploadLimit(
      @Value("${spring.servlet.multipart.max-file-size:25MB}") DataSize limit) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new TooLargeFilter(limit.toBytes()));
    registration.addUrlPatterns("/p/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** The page the file was sent from, saying it was too large. */
  private static String uploadPage(HttpServletRequest request, Matcher path) {
    return request.getContextPath() + path.group() + "?tooLarge=true";
  }

  /** Refuses an upload to the import page whose declared length is over the limit. */
  static final class TooLargeFilter extends OncePerRequestFilter {
    private final long limit;

    TooLargeFilter(long limit) {
      this.limit = limit;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher path =
          UPLOAD_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      if ("POST".equals(request.getMethod())
          && path.matches()
          && request.getContentLengthLong() > limit) {
        response.sendRedirect(uploadPage(request, path));
        return;
      }
      chain.doFilter(request, response);
    }
  }

  /** A size exception that reaches Spring MVC: back to the import page for uploads. */
  @ControllerAdvice
  static class Handler {
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Matcher path =
          UPLOAD_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      if (path.matches()) {
        response.sendRedirect(uploadPage(request, path));
        return;
      }
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    }
  }
}
