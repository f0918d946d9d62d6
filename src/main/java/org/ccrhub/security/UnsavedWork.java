package org.ccrhub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Keeps what a person had typed into a form when sending it failed because they had been signed out
 * (their session timed out or ended), so that after signing in again they find it back in the form;
 * nothing is saved until they send it again. A module with a form worth keeping provides one as a
 * bean: sign-in knows nothing of the forms themselves.
 */
public interface UnsavedWork {

  /**
   * If the request sent a form this keeps, keeps its fields (only those the form needs, bounded in
   * size, never in an address or a log) in the new session and returns the address of the form to
   * open after signing in: a path of this application, without anything typed in it.
   */
  Optional<String> keep(HttpServletRequest request, HttpSession newSession);
}
