package org.ccrhub;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client over real HTTP that keeps the session cookie by hand (Java's cookie handler rightly
 * never returns a Secure cookie over plain HTTP, which browsers allow on localhost), follows no
 * redirects, and can send each request with extra headers.
 */
public final class HttpBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient client = HttpClient.newHttpClient();
  private int port;
  private String cookie;

  public HttpBrowser(int port) {
    this.port = port;
  }

  /** The next requests go to the server on this port, with the same cookie. */
  public HttpBrowser on(int port) {
    this.port = port;
    return this;
  }

  public String cookie() {
    return cookie;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** Sends the sign-in form of a fresh page, from the given X-Forwarded-For if not null. */
  public HttpResponse<String> signIn(String email, String password, String forwardedFor)
      throws Exception {
    return post(
        "/sign-in", "email=" + encode(email) + "&password=" + encode(password), forwardedFor);
  }

  /** Posts a form with the CSRF token of the page at the same address (or the sign-in page). */
  public HttpResponse<String> post(String path, String form, String forwardedFor) throws Exception {
    Matcher csrf = CSRF.matcher(get("/sign-in").body());
    if (!csrf.find()) {
      csrf = CSRF.matcher(get("/account/password").body());
      csrf.find();
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf.group(1))));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return send(request);
  }

  /**
   * Posts a form with one file (multipart), with the CSRF token of the page at {@code formPage}, as
   * a browser sends the form it shows.
   */
  public HttpResponse<String> postFile(
      String formPage,
      String path,
      java.util.Map<String, String> fields,
      String fileField,
      String fileName,
      byte[] content)
      throws Exception {
    Matcher csrf = CSRF.matcher(get(formPage).body());
    if (!csrf.find()) {
      throw new IllegalStateException("No CSRF token on " + formPage);
    }
    String boundary = "----ccr" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>(fields);
    all.put("_csrf", csrf.group(1));
    for (var field : all.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Posts a form with the CSRF token of the page at {@code formPage}. */
  public HttpResponse<String> postForm(String formPage, String path, String form) throws Exception {
    Matcher csrf = CSRF.matcher(get(formPage).body());
    if (!csrf.find()) {
      throw new IllegalStateException("No CSRF token on " + formPage);
    }
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf.group(1)))));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    request.header("Accept", "text/html");
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("CCRSESSION="))
        .findFirst()
        .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
    return response;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
