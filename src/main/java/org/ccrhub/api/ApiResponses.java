package org.ccrhub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of {@code /api/**}: refuses a body declared over the limit (413) before
 * anything reads it, and limits one sent without a length (413 too when a filter below reads it);
 * refuses a multipart body (415), which the container would read itself, past the limit; answers
 * every error status sent by anything below it (the security chain, Spring MVC, the container's
 * error handling) with a problem rather than an error page; and answers an exception that escapes
 * everything with a 500 problem carrying a reference, never its message.
 */
final class ApiResponses extends OncePerRequestFilter {

  private final long maxBodyBytes;

  ApiResponses(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBodyBytes) {
      ApiProblems.write(
          response,
          ApiProblems.of(
              413, "The request body is too large: send at most " + maxBodyBytes + " bytes"));
      return;
    }
    if (isMultipart(request)) {
      // no endpoint takes a form upload, and the container would read one past the limit
      ApiProblems.write(response, ApiProblems.of(415));
      return;
    }
    response.setHeader("Cache-Control", "private, no-cache");
    HttpServletResponse problems =
        new HttpServletResponseWrapper(response) {
          @Override
          public void sendError(int status) throws IOException {
            ApiProblems.write(response, ApiProblems.of(status));
          }

          @Override
          public void sendError(int status, String message) throws IOException {
            // the message may be an exception's: never shown
            ApiProblems.write(response, ApiProblems.of(status));
          }
        };
    try {
      chain.doFilter(new RequestBodyLimit(request, maxBodyBytes), problems);
    } catch (RuntimeException | ServletException | IOException e) {
      if (response.isCommitted()) {
        throw e;
      }
      ApiProblems.write(
          response,
          ApiErrors.causedBy(e, RequestBodyLimit.TooLargeException.class)
              ? ApiProblems.of(413)
              : ApiErrors.failed(e, request));
    }
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String contentType = request.getContentType();
    return contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10);
  }
}
