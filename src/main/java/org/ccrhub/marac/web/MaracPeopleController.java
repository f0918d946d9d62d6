package org.ccrhub.marac.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.marac.Marac;
import org.ccrhub.marac.MaracRole;
import org.ccrhub.marac.MaracRoles;
import org.ccrhub.marac.Maracs;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who holds a role in a MARAC, for the partnership's administrators (who appoint and remove
 * coordinators) and the MARAC's coordinator (who appoints and removes anyone). Everyone else gets
 * 404.
 */
@Controller
@RequestMapping("/p/{slug}/marac/{maracId}/people")
class MaracPeopleController {

  private static final String VIEW = "marac/people";

  private final Maracs maracs;
  private final MaracRoles roles;
  private final Accounts accounts;
  private final Agencies agencies;

  MaracPeopleController(Maracs maracs, MaracRoles roles, Accounts accounts, Agencies agencies) {
    this.maracs = maracs;
    this.roles = roles;
    this.accounts = accounts;
    this.agencies = agencies;
  }

  @ModelAttribute("section")
  String section() {
    return "marac";
  }

  /** Who is asking, and what they may give. */
  record Manager(Marac marac, boolean admin, Set<MaracRole> held) {
    public boolean mayGive(MaracRole role) {
      return MaracRoles.mayGrant(role, admin, held);
    }
  }

  private Manager manager(
      Partnership partnership, long maracId, SignedInUser user, HttpServletRequest request) {
    Marac marac = maracs.get(partnership, maracId);
    boolean admin = MaracPages.isAdmin(request);
    Set<MaracRole> held = roles.held(marac.id(), user.accountId()).roles();
    if (!admin && !held.contains(MaracRole.MARAC_COORDINATOR)) {
      throw new NotFoundException("No such page");
    }
    return new Manager(marac, admin, held);
  }

  @GetMapping
  String showPeople(
      Partnership partnership,
      @PathVariable long maracId,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model) {
    return view(partnership, manager(partnership, maracId, user, request), model);
  }

  @PostMapping("/grant")
  String grant(
      Partnership partnership,
      @PathVariable long maracId,
      @RequestParam(defaultValue = "") String account,
      @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "") String agency,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    Manager manager = manager(partnership, maracId, user, request);
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<Long> accountId = number(account);
    if (accountId.isEmpty()) {
      errors.put("account", "Select the person");
    }
    Optional<MaracRole> chosen = role(role);
    if (chosen.isEmpty() || !manager.mayGive(chosen.get())) {
      errors.put("role", "Select a role you may give");
    }
    Optional<Long> agencyId = number(agency);
    if (chosen.map(MaracRole::needsAgency).orElse(false) && agencyId.isEmpty()) {
      errors.put("agency", "Select the agency the MARAC member represents");
    }
    if (errors.isEmpty()) {
      try {
        roles.grant(
            partnership,
            manager.marac(),
            accountId.get(),
            chosen.get(),
            agencyId,
            user.actorName());
        flash.addFlashAttribute("message", "Role given");
        return "redirect:/p/{slug}/marac/{maracId}/people";
      } catch (NotFoundException | InvalidInputException e) {
        errors.put("account", "Select a person and an agency of this partnership");
      }
    }
    model.addAttribute("errors", errors);
    model.addAttribute("chosenAccount", account);
    model.addAttribute("chosenRole", role);
    model.addAttribute("chosenAgency", agency);
    return view(partnership, manager, model);
  }

  @PostMapping("/remove")
  String remove(
      Partnership partnership,
      @PathVariable long maracId,
      @RequestParam(defaultValue = "0") long account,
      @RequestParam(defaultValue = "") String role,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      RedirectAttributes flash) {
    Manager manager = manager(partnership, maracId, user, request);
    MaracRole chosen = role(role).orElseThrow(() -> new NotFoundException("No such role"));
    if (!manager.mayGive(chosen)) {
      throw new NotFoundException("No such role holder");
    }
    roles.remove(partnership, manager.marac(), account, chosen);
    flash.addFlashAttribute("message", "Role removed");
    return "redirect:/p/{slug}/marac/{maracId}/people";
  }

  private String view(Partnership partnership, Manager manager, Model model) {
    model.addAttribute("marac", manager.marac());
    model.addAttribute("holders", roles.holders(manager.marac()));
    Map<String, String> people = new LinkedHashMap<>();
    for (Member m : accounts.members(partnership.id())) {
      people.put(Long.toString(m.accountId()), m.displayName() + " (" + m.email() + ")");
    }
    model.addAttribute("people", people);
    Map<String, String> giveable = new LinkedHashMap<>();
    for (MaracRole r : MaracRole.values()) {
      if (manager.mayGive(r)) {
        giveable.put(r.name(), r.label());
      }
    }
    model.addAttribute("giveable", giveable);
    Map<String, String> agencyOptions = new LinkedHashMap<>();
    for (Agency a : agencies.findAll(partnership)) {
      agencyOptions.put(Long.toString(a.id()), a.name());
    }
    model.addAttribute("agencies", agencyOptions);
    model.addAttribute("manager", manager);
    model.asMap().putIfAbsent("errors", Map.of());
    return VIEW;
  }

  private static Optional<MaracRole> role(String text) {
    for (MaracRole r : MaracRole.values()) {
      if (r.name().equals(text)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static Optional<Long> number(String text) {
    return text.strip().matches("\\d{1,18}")
        ? Optional.of(Long.valueOf(text.strip()))
        : Optional.empty();
  }
}
