package org.ccrhub.web;

import java.util.List;
import org.ccrhub.shared.Partnership;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where a signed-in person lands, the partnership home page, and switching partnership. */
@Controller
class HomeController {

  private final Accounts accounts;

  HomeController(Accounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal SignedInUser user, Model model) {
    List<Partnership> partnerships = accounts.partnershipsOf(user.accountId());
    if (partnerships.size() == 1) {
      return "redirect:/p/" + partnerships.get(0).slug();
    }
    model.addAttribute("partnerships", partnerships);
    return "web/choose-partnership";
  }

  @GetMapping("/p/{slug}")
  String partnershipHome(Partnership partnership, Model model) {
    model.addAttribute("section", "home");
    return "web/partnership-home";
  }

  /** The switcher: only to a partnership the user belongs to (others get "not found" there). */
  @PostMapping("/switch-partnership")
  String switchPartnership(@RequestParam String slug) {
    return "redirect:/p/" + Partnership.checkSlug(slug);
  }
}
