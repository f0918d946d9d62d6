package org.ccrhub.security;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public address of this installation ({@code ccr.base-url}), from which every link meant to
 * leave the browser (an invitation, an unblock link) is built: never from the request's {@code
 * Host} header, which the client chooses.
 */
@Component
public class BaseUrl {

  private final String base;

  BaseUrl(@Value("${ccr.base-url:http://localhost:8080}") String baseUrl) {
    String trimmed = baseUrl.strip().replaceAll("/+$", "");
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "ccr.base-url '"
              + baseUrl
              + "' is not an address: use the form https://ccrhub.example.org");
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "ccr.base-url '"
              + baseUrl
              + "' is not an address: use the form https://ccrhub.example.org");
    }
    this.base = trimmed;
  }

  /** The full address of a path of this application, e.g. {@code /invitations/abc}. */
  public String of(String path) {
    return base + (path.startsWith("/") ? path : "/" + path);
  }
}
