package org.ccrhub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own two-factor sign-in: setting it up (a QR code and the key written out, confirmed by
 * a code from the app, then ten recovery codes shown once), new recovery codes, and turning it off
 * (unless a role requires it). Both of those ask for a current code, counted like a password.
 */
@Controller
class TwoFactorController {

  static final String PATH = "/account/two-factor";
  static final String TURN_OFF_PATH = PATH + "/turn-off";
  static final String RECOVERY_CODES_PATH = PATH + "/recovery-codes";

  /** The name the authenticator app shows for the account. */
  static final String ISSUER = "CCR Hub";

  /** The new secret, sealed, until the person confirms a code from it. */
  static final String NEW_SECRET = TwoFactorController.class.getName() + ".NEW_SECRET";

  /** When the new secret was made (epoch milliseconds): it is good for {@link #SET_UP_TIME}. */
  static final String NEW_SECRET_AT = TwoFactorController.class.getName() + ".NEW_SECRET_AT";

  /** How long a new secret may wait for its confirming code. */
  static final java.time.Duration SET_UP_TIME = java.time.Duration.ofMinutes(10);

  private static final String VIEW_STATUS = "security/two-factor";
  private static final String VIEW_SET_UP = "security/two-factor-set-up";
  private static final String VIEW_CONFIRM = "security/two-factor-confirm";
  private static final String VIEW_CODES = "security/two-factor-recovery-codes";

  private final TwoFactorEnrolments enrolments;
  private final TwoFactorChecks checks;
  private final Accounts accounts;
  private final java.time.Clock clock;

  TwoFactorController(
      TwoFactorEnrolments enrolments,
      TwoFactorChecks checks,
      Accounts accounts,
      java.time.Clock clock) {
    this.enrolments = enrolments;
    this.checks = checks;
    this.accounts = accounts;
    this.clock = clock;
  }

  @GetMapping(PATH)
  String showTwoFactor(
      @AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
    Optional<TwoFactorEnrolments.Enrolment> enrolment = enrolments.of(user.accountId());
    model.addAttribute("requiredBy", requiredBy(user));
    if (enrolment.isPresent()) {
      model.addAttribute("enrolment", enrolment.get());
      return VIEW_STATUS;
    }
    model.addAttribute("form", new CodeForm());
    return setUpView(user, session, model);
  }

  @PostMapping(PATH)
  String processSetUpForm(
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("form") CodeForm form,
      BindingResult result,
      HttpSession session,
      HttpServletRequest request,
      Model model) {
    if (enrolments.enrolled(user.accountId())) {
      return "redirect:" + PATH;
    }
    model.addAttribute("requiredBy", requiredBy(user));
    if (form.getPassword().isEmpty()) {
      result.rejectValue("password", "missing", "Enter your password");
    }
    form.checkAppCode(result);
    if (result.hasErrors()) {
      return setUpView(user, session, model);
    }
    Optional<TotpSecret> pending = currentSecret(user, session);
    if (pending.isEmpty()) {
      result.rejectValue(
          "code",
          "expired",
          "The QR code and key have expired. Scan the new QR code or enter the new key, then"
              + " enter the code your app shows");
      return setUpView(user, session, model);
    }
    TwoFactorChecks.Result password =
        checks.password(account(user), SignInHandlers.addressOf(request), form.getPassword());
    if (!password.passed()) {
      result.rejectValue(
          "password",
          "wrong",
          password.kind() == TwoFactorChecks.Kind.WAIT
              ? "You have entered a wrong password too many times. Wait "
                  + (password.minutes() == 1 ? "1 minute" : password.minutes() + " minutes")
                  + " and try again"
              : "Your password is not correct");
      return setUpView(user, session, model);
    }
    Optional<List<String>> codes;
    try {
      codes = enrolments.enrol(user.accountId(), pending.get(), form.digits());
    } catch (InvalidInputException alreadySetUp) {
      return "redirect:" + PATH;
    }
    if (codes.isEmpty()) {
      result.rejectValue(
          "code",
          "wrong",
          "The code is not correct. Check that the time on your phone is right, then enter the"
              + " code your app shows now");
      return setUpView(user, session, model);
    }
    session.removeAttribute(NEW_SECRET);
    session.removeAttribute(NEW_SECRET_AT);
    // every session of an account with two-factor sign-in has passed both steps
    enrolments.endOtherSessions(user.email(), session.getId());
    request.changeSessionId();
    return codesView(model, codes.get(), false);
  }

  private String setUpView(SignedInUser user, HttpSession session, Model model) {
    TotpSecret secret = secret(user, session);
    model.addAttribute(
        "qrCode",
        QrCodeSvg.of(
            secret.otpauthUri(ISSUER, user.email()),
            "QR code to add CCR Hub to your authenticator app"));
    model.addAttribute("keyGroups", secret.groups());
    return VIEW_SET_UP;
  }

  /**
   * The secret being set up: made once per session, so that reloading the page does not undo a QR
   * code already scanned. It is kept in the session only sealed with the two-factor key.
   */
  private TotpSecret secret(SignedInUser user, HttpSession session) {
    Optional<TotpSecret> current = currentSecret(user, session);
    if (current.isPresent()) {
      return current.get();
    }
    TotpSecret secret = TotpSecret.random();
    session.setAttribute(NEW_SECRET, enrolments.sealPending(user.accountId(), secret));
    session.setAttribute(NEW_SECRET_AT, clock.millis());
    return secret;
  }

  /** The secret being set up, if it was made less than {@link #SET_UP_TIME} ago. */
  private Optional<TotpSecret> currentSecret(SignedInUser user, HttpSession session) {
    if (session.getAttribute(NEW_SECRET) instanceof String sealed
        && session.getAttribute(NEW_SECRET_AT) instanceof Long madeAt) {
      long age = clock.millis() - madeAt;
      if (age >= 0 && age < SET_UP_TIME.toMillis()) {
        return enrolments.openPending(user.accountId(), sealed);
      }
    }
    session.removeAttribute(NEW_SECRET);
    session.removeAttribute(NEW_SECRET_AT);
    return Optional.empty();
  }

  @GetMapping(TURN_OFF_PATH)
  String initTurnOffForm(@AuthenticationPrincipal SignedInUser user, Model model) {
    if (!enrolments.enrolled(user.accountId()) || requiredBy(user) != null) {
      return "redirect:" + PATH;
    }
    model.addAttribute("form", new CodeForm());
    return confirmView(model, false);
  }

  @PostMapping(TURN_OFF_PATH)
  String processTurnOffForm(
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("form") CodeForm form,
      BindingResult result,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    if (!enrolments.enrolled(user.accountId()) || requiredBy(user) != null) {
      return "redirect:" + PATH;
    }
    if (!form.checkAppCode(result)
        || !passed(
            checks.code(
                account(user),
                SignInHandlers.addressOf(request),
                form.digits(),
                "turning off two-factor sign-in"),
            result)) {
      return confirmView(model, false);
    }
    try {
      enrolments.turnOff(user.accountId());
    } catch (InvalidInputException e) {
      return "redirect:" + PATH;
    }
    flash.addFlashAttribute("message", "Two-factor sign-in is off");
    return "redirect:" + PATH;
  }

  @GetMapping(RECOVERY_CODES_PATH)
  String initRecoveryCodesForm(@AuthenticationPrincipal SignedInUser user, Model model) {
    if (!enrolments.enrolled(user.accountId())) {
      return "redirect:" + PATH;
    }
    model.addAttribute("form", new CodeForm());
    return confirmView(model, true);
  }

  @PostMapping(RECOVERY_CODES_PATH)
  String processRecoveryCodesForm(
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("form") CodeForm form,
      BindingResult result,
      HttpServletRequest request,
      Model model) {
    if (!enrolments.enrolled(user.accountId())) {
      return "redirect:" + PATH;
    }
    if (!form.checkAppCode(result)
        || !passed(
            checks.code(
                account(user),
                SignInHandlers.addressOf(request),
                form.digits(),
                "getting new recovery codes"),
            result)) {
      return confirmView(model, true);
    }
    List<String> codes;
    try {
      codes = enrolments.renewRecoveryCodes(user.accountId());
    } catch (InvalidInputException e) {
      return "redirect:" + PATH;
    }
    return codesView(model, codes, true);
  }

  /** Whether the code passed; if not, why, as the field's error. */
  private static boolean passed(TwoFactorChecks.Result checked, BindingResult result) {
    String problem =
        switch (checked.kind()) {
          case PASSED -> null;
          case WRONG -> TwoFactorChecks.WRONG_CODE;
          case ALREADY_USED -> TwoFactorChecks.USED_CODE;
          case UNREADABLE, NOT_ENROLLED ->
              "Codes from your app cannot be checked just now. Ask your partnership administrator"
                  + " to reset your two-factor sign-in";
          case BLOCKED -> SignInCodeController.BLOCKED;
          case WAIT ->
              "You have entered a wrong code too many times. Wait "
                  + (checked.minutes() == 1 ? "1 minute" : checked.minutes() + " minutes")
                  + " and try again";
        };
    if (problem != null) {
      result.rejectValue("code", checked.kind().name(), problem);
    }
    return problem == null;
  }

  private static String confirmView(Model model, boolean newCodes) {
    model.addAttribute("newCodes", newCodes);
    model.addAttribute(
        "heading", newCodes ? "Get new recovery codes" : "Turn off two-factor sign-in");
    return VIEW_CONFIRM;
  }

  private static String codesView(Model model, List<String> codes, boolean renewed) {
    model.addAttribute("codes", codes);
    model.addAttribute("renewed", renewed);
    model.addAttribute("heading", renewed ? "Your new recovery codes" : "Two-factor sign-in is on");
    return VIEW_CODES;
  }

  private @Nullable String requiredBy(SignedInUser user) {
    Set<String> roles = enrolments.requiringRolesOf(user.accountId());
    return roles.isEmpty() ? null : TwoFactorEnrolments.requiredBy(roles);
  }

  private Account account(SignedInUser user) {
    return accounts.findById(user.accountId()).orElseThrow(() -> new IllegalStateException());
  }
}
