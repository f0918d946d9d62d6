package org.ccrhub.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The second step of signing in to an account with two-factor sign-in: after the right password,
 * the code from the authenticator app, or one of the recovery codes. Wrong codes count as failed
 * sign-ins ({@link TwoFactorChecks}); too many, or too long a wait after the password, and the
 * person starts again from the password.
 */
@Controller
@ConditionalOnWebApplication // with the sign-in handlers of SecurityConfiguration
class SignInCodeController {

  static final String CODE_PATH = "/sign-in/code";
  static final String RECOVERY_CODE_PATH = "/sign-in/recovery-code";
  private static final String VIEW_CODE = "security/sign-in-code";
  private static final String VIEW_RECOVERY_CODE = "security/sign-in-recovery-code";
  private static final String ENDED =
      "Your sign-in has ended. Enter your email address and password again.";
  static final String BLOCKED =
      "Too many wrong codes. Ask your partnership administrator to reset two-factor sign-in.";

  private final SignInHandlers signIn;
  private final TwoFactorChecks checks;

  SignInCodeController(SignInHandlers signIn, TwoFactorChecks checks) {
    this.signIn = signIn;
    this.checks = checks;
  }

  @GetMapping(CODE_PATH)
  String initCodeForm(HttpServletRequest request, Model model) {
    return initForm(request, model, VIEW_CODE);
  }

  @GetMapping(RECOVERY_CODE_PATH)
  String initRecoveryCodeForm(HttpServletRequest request, Model model) {
    return initForm(request, model, VIEW_RECOVERY_CODE);
  }

  private String initForm(HttpServletRequest request, Model model, String view) {
    if (signedIn()) {
      return "redirect:/";
    }
    if (signIn.pending(request).isEmpty()) {
      return "redirect:" + SecurityConfiguration.SIGN_IN;
    }
    model.addAttribute("form", new CodeForm());
    return view;
  }

  @PostMapping(CODE_PATH)
  @Nullable String processCodeForm(
      @ModelAttribute("form") CodeForm form,
      BindingResult result,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws ServletException, IOException {
    Optional<SignInHandlers.PendingSignIn> pending = signIn.pending(request);
    if (pending.isEmpty()) {
      return startAgain(model, VIEW_CODE, tooLate());
    }
    if (!form.checkAppCode(result)) {
      return VIEW_CODE;
    }
    Optional<Account> account = account(pending.get());
    if (account.isEmpty()) {
      signIn.abandon(request);
      return startAgain(model, VIEW_CODE, ENDED);
    }
    TwoFactorChecks.Result checked =
        checks.code(account.get(), addressOf(request), form.digits(), "signing in");
    switch (checked.kind()) {
      case PASSED -> {
        signIn.secondStepPassed(
            request, response, pending.get(), "Signed in with a two-factor code");
        return null;
      }
      case WRONG -> result.rejectValue("code", "wrong", TwoFactorChecks.WRONG_CODE);
      case ALREADY_USED -> result.rejectValue("code", "used", TwoFactorChecks.USED_CODE);
      case UNREADABLE ->
          result.rejectValue(
              "code",
              "unreadable",
              "Codes from your app cannot be checked just now. Use a recovery code, or ask your"
                  + " partnership administrator to reset your two-factor sign-in");
      case NOT_ENROLLED -> {
        signIn.abandon(request);
        return startAgain(model, VIEW_CODE, "Your two-factor sign-in has changed. Sign in again.");
      }
      case WAIT -> {
        signIn.abandon(request);
        return startAgain(model, VIEW_CODE, tooMany(checked.minutes()));
      }
      case BLOCKED -> {
        signIn.abandon(request);
        return startAgain(model, VIEW_CODE, BLOCKED);
      }
    }
    return VIEW_CODE;
  }

  @PostMapping(RECOVERY_CODE_PATH)
  @Nullable String processRecoveryCodeForm(
      @ModelAttribute("form") CodeForm form,
      BindingResult result,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws ServletException, IOException {
    Optional<SignInHandlers.PendingSignIn> pending = signIn.pending(request);
    if (pending.isEmpty()) {
      return startAgain(model, VIEW_RECOVERY_CODE, tooLate());
    }
    if (form.digits().isEmpty()) {
      result.rejectValue("code", "missing", "Enter a recovery code");
      return VIEW_RECOVERY_CODE;
    }
    if (RecoveryCodes.normalise(form.getCode()).isEmpty()) {
      result.rejectValue(
          "code", "format", "A recovery code is 10 letters and numbers, for example abcde-23456");
      return VIEW_RECOVERY_CODE;
    }
    Optional<Account> account = account(pending.get());
    if (account.isEmpty()) {
      signIn.abandon(request);
      return startAgain(model, VIEW_RECOVERY_CODE, ENDED);
    }
    TwoFactorChecks.Result checked =
        checks.recoveryCode(account.get(), addressOf(request), form.getCode());
    switch (checked.kind()) {
      case PASSED -> {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("message", recoveryCodesLeft(checked.recoveryCodesLeft()));
        RequestContextUtils.getFlashMapManager(request)
            .saveOutputFlashMap(flash, request, response);
        signIn.secondStepPassed(request, response, pending.get(), "Signed in with a recovery code");
        return null;
      }
      case NOT_ENROLLED -> {
        signIn.abandon(request);
        return startAgain(
            model, VIEW_RECOVERY_CODE, "Your two-factor sign-in has changed. Sign in again.");
      }
      case WAIT -> {
        signIn.abandon(request);
        return startAgain(model, VIEW_RECOVERY_CODE, tooMany(checked.minutes()));
      }
      case BLOCKED -> {
        signIn.abandon(request);
        return startAgain(model, VIEW_RECOVERY_CODE, BLOCKED);
      }
      default ->
          result.rejectValue(
              "code",
              "wrong",
              "The recovery code is not correct, or it has been used. Check it and try again");
    }
    return VIEW_RECOVERY_CODE;
  }

  static String recoveryCodesLeft(int left) {
    return "You signed in with a recovery code. You have "
        + (left == 0 ? "no" : String.valueOf(left))
        + (left == 1 ? " recovery code" : " recovery codes")
        + " left."
        + (left <= 3 ? " Get new ones on the Two-factor sign-in page." : "");
  }

  private Optional<Account> account(SignInHandlers.PendingSignIn pending) {
    return signIn.accountOf(pending);
  }

  private static String addressOf(HttpServletRequest request) {
    return SignInHandlers.addressOf(request);
  }

  /** The page without its form: the person must sign in again from the password. */
  private static String startAgain(Model model, String view, String why) {
    model.addAttribute("form", new CodeForm());
    model.addAttribute("startAgain", why);
    return view;
  }

  private static String tooLate() {
    return "Your sign-in was not finished within "
        + SignInController.wordsFor(SignInHandlers.CODE_TIME)
        + " of your password, or has ended. Enter your email address and password again.";
  }

  private static String tooMany(long minutes) {
    return "You have entered a wrong code too many times. Wait "
        + (minutes == 1 ? "1 minute" : minutes + " minutes")
        + ", then sign in again.";
  }

  private static boolean signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }
}
