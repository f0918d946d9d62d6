package org.ccrhub.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form sent with a CSRF token its session does not know was sent from a page of an earlier
 * session. With nobody signed in, the person was signed out: they sign in again ({@link
 * SignedOut}). Signed in (they signed in again in another tab), a form {@link UnsavedWork} keeps
 * opens again with what they typed. A public page's form (sign-in) and any other refusal get the
 * usual 403 page.
 */
final class SignedOutAccessDenied implements AccessDeniedHandler {

  private final SignedOut signedOut;
  private final AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();

  SignedOutAccessDenied(SignedOut signedOut) {
    this.signedOut = signedOut;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, ServletException {
    if (denied instanceof CsrfException
        && !SecurityConfiguration.isPublic(SecurityConfiguration.pathOf(request))) {
      if (!signedIn()) {
        signedOut.toSignIn(request, response, SignedOut.Reason.ENDED);
        return;
      }
      if (!SignedOut.fromScript(request)) {
        Optional<String> back = signedOut.keep(request, request.getSession(true));
        if (back.isPresent()) {
          response.sendRedirect(request.getContextPath() + back.get());
          return;
        }
      }
    }
    refusal.handle(request, response, denied);
  }

  private static boolean signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }
}
