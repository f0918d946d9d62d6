package org.ccrhub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * What happens to a request that comes after the person was signed out (the session timed out,
 * reached its absolute lifetime, or is gone): instead of a refusal, they are sent to sign in with a
 * notice saying why, and then back to where they were. What they had sent from a form that {@link
 * UnsavedWork} keeps is kept in the new session for that form. A request made by a script (htmx,
 * the timeout warning) gets a bare 401 instead of a page; the page's script then reloads.
 */
final class SignedOut {

  /** Why a person was signed out, and the parameter of the sign-in page that says so. */
  enum Reason {
    /** Nothing was done for the idle timeout. */
    TIMEOUT("timeout"),
    /** The absolute lifetime since signing in ended. */
    LIFETIME("expired"),
    /** The session is gone for another reason (signed out in another tab, cookies cleared). */
    ENDED("ended");

    final String parameter;

    Reason(String parameter) {
      this.parameter = parameter;
    }
  }

  /** What the sign-in page tells the person, kept in the new session until it is shown. */
  record Notice(Reason reason, boolean kept) implements Serializable {}

  static final String NOTICE = SignedOut.class.getName() + ".NOTICE";

  /** Where Spring Security's {@code HttpSessionRequestCache} keeps the page to return to. */
  static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

  private final List<UnsavedWork> unsavedWork;

  SignedOut(List<UnsavedWork> unsavedWork) {
    this.unsavedWork = List.copyOf(unsavedWork);
  }

  /** Whether a script rather than the person made the request (htmx, fetch). */
  static boolean fromScript(HttpServletRequest request) {
    if (request.getHeader("HX-Request") != null || request.getHeader("X-Requested-With") != null) {
      return true;
    }
    String mode = request.getHeader("Sec-Fetch-Mode");
    return mode != null && !mode.equals("navigate") && !mode.equals("nested-navigate");
  }

  /**
   * Sends the person to sign in, in a new session that keeps where to return to and what they had
   * typed. The old session must be gone or invalidated already.
   */
  void toSignIn(HttpServletRequest request, HttpServletResponse response, Reason reason)
      throws IOException {
    HttpSession session = request.getSession(true);
    Optional<String> kept = keep(request, session);
    Optional<String> back = kept;
    if (kept.isEmpty() && "GET".equals(request.getMethod()) && !fromScript(request)) {
      back =
          Optional.of(
              SecurityConfiguration.pathOf(request)
                  + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    }
    back.ifPresent(path -> session.setAttribute(SAVED_REQUEST, new SimpleSavedRequest(path)));
    session.setAttribute(NOTICE, new Notice(reason, kept.isPresent()));
    if (fromScript(request)) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    response.sendRedirect(
        request.getContextPath() + SecurityConfiguration.SIGN_IN + "?" + reason.parameter);
  }

  /** Keeps what the request's form sent, if a {@link UnsavedWork} keeps that form. */
  Optional<String> keep(HttpServletRequest request, HttpSession session) {
    if (!"POST".equals(request.getMethod())) {
      return Optional.empty();
    }
    for (UnsavedWork work : unsavedWork) {
      Optional<String> back = work.keep(request, session);
      if (back.isPresent()) {
        return back;
      }
    }
    return Optional.empty();
  }
}
