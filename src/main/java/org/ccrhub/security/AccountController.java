package org.ccrhub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing one's own password, which a one-time password forces at first sign-in. The change ends
 * the person's other sessions and gives this one a new id ({@link PasswordChanges}).
 */
@Controller
class AccountController {

  private static final String VIEW = "security/change-password";

  private final PasswordChanges passwordChanges;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  AccountController(PasswordChanges passwordChanges) {
    this.passwordChanges = passwordChanges;
  }

  @GetMapping(PasswordChangeFilter.CHANGE_PASSWORD_PATH)
  String initPasswordForm(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("form", new PasswordForm());
    model.addAttribute("forced", user.mustChangePassword());
    return VIEW;
  }

  @PostMapping(PasswordChangeFilter.CHANGE_PASSWORD_PATH)
  String processPasswordForm(
      @AuthenticationPrincipal SignedInUser user,
      @Valid @ModelAttribute("form") PasswordForm form,
      BindingResult result,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes flash) {
    model.addAttribute("forced", user.mustChangePassword());
    if (!result.hasFieldErrors("newPassword")
        && !result.hasFieldErrors("confirmPassword")
        && !form.getNewPassword().equals(form.getConfirmPassword())) {
      result.rejectValue("confirmPassword", "mismatch", "The passwords do not match");
    }
    if (result.hasErrors()) {
      return VIEW;
    }
    try {
      passwordChanges.change(user, form.getCurrentPassword(), form.getNewPassword(), request);
    } catch (PasswordRejectedException e) {
      result.rejectValue(e.field(), "rejected", e.getMessage());
      return VIEW;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            user.withPasswordChanged(), null, List.of()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    flash.addFlashAttribute("message", "Your password has been changed");
    return "redirect:/";
  }
}
