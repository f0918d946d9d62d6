package org.ccrhub.sharing.web;

import jakarta.servlet.http.HttpServletRequest;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.Delegations;
import org.ccrhub.sharing.SharingAccess;
import org.ccrhub.sharing.SharingReader;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

  private final SharingAccess access;
  private final Delegations delegations;

  SharingController(SharingAccess access, Delegations delegations) {
    this.access = access;
    this.delegations = delegations;
  }

  @ModelAttribute("section")
  String section() {
    return "sharing";
  }

  @GetMapping
  String showHome(
      Partnership partnership,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model) {
    SharingReader reader = access.reader(partnership, user.accountId(), user.actorName());
    model.addAttribute("reader", reader);
    model.addAttribute("keeper", ProtocolPages.keeps(request));
    model.addAttribute("seesDelegations", delegations.seenBy(reader));
    return "sharing/home";
  }
}
