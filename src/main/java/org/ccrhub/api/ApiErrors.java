package org.ccrhub.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.ccrhub.shared.BusyException;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.RequestIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception under {@code /api/**} into a problem response, before the screens' error
 * handling sees it (which would render an error page). Other addresses are left to the screens.
 */
@Component
class ApiErrors implements HandlerExceptionResolver, Ordered {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public @Nullable ModelAndView resolveException(
      HttpServletRequest request,
      HttpServletResponse response,
      @Nullable Object handler,
      Exception exception) {
    if (!isApi(request)) {
      return null;
    }
    try {
      ProblemDetail problem = problemFor(exception, request, response);
      ApiProblems.write(response, problem);
    } catch (IOException e) {
      log.debug("Could not write a problem response", e);
    }
    return new ModelAndView();
  }

  private ProblemDetail problemFor(
      Exception exception, HttpServletRequest request, HttpServletResponse response) {
    if (exception instanceof ContentRejectedException rejected) {
      ProblemDetail problem =
          ApiProblems.of(
              422,
              rejected.problems().size() == 1
                  ? "There is 1 problem in the request: nothing was changed"
                  : "There are "
                      + rejected.problems().size()
                      + " problems in the request: nothing was changed");
      problem.setProperty("errors", rejected.problems().stream().map(ApiErrors::asMap).toList());
      return problem;
    }
    if (exception instanceof NotFoundException
        || exception instanceof NoResourceFoundException
        || exception instanceof NoHandlerFoundException) {
      return ApiProblems.of(404);
    }
    if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
      return mismatch.getParameter().hasParameterAnnotation(PathVariable.class)
          ? ApiProblems.of(404)
          : ApiProblems.of(400, "The value of '" + mismatch.getName() + "' is not valid");
    }
    if (exception instanceof MissingServletRequestParameterException missing) {
      return ApiProblems.of(400, "Give the parameter '" + missing.getParameterName() + "'");
    }
    if (exception instanceof BusyException) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "60");
      return ApiProblems.of(503);
    }
    if (exception instanceof InvalidInputException) {
      // its messages are written for people, as forms show them
      return ApiProblems.of(400, exception.getMessage());
    }
    if (exception instanceof HttpMessageNotReadableException) {
      return causedBy(exception, RequestBodyLimit.TooLargeException.class)
          ? ApiProblems.of(413)
          : ApiProblems.of(
              400, "The request body is not valid JSON, or a value in it is of the wrong type");
    }
    if (exception instanceof HttpMediaTypeNotSupportedException) {
      return ApiProblems.of(415);
    }
    if (exception instanceof HttpMediaTypeNotAcceptableException) {
      return ApiProblems.of(406);
    }
    if (exception instanceof HttpRequestMethodNotSupportedException notSupported) {
      if (notSupported.getSupportedHttpMethods() != null) {
        response.setHeader(
            HttpHeaders.ALLOW,
            String.join(
                ", ",
                notSupported.getSupportedHttpMethods().stream().map(Object::toString).toList()));
      }
      return ApiProblems.of(405);
    }
    if (exception instanceof ApiForbiddenException forbidden) {
      return ApiProblems.of(403, forbidden.getMessage());
    }
    if (exception instanceof AccessDeniedException) {
      return ApiProblems.of(403);
    }
    if (exception instanceof ConcurrentChangeException) {
      return ApiProblems.of(409);
    }
    return failed(exception, request);
  }

  /** An unexpected failure: logged with a reference to quote, which the answer gives. */
  static ProblemDetail failed(Throwable exception, HttpServletRequest request) {
    String reference = RequestIds.of(request);
    // the route's pattern, never the address, which may hold what the client typed
    Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    log.error(
        "Error reference {}: status 500 on route {}",
        reference,
        route == null ? "-" : route,
        exception);
    ProblemDetail problem =
        ApiProblems.of(
            500, "Sorry, there is a problem with the service. Quote reference " + reference);
    problem.setProperty("reference", reference);
    return problem;
  }

  static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> asMap(ContentRejectedException.Problem problem) {
    var map = new java.util.LinkedHashMap<String, Object>();
    if (problem.row() != null) {
      map.put("row", problem.row());
    }
    if (problem.field() != null) {
      map.put("field", problem.field());
    }
    map.put("value", problem.value());
    map.put("reason", problem.reason());
    return map;
  }
}
