package org.ccrhub.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a signed-in person lands, the partnership home page with a section for each of their roles
 * ({@link HomePage}), and switching partnership.
 */
@Controller
class HomeController {

  private final Accounts accounts;
  private final HomePages homePages;
  private final Clock clock;

  HomeController(Accounts accounts, HomePages homePages, Clock clock) {
    this.accounts = accounts;
    this.homePages = homePages;
    this.clock = clock;
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
  String partnershipHome(
      Partnership partnership,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model) {
    CurrentRoles roles =
        request.getAttribute(CurrentRoles.REQUEST_ATTRIBUTE) instanceof CurrentRoles r
            ? r
            : new CurrentRoles(Set.of());
    LocalDate today = Dates.today(clock);
    model.addAttribute("section", "home");
    model.addAttribute("today", today);
    model.addAttribute("home", homePages.of(partnership, user.accountId(), roles, today));
    return "web/partnership-home";
  }

  /** The switcher: only to a partnership the user belongs to (others get "not found" there). */
  @PostMapping("/switch-partnership")
  String switchPartnership(@RequestParam(defaultValue = "") String slug) {
    return slug.isBlank() ? "redirect:/" : "redirect:/p/" + Partnership.checkSlug(slug);
  }
}
