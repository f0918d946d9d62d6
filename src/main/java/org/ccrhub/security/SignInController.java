package org.ccrhub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
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
  private final Duration idleTimeout;

  SignInController(
      Accounts accounts,
      @Value("${spring.session.timeout:${server.servlet.session.timeout:30m}}")
          Duration idleTimeout) {
    this.accounts = accounts;
    this.idleTimeout = idleTimeout;
  }

  @GetMapping(SecurityConfiguration.SIGN_IN)
  String showSignIn(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String wait,
      @RequestParam(required = false) String busy,
      @RequestParam(required = false) String signedOut,
      @RequestParam(required = false) String expired,
      @RequestParam(required = false) String timeout,
      @RequestParam(required = false) String ended,
      @RequestParam(name = "expired-password", required = false) String expiredPassword,
      @RequestParam(required = false) String joined,
      HttpServletRequest request,
      Model model) {
    if (signedIn()) {
      return "redirect:/";
    }
    HttpSession session = request.getSession(false);
    SignedOut.Notice notice =
        session != null && session.getAttribute(SignedOut.NOTICE) instanceof SignedOut.Notice n
            ? n
            : null;
    if (notice != null) {
      session.removeAttribute(SignedOut.NOTICE);
    }
    SignedOut.Reason reason =
        expired != null
            ? SignedOut.Reason.LIFETIME
            : timeout != null
                ? SignedOut.Reason.TIMEOUT
                : ended != null ? SignedOut.Reason.ENDED : notice != null ? notice.reason() : null;
    model.addAttribute("signedOutBecause", reason == null ? null : reason.name());
    model.addAttribute("kept", notice != null && notice.kept());
    model.addAttribute("idleTimeout", wordsFor(idleTimeout));
    model.addAttribute("failed", error != null);
    model.addAttribute("waitMinutes", minutes(wait));
    model.addAttribute("busyMinutes", minutes(busy));
    model.addAttribute("signedOut", signedOut != null);
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

  /** A timeout in words: {@code 30 minutes}, {@code 1 hour}, {@code 1 hour 30 minutes}. */
  static String wordsFor(Duration duration) {
    long hours = duration.toHours();
    long minutes = duration.toMinutesPart();
    if (hours == 0 && minutes == 0) {
      long seconds = Math.max(1, duration.toSeconds());
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    String h = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
    String m = minutes == 0 ? "" : minutes + (minutes == 1 ? " minute" : " minutes");
    return (h + " " + m).strip();
  }

  /** Minutes to wait as given in the address, 1 to 999, or none. */
  private static @Nullable Integer minutes(@Nullable String text) {
    if (text == null || !text.matches("\\d{1,3}")) {
      return text == null ? null : 1;
    }
    return Math.max(1, Integer.parseInt(text));
  }
}
