package org.ccrhub.marac.web;

import jakarta.servlet.http.HttpServletRequest;
import org.ccrhub.marac.Maracs;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.shared.Partnership;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Whether the menu offers "MARAC": in a partnership that runs one, and to its administrators, who
 * create them. A partnership without a MARAC does not show everyone an empty page.
 */
@ControllerAdvice
class MaracNavigationAdvice {

  private final Maracs maracs;

  MaracNavigationAdvice(Maracs maracs) {
    this.maracs = maracs;
  }

  @ModelAttribute("maracInMenu")
  boolean maracInMenu(HttpServletRequest request) {
    // the API's answers have no menu: spare them the query
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return false;
    }
    if (!(request.getAttribute(Partnership.REQUEST_ATTRIBUTE) instanceof Partnership partnership)) {
      return false;
    }
    return request.getAttribute(CurrentRoles.REQUEST_ATTRIBUTE) instanceof CurrentRoles roles
            && roles.isAdmin()
        || maracs.any(partnership);
  }
}
