package org.ccrhub.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details, the body of every {@code /api/**} answer that is not a success: the
 * status, its standard title, and a plain sentence saying what to do, as the screens would say it;
 * never an exception's message or a stack trace.
 */
final class ApiProblems {

  static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ApiProblems() {}

  /** A problem with the plain sentence for its status. */
  static ProblemDetail of(int status) {
    return of(status, plainDetail(status));
  }

  static ProblemDetail of(int status, String detail) {
    HttpStatus known = HttpStatus.resolve(status);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
    problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
    return problem;
  }

  /** What each status says, in the screens' words, when nothing more particular is known. */
  static String plainDetail(int status) {
    return switch (status) {
      case 400 -> "There is a problem with the request";
      case 401 -> "Give a valid personal access token in the Authorization header: Bearer ccr_...";
      case 403 -> "Your roles in this partnership do not allow this";
      case 404 -> "Not found: check the address";
      case 405 -> "This address does not take that method";
      case 406 -> "This address answers only with JSON";
      case 409 -> "Someone else changed this at the same time: read it again and retry";
      case 413 -> "The request body is too large";
      case 415 -> "Send the body as JSON (Content-Type: application/json)";
      case 429 -> "Too many requests with this token: wait and retry";
      case 503 -> "The service is busy: retry in a minute";
      default -> "Sorry, there is a problem with the service";
    };
  }

  /** Writes the problem as the whole response, unless the response has already started. */
  static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(problem.getStatus());
    response.setContentType(PROBLEM_JSON.toString());
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(JSON.writeValueAsString(asMap(problem)));
    response.flushBuffer();
  }

  /**
   * The members of RFC 9457 first, then the extensions (e.g. {@code errors}, {@code reference}).
   */
  static Map<String, @Nullable Object> asMap(ProblemDetail problem) {
    Map<String, @Nullable Object> body = new LinkedHashMap<>();
    URI type = problem.getType();
    body.put("type", type == null ? "about:blank" : type.toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    if (problem.getDetail() != null) {
      body.put("detail", problem.getDetail());
    }
    if (problem.getInstance() != null) {
      body.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return body;
  }
}
