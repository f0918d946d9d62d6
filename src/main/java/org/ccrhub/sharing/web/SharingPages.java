package org.ccrhub.sharing.web;

import jakarta.servlet.http.HttpServletResponse;

/** What the information-sharing pages share. */
final class SharingPages {

  /** The page shown instead of a request to someone who did not sign in with two factors. */
  static final String VIEW_TWO_FACTOR = "sharing/two-factor-needed";

  private SharingPages() {}

  /** Pages with a request's details are never kept by the browser. */
  static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("Expires", "0");
  }
}
