package org.ccrhub.security;

import jakarta.validation.Valid;
import java.util.EnumSet;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Partnership administrators manage who can sign in and with which roles. */
@Controller
@RequestMapping("/p/{slug}/admin/users")
class UserAdminController {

  private static final String VIEW_LIST = "security/users";
  private static final String VIEW_NEW = "security/user-new";
  private static final String VIEW_EDIT = "security/user-edit";

  private final Accounts accounts;

  UserAdminController(Accounts accounts) {
    this.accounts = accounts;
  }

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
    model.addAttribute("members", accounts.members(partnership.id()));
    return VIEW_LIST;
  }

  @GetMapping("/new")
  String initNewUserForm(Model model) {
    model.addAttribute("form", new NewUserForm());
    return VIEW_NEW;
  }

  @PostMapping("/new")
  String processNewUserForm(
      Partnership partnership,
      @Valid @ModelAttribute("form") NewUserForm form,
      BindingResult result,
      RedirectAttributes flash) {
    if (result.hasErrors()) {
      return VIEW_NEW;
    }
    NewAccount account;
    try {
      account =
          accounts.addMember(partnership, form.getEmail(), form.getName(), form.getRoles(), null);
    } catch (InvalidInputException e) {
      result.rejectValue("email", "rejected", e.getMessage());
      return VIEW_NEW;
    }
    flash.addFlashAttribute(
        "message",
        account.created()
            ? "Account created for " + account.email()
            : account.email() + " already had an account and has been given the roles");
    account.oneTimePassword().ifPresent(p -> flash.addFlashAttribute("oneTimePassword", p));
    flash.addFlashAttribute("newUserEmail", account.email());
    return "redirect:/p/{slug}/admin/users";
  }

  @GetMapping("/{accountId}")
  String initRolesForm(Partnership partnership, @PathVariable long accountId, Model model) {
    Member member = accounts.member(partnership.id(), accountId);
    RolesForm form = new RolesForm();
    form.setRoles(EnumSet.copyOf(member.roles()));
    model.addAttribute("member", member);
    model.addAttribute("form", form);
    return VIEW_EDIT;
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
      return VIEW_EDIT;
    }
    try {
      accounts.changeRoles(partnership.id(), accountId, form.getRoles());
    } catch (InvalidInputException e) {
      result.rejectValue("roles", "rejected", e.getMessage());
      return VIEW_EDIT;
    }
    flash.addFlashAttribute("message", "Roles changed for " + member.email());
    return "redirect:/p/{slug}/admin/users";
  }

  @PostMapping("/{accountId}/unlock")
  String unlock(Partnership partnership, @PathVariable long accountId, RedirectAttributes flash) {
    Member member = accounts.member(partnership.id(), accountId);
    accounts.unblock(partnership.id(), accountId);
    flash.addFlashAttribute("message", member.email() + " can sign in again");
    return "redirect:/p/{slug}/admin/users";
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
    return "redirect:/p/{slug}/admin/users";
  }
}
