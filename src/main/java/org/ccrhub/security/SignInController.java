package org.ccrhub.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form it posts. */
@Controller
class SignInController {

  @GetMapping(SecurityConfiguration.SIGN_IN)
  String showSignIn(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String throttled,
      @RequestParam(required = false) String signedOut,
      Model model) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "redirect:/";
    }
    model.addAttribute("failed", error != null);
    model.addAttribute("throttled", throttled != null);
    model.addAttribute("signedOut", signedOut != null);
    return "security/sign-in";
  }
}
