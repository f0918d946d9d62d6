package org.ccrhub.web;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.ccrhub.shared.BusyException;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.RequestIds;
import org.ccrhub.shared.TooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Error pages that say what went wrong in plain words with a reference to quote to support, and
 * never an exception message or stack trace. The reference goes to the log with the cause.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ErrorHandling {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  /**
   * The request attribute that carries a refusal's message, written for the person, to the page.
   */
  private static final String ADVICE = ErrorHandling.class.getName() + ".advice";

  @Bean
  DefaultErrorAttributes errorAttributes() {
    return new DefaultErrorAttributes() {
      @Override
      public Map<String, Object> getErrorAttributes(
          WebRequest webRequest, ErrorAttributeOptions options) {
        Map<String, Object> attributes =
            super.getErrorAttributes(webRequest, ErrorAttributeOptions.defaults());
        // the request's id, so that the reference a person quotes finds the request log line
        String reference =
            webRequest instanceof ServletWebRequest servlet
                ? RequestIds.of(servlet.getRequest())
                : RequestIds.generate();
        // the route's pattern, never the address: it may hold a secret link's token, or an email
        // or a name someone typed or bookmarked (the request log line says the same)
        String route =
            webRequest instanceof ServletWebRequest servlet
                ? RequestLog.routeOf(servlet.getRequest())
                : "-";
        attributes.put("reference", reference);
        Throwable error = getError(webRequest);
        Object status = attributes.get("status");
        if (Integer.valueOf(500).equals(status)) {
          log.error("Error reference {}: status {} on route {}", reference, status, route, error);
        } else {
          log.info("Error reference {}: status {} on route {}", reference, status, route);
        }
        attributes.put("heading", heading(status));
        if (webRequest.getAttribute(ADVICE, RequestAttributes.SCOPE_REQUEST)
            instanceof String advice) {
          attributes.put("advice", advice);
        }
        attributes
            .keySet()
            .retainAll(Set.of("status", "path", "timestamp", "reference", "heading", "advice"));
        return attributes;
      }
    };
  }

  /**
   * Pages stream as they render, so that a page of 100,000 rows needs no more memory than one of
   * ten; the first {@value #HELD_BACK} bytes are held back, so that a page that fails within them
   * (nearly every page is shorter) still shows the whole error page. One that fails later can only
   * be cut off; its error is logged all the same.
   */
  @Bean
  FilterRegistrationBean<Filter> holdBackTheStartOfEachPage() {
    Filter filter =
        (request, response, chain) -> {
          response.setBufferSize(HELD_BACK);
          chain.doFilter(request, response);
        };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  static final int HELD_BACK = 128 * 1024;

  private static String heading(Object status) {
    if (!(status instanceof Integer code)) {
      return "Sorry, there is a problem with the service";
    }
    return switch (code) {
      case 400 -> "There is a problem with your request";
      case 403 -> "You do not have permission to see this page";
      case 404, 405 -> "Page not found";
      case 409 -> "Someone else changed this at the same time";
      case 422 -> "This file is too large to make";
      case 503 -> "Sorry, the service is busy";
      default -> "Sorry, there is a problem with the service";
    };
  }

  /** Domain exceptions become the right status; the error page explains it. */
  @ControllerAdvice
  static class Exceptions {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /**
     * A value of the wrong kind in the address: an id that is not a number names no page (404); a
     * query or form value that is not a number, say, is a bad request (400).
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response)
        throws IOException {
      response.sendError(
          e.getParameter().hasParameterAnnotation(PathVariable.class)
              ? HttpServletResponse.SC_NOT_FOUND
              : HttpServletResponse.SC_BAD_REQUEST);
    }

    /** Bad input, and a form field that no form has (a tampered list index, say). */
    @ExceptionHandler({
      InvalidInputException.class,
      org.springframework.beans.InvalidPropertyException.class
    })
    void badRequest(HttpServletResponse response) throws IOException {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    /**
     * Too much heavy work running at once (files being made, say): 503, with the refusal's own
     * message, which says what was busy and when to try again.
     */
    @ExceptionHandler(BusyException.class)
    void busy(BusyException e, HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      request.setAttribute(ADVICE, e.getMessage());
      response.setHeader(HttpHeaders.RETRY_AFTER, "60");
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    /** A file too large to make (a PDF of thousands of pages): 422, saying what to ask for. */
    @ExceptionHandler(TooLargeException.class)
    void tooLarge(TooLargeException e, HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      request.setAttribute(ADVICE, e.getMessage());
      response.sendError(422);
    }

    @ExceptionHandler(ConcurrentChangeException.class)
    void conflict(HttpServletResponse response) throws IOException {
      response.sendError(HttpServletResponse.SC_CONFLICT);
    }
  }
}
