package org.ccrhub.sharing.web;

import jakarta.servlet.http.HttpServletRequest;
import org.ccrhub.sharing.Delegations;
import org.ccrhub.sharing.SharingReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Information sharing's front page: the protocol register for every member, and for those the gate
 * lets in the requests of their agency, the request form, the decision log and the delegations.
 */
@Controller
@RequestMapping("/p/{slug}/sharing")
class SharingController {

  /** Where {@link SharingWebConfiguration.TwoFactorPages} sends someone without two factors. */
  static final String TWO_FACTOR_NEEDED = "/sharing/two-factor-needed";

  private final Delegations delegations;

  SharingController(Delegations delegations) {
    this.delegations = delegations;
  }

  @ModelAttribute("section")
  String section() {
    return "sharing";
  }

  @GetMapping
  String showHome(SharingReader reader, HttpServletRequest request, Model model) {
    model.addAttribute("reader", reader);
    model.addAttribute("keeper", ProtocolPages.keeps(request));
    model.addAttribute("seesDelegations", delegations.seenBy(reader));
    return "sharing/home";
  }

  /**
   * Shown instead of a page with personal data to someone who did not sign in with two factors,
   * whatever they asked for.
   */
  @RequestMapping("/two-factor-needed")
  String showTwoFactorNeeded() {
    return SharingPages.VIEW_TWO_FACTOR;
  }
}
