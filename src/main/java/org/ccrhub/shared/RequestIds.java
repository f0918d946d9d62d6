package org.ccrhub.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Each request's id: in the request log line, in the {@code X-Request-Id} response header, in the
 * log's MDC while the request runs, and shown as the reference on an error page or in an API error,
 * so that a reference someone quotes finds the request in the log. It is made here (ten hexadecimal
 * characters, short enough to read out on the phone) unless a trusted proxy sent one ({@code
 * web/RequestLog}, which writes the line).
 */
public final class RequestIds {

  /** The response header, and the header a trusted proxy may send. */
  public static final String HEADER = "X-Request-Id";

  /** The MDC key (ECS's field name, so the JSON log nests it as {@code http.request.id}). */
  public static final String MDC_KEY = "http.request.id";

  /** The request attribute that holds it. */
  public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestIds() {}

  /**
   * The request's id; a request that did not come through the server's request log (MockMvc, say)
   * is given one here, the same for the rest of the request.
   */
  public static String of(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof String id) {
      return id;
    }
    String id = generate();
    request.setAttribute(ATTRIBUTE, id);
    return id;
  }

  /** A new id. */
  public static String generate() {
    byte[] bytes = new byte[5];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }

  /** Whether an id a proxy sent may be used: letters, digits, '.', '_' and '-', at most 64. */
  public static boolean acceptable(@Nullable String id) {
    return id != null && ACCEPTED.matcher(id).matches();
  }
}
