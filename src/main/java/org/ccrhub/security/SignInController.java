package org.ccrhub.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page (Spring Security handles the form it posts), what a person is told of failed
 * attempts on their account after signing in, and the link that ends the waits on it.
 */
@Controller
class SignInController {

  private final Accounts accounts;

  SignInController(Accounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping(SecurityConfiguration.SIGN_IN)
  String showSignIn(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String wait,
      @RequestParam(required = false) String busy,
      @RequestParam(required = false) String signedOut,
      @RequestParam(required = false) String expired,
      @RequestParam(name = "expired-password", required = false) String expiredPassword,
      @RequestParam(required = false) String joined,
      Model model) {
    if (signedIn()) {
      return "redirect:/";
    }
    model.addAttribute("failed", error != null);
    model.addAttribute("waitMinutes", minutes(wait));
    model.addAttribute("busyMinutes", minutes(busy));
    model.addAttribute("signedOut", signedOut != null);
    model.addAttribute("expired", expired != null);
    model.addAttribute("expiredPassword", expiredPassword != null);
    model.addAttribute("joined", joined != null);
    return "security/sign-in";
  }

  /** The address people guess: the sign-in page, or home for someone signed in. */
  @GetMapping("/login")
  String login() {
    return "redirect:" + SecurityConfiguration.SIGN_IN;
  }

  @GetMapping(SignInHandlers.NOTICE_PATH)
  String showNotice(HttpSession session, Model model) {
    if (!(session.getAttribute(SignInHandlers.NOTICE) instanceof SignInAlerts.Notice notice)) {
      return "redirect:/";
    }
    session.removeAttribute(SignInHandlers.NOTICE);
    model.addAttribute("notice", notice);
    return "security/sign-in-notice";
  }

  @GetMapping(SignInAlerts.UNBLOCK_PATH + "{token}")
  String showUnblock(@PathVariable String token, Model model, HttpServletResponse response) {
    model.addAttribute("token", token);
    model.addAttribute("state", accounts.unblockLinkIsValid(token) ? "valid" : "invalid");
    if (!accounts.unblockLinkIsValid(token)) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    return "security/unblock";
  }

  @PostMapping(SignInAlerts.UNBLOCK_PATH + "{token}")
  String unblock(@PathVariable String token, Model model, HttpServletResponse response) {
    boolean done = accounts.unblockWithLink(token);
    model.addAttribute("token", token);
    model.addAttribute("state", done ? "unblocked" : "invalid");
    model.addAttribute("signedIn", signedIn());
    if (!done) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    return "security/unblock";
  }

  private static boolean signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  /** Minutes to wait as given in the address, 1 to 999, or none. */
  private static @Nullable Integer minutes(@Nullable String text) {
    if (text == null || !text.matches("\\d{1,3}")) {
      return text == null ? null : 1;
    }
    return Math.max(1, Integer.parseInt(text));
  }
}
