package org.ccrhub.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page an invitation link opens. Anyone with the link sees the same page, whether or not the
 * email has an account: a new person chooses a password there; an account holder signs in and
 * accepts.
 */
@Controller
class InvitationController {

  private static final String VIEW = "security/invitation";

  private final Invitations invitations;

  InvitationController(Invitations invitations) {
    this.invitations = invitations;
  }

  @GetMapping(Invitations.PATH + "{token}")
  String showInvitation(
      @PathVariable String token,
      @AuthenticationPrincipal @Nullable SignedInUser user,
      Model model,
      HttpServletResponse response) {
    Invitations.Opened opened = invitations.open(token);
    InvitationForm form = new InvitationForm();
    if (opened.invitation() != null) {
      form.setName(opened.invitation().displayName());
    }
    return show(token, opened, user, form, model, response);
  }

  @PostMapping(Invitations.PATH + "{token}")
  String processNewPersonForm(
      @PathVariable String token,
      @Valid @ModelAttribute("form") InvitationForm form,
      BindingResult result,
      Model model,
      HttpServletResponse response) {
    Invitations.Opened opened = invitations.open(token);
    if (opened.state() != Invitations.Opened.State.VALID) {
      return show(token, opened, null, form, model, response);
    }
    if (!result.hasFieldErrors("password")
        && !result.hasFieldErrors("confirmPassword")
        && !form.getPassword().equals(form.getConfirmPassword())) {
      result.rejectValue("confirmPassword", "mismatch", "The passwords do not match");
    }
    if (!result.hasErrors()) {
      try {
        if (invitations.acceptAsNewPerson(token, form.getName(), form.getPassword())) {
          return "redirect:/sign-in?joined";
        }
        model.addAttribute("hasAccount", true);
      } catch (PasswordRejectedException e) {
        result.rejectValue("password", "rejected", e.getMessage());
      } catch (InvalidInputException e) {
        result.rejectValue("name", "rejected", e.getMessage());
      }
    }
    return show(token, opened, null, form, model, response);
  }

  /** Signing in to accept: Spring Security asks for sign-in first, then comes back here. */
  @GetMapping(Invitations.PATH + "{token}/accept")
  String signInToAccept(@PathVariable String token) {
    return "redirect:" + Invitations.PATH + "{token}";
  }

  @PostMapping(Invitations.PATH + "{token}/accept")
  String accept(
      @PathVariable String token,
      @AuthenticationPrincipal SignedInUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    try {
      Partnership partnership = invitations.acceptAs(token, user);
      flash.addFlashAttribute("message", "You have joined " + partnership.name());
      return "redirect:/p/" + partnership.slug();
    } catch (InvalidInputException e) {
      model.addAttribute("problem", e.getMessage());
      return show(token, invitations.open(token), user, new InvitationForm(), model, response);
    }
  }

  private String show(
      String token,
      Invitations.Opened opened,
      @Nullable SignedInUser user,
      InvitationForm form,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("token", token);
    model.addAttribute("state", opened.state().name());
    model.addAttribute("invitation", opened.invitation());
    model.addAttribute("partnership", opened.partnership());
    model.addAttribute("user", user);
    model.addAttribute("form", form);
    if (opened.state() != Invitations.Opened.State.VALID) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    return VIEW;
  }
}
