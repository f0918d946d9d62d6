package org.ccrhub.web;

import java.util.List;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Partnership;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where a signed-in person lands, the partnership home page, and switching partnership. */
@Controller
class HomeController {

  private final Accounts accounts;

  HomeController(Accounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/")
  String home(
      @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
    List<Partnership> partnerships = accounts.partnershipsOf(user.accountId());
    if (partnerships.size() == 1) {
      // a message for the person (e.g. "password changed") goes on to the page they land on
      Object message = model.getAttribute("message");
      if (message != null) {
        redirect.addFlashAttribute("message", message);
      }
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
  String switchPartnership(@RequestParam(defaultValue = "") String slug) {
    return slug.isBlank() ? "redirect:/" : "redirect:/p/" + Partnership.checkSlug(slug);
  }
}
