package org.ccrhub.security;

import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ccrhub.partnership.PersonAccounts;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Partnership administrators invite people, change their roles, see who is failing to sign in and
 * unblock them, and remove people. Reading the list of users or a user's page is audited.
 */
@Controller
@RequestMapping("/p/{slug}/admin/users")
class UserAdminController {

  private static final String VIEW_LIST = "security/users";
  private static final String VIEW_NEW = "security/user-new";
  private static final String VIEW_EDIT = "security/user-edit";
  private static final String REDIRECT_LIST = "redirect:/p/{slug}/admin/users";
  private static final String VIEW_RESET_TWO_FACTOR = "security/user-reset-two-factor";

  private final Accounts accounts;
  private final Invitations invitations;
  private final SignInAlerts alerts;
  private final PersonAccounts personAccounts;
  private final TwoFactorEnrolments twoFactor;

  UserAdminController(
      Accounts accounts,
      Invitations invitations,
      SignInAlerts alerts,
      PersonAccounts personAccounts,
      TwoFactorEnrolments twoFactor) {
    this.accounts = accounts;
    this.invitations = invitations;
    this.alerts = alerts;
    this.personAccounts = personAccounts;
    this.twoFactor = twoFactor;
  }

  /** A member whose sign-ins are failing, as the list of users shows them. */
  public record FailingMember(Member member, SignInAlerts.FailedSignIns failed) {}

  @ModelAttribute("section")
  String section() {
    return "users";
  }

  @ModelAttribute("allRoles")
  Role[] allRoles() {
    return Role.values();
  }

  @GetMapping
  String showUsers(Partnership partnership, Model model) {
    List<Member> members = accounts.readMembers(partnership.id());
    Map<Long, Member> byId =
        members.stream().collect(Collectors.toMap(Member::accountId, Function.identity()));
    model.addAttribute("members", members);
    model.addAttribute("people", personAccounts.peopleOfAccounts(partnership));
    model.addAttribute("invitations", invitations.open(partnership.id()));
    model.addAttribute(
        "failing",
        alerts.ofMembers(partnership.id()).stream()
            .filter(f -> byId.containsKey(f.accountId()))
            .map(f -> new FailingMember(byId.get(f.accountId()), f))
            .toList());
    return VIEW_LIST;
  }

  @GetMapping("/new")
  String initNewUserForm(Model model) {
    model.addAttribute("form", new NewUserForm());
    return VIEW_NEW;
  }

  /** The same outcome whether or not the email has an account anywhere: an invitation. */
  @PostMapping("/new")
  String processNewUserForm(
      Partnership partnership,
      @Valid @ModelAttribute("form") NewUserForm form,
      BindingResult result,
      RedirectAttributes flash) {
    if (result.hasErrors()) {
      return VIEW_NEW;
    }
    Invitations.Issued issued;
    try {
      issued = invitations.invite(partnership, form.getEmail(), form.getName(), form.getRoles());
    } catch (InvalidInputException e) {
      result.rejectValue("email", "rejected", e.getMessage());
      return VIEW_NEW;
    }
    if (issued.emailed()) {
      flash.addFlashAttribute(
          "message", "Invitation sent by email to " + issued.invitation().email());
    } else {
      flash.addFlashAttribute("message", "Invitation made for " + issued.invitation().email());
      flash.addFlashAttribute("invitationLink", issued.link());
      flash.addFlashAttribute("invitedEmail", issued.invitation().email());
    }
    return REDIRECT_LIST;
  }

  @PostMapping("/invitations/{invitationId}/withdraw")
  String withdrawInvitation(
      Partnership partnership, @PathVariable long invitationId, RedirectAttributes flash) {
    invitations.withdraw(partnership.id(), invitationId);
    flash.addFlashAttribute("message", "Invitation withdrawn");
    return REDIRECT_LIST;
  }

  @GetMapping("/{accountId}")
  String initRolesForm(Partnership partnership, @PathVariable long accountId, Model model) {
    Member member = accounts.readMember(partnership.id(), accountId);
    RolesForm form = new RolesForm();
    form.setRoles(EnumSet.copyOf(member.roles()));
    model.addAttribute("member", member);
    model.addAttribute("form", form);
    return editView(partnership, member, model);
  }

  @PostMapping("/{accountId}")
  String processRolesForm(
      Partnership partnership,
      @PathVariable long accountId,
      @Valid @ModelAttribute("form") RolesForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    Member member = accounts.member(partnership.id(), accountId);
    model.addAttribute("member", member);
    if (result.hasErrors()) {
      return editView(partnership, member, model);
    }
    try {
      accounts.changeRoles(partnership.id(), accountId, form.getRoles());
    } catch (InvalidInputException e) {
      result.rejectValue("roles", "rejected", e.getMessage());
      return editView(partnership, member, model);
    }
    flash.addFlashAttribute("message", "Roles changed for " + member.email());
    return REDIRECT_LIST;
  }

  /** Links the member to their person in the directory (whose agency is theirs), or to none. */
  @PostMapping("/{accountId}/person")
  String processPersonForm(
      Partnership partnership,
      @PathVariable long accountId,
      @RequestParam(defaultValue = "") String person,
      Model model,
      RedirectAttributes flash) {
    Member member = accounts.member(partnership.id(), accountId);
    Optional<Long> personId =
        person.matches("\\d{1,18}") ? Optional.of(Long.parseLong(person)) : Optional.empty();
    if (!person.isBlank() && personId.isEmpty()) {
      personId = Optional.of(0L); // no one has it: not found
    }
    try {
      personAccounts.link(partnership, accountId, personId);
    } catch (InvalidInputException e) {
      RolesForm form = new RolesForm();
      form.setRoles(EnumSet.copyOf(member.roles()));
      model.addAttribute("member", member);
      model.addAttribute("form", form);
      model.addAttribute("personProblem", e.getMessage());
      return editView(partnership, member, model);
    }
    flash.addFlashAttribute(
        "message",
        personId.isPresent()
            ? member.displayName() + " is linked to their person in the directory"
            : member.displayName() + " is no longer linked to a person in the directory");
    return REDIRECT_LIST;
  }

  private String editView(Partnership partnership, Member member, Model model) {
    Optional<PersonAccounts.LinkedPerson> linked =
        personAccounts.personOf(partnership, member.accountId());
    Map<String, String> options = new LinkedHashMap<>();
    linked.ifPresent(p -> options.put(String.valueOf(p.personId()), p.label()));
    personAccounts
        .unlinked(partnership)
        .forEach(
            p ->
                options.put(
                    String.valueOf(p.id()),
                    p.agencyName().map(a -> p.name() + ", " + a).orElse(p.name())));
    model.addAttribute("twoFactor", twoFactor.of(member.accountId()).orElse(null));
    model.addAttribute(
        "twoFactorRequired", !twoFactor.requiringRolesOf(member.accountId()).isEmpty());
    long administratorId = administratorId();
    model.addAttribute("ownAccount", member.accountId() == administratorId);
    model.addAttribute(
        "mayResetTwoFactor",
        twoFactor.mayReset(partnership.id(), member.accountId(), administratorId));
    model.addAttribute("linkedPerson", linked.orElse(null));
    model.addAttribute("personOptions", options);
    model.addAttribute("selectedPerson", linked.map(p -> String.valueOf(p.personId())).orElse(""));
    return VIEW_EDIT;
  }

  /** Ends every wait on a member's sign-ins, from every address. */
  @PostMapping("/{accountId}/unlock")
  String unblock(Partnership partnership, @PathVariable long accountId, RedirectAttributes flash) {
    Member member = accounts.member(partnership.id(), accountId);
    accounts.unblock(partnership.id(), accountId);
    flash.addFlashAttribute("message", member.email() + " can sign in again from anywhere");
    return REDIRECT_LIST;
  }

  @PostMapping("/{accountId}/one-time-password")
  String renewOneTimePassword(
      Partnership partnership,
      @PathVariable long accountId,
      Model model,
      RedirectAttributes flash) {
    Member member = accounts.member(partnership.id(), accountId);
    String password;
    try {
      password = accounts.renewOneTimePassword(partnership.id(), accountId);
    } catch (InvalidInputException e) {
      RolesForm form = new RolesForm();
      form.setRoles(EnumSet.copyOf(member.roles()));
      model.addAttribute("member", member);
      model.addAttribute("form", form);
      model.addAttribute("problem", e.getMessage());
      return editView(partnership, member, model);
    }
    flash.addFlashAttribute("oneTimePassword", password);
    flash.addFlashAttribute("newUserEmail", member.email());
    return REDIRECT_LIST;
  }

  @GetMapping("/{accountId}/remove")
  String confirmRemove(Partnership partnership, @PathVariable long accountId, Model model) {
    model.addAttribute("member", accounts.member(partnership.id(), accountId));
    return "security/user-remove";
  }

  @PostMapping("/{accountId}/remove")
  String remove(
      Partnership partnership,
      @PathVariable long accountId,
      Model model,
      RedirectAttributes flash) {
    Member member = accounts.member(partnership.id(), accountId);
    try {
      accounts.removeMember(partnership.id(), accountId);
    } catch (InvalidInputException e) {
      model.addAttribute("member", member);
      model.addAttribute("problem", e.getMessage());
      return "security/user-remove";
    }
    flash.addFlashAttribute(
        "message", member.email() + " no longer has a role in this partnership");
    return REDIRECT_LIST;
  }

  /** Asks why, before removing a member's two-factor sign-in (a lost or new phone). */
  @GetMapping("/{accountId}/two-factor/reset")
  String initResetTwoFactorForm(
      Partnership partnership, @PathVariable long accountId, Model model) {
    Member member = accounts.member(partnership.id(), accountId);
    if (!twoFactor.mayReset(partnership.id(), accountId, administratorId())) {
      throw new NotFoundException("No such user in this partnership");
    }
    if (twoFactor.of(accountId).isEmpty()) {
      return "redirect:/p/{slug}/admin/users/{accountId}";
    }
    model.addAttribute("member", member);
    model.addAttribute("form", new ResetTwoFactorForm());
    return VIEW_RESET_TWO_FACTOR;
  }

  /**
   * Removes a member's two-factor sign-in, with the reason in the audit trail: they set it up again
   * at their next sign-in, and are signed out everywhere now.
   */
  @PostMapping("/{accountId}/two-factor/reset")
  String processResetTwoFactorForm(
      Partnership partnership,
      @PathVariable long accountId,
      @ModelAttribute("form") ResetTwoFactorForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    Member member = accounts.member(partnership.id(), accountId);
    model.addAttribute("member", member);
    try {
      twoFactor.reset(partnership.id(), accountId, form.getReason(), administratorId());
    } catch (InvalidInputException e) {
      result.rejectValue("reason", "rejected", e.getMessage());
      return VIEW_RESET_TWO_FACTOR;
    }
    flash.addFlashAttribute(
        "message",
        "Two-factor sign-in reset for "
            + member.email()
            + ". They will set it up again when they next sign in.");
    return "redirect:/p/{slug}/admin/users/{accountId}";
  }

  /** The signed-in administrator's account. */
  private static long administratorId() {
    return ((SignedInUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal())
        .accountId();
  }
}
