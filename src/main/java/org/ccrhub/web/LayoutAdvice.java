package org.ccrhub.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the page layout shows on every page: who is signed in, where, and where else they can go.
 */
@ControllerAdvice
class LayoutAdvice {

  private final Accounts accounts;

  LayoutAdvice(Accounts accounts) {
    this.accounts = accounts;
  }

  @ModelAttribute("currentUser")
  @Nullable SignedInUser currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
        ? user
        : null;
  }

  @ModelAttribute("currentPartnership")
  @Nullable Partnership currentPartnership(HttpServletRequest request) {
    return request.getAttribute(Partnership.REQUEST_ATTRIBUTE) instanceof Partnership p ? p : null;
  }

  @ModelAttribute("currentRoles")
  @Nullable CurrentRoles currentRoles(HttpServletRequest request) {
    return request.getAttribute(CurrentRoles.REQUEST_ATTRIBUTE) instanceof CurrentRoles r
        ? r
        : null;
  }

  @ModelAttribute("myPartnerships")
  List<Partnership> myPartnerships() {
    SignedInUser user = currentUser();
    return user == null || user.mustChangePassword()
        ? List.of()
        : accounts.partnershipsOf(user.accountId());
  }
}
