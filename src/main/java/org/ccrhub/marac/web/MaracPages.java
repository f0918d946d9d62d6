package org.ccrhub.marac.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ccrhub.security.CurrentRoles;

/** What the MARAC pages share. */
final class MaracPages {

  private MaracPages() {}

  /** Whether the signed-in person administers the partnership of the page. */
  static boolean isAdmin(HttpServletRequest request) {
    return request.getAttribute(CurrentRoles.REQUEST_ATTRIBUTE) instanceof CurrentRoles roles
        && roles.isAdmin();
  }

  /**
   * Case pages are never kept by the browser. Spring Security sends the same header on every
   * response it has not been set on; this says it again where case data is shown, so that no change
   * to the security headers can lose it.
   */
  static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("Expires", "0");
  }
}
