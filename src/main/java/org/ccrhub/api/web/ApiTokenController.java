package org.ccrhub.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.ccrhub.api.ApiToken;
import org.ccrhub.api.ApiTokens;
import org.ccrhub.api.NewApiToken;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Partnership;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "API tokens" page of a partnership: any member makes, lists and revokes their own tokens; an
 * administrator also sees and revokes everyone's. A new token is shown once, on the answer to the
 * form that made it (never in a redirect, the session or a log), and that answer is not stored.
 */
@Controller
@RequestMapping("/p/{slug}/api-tokens")
class ApiTokenController {

  static final String VIEW_TOKENS = "api/api-tokens";
  static final String VIEW_CREATED = "api/api-token-created";

  private final ApiTokens tokens;
  private final Clock clock;

  ApiTokenController(ApiTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @GetMapping
  String showTokens(
      Partnership partnership,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("form", new ApiTokenForm());
    return tokensPage(partnership, user, request, model);
  }

  @PostMapping
  String processTokenForm(
      Partnership partnership,
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("form") ApiTokenForm form,
      BindingResult result,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    form.check(result);
    if (result.hasErrors()) {
      return tokensPage(partnership, user, request, model);
    }
    NewApiToken made =
        tokens.create(partnership, user.accountId(), form.getName(), form.daysOrZero());
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("token", made.token());
    model.addAttribute("secret", made.secret());
    return VIEW_CREATED;
  }

  @PostMapping("/{id}/revoke")
  String revokeToken(
      Partnership partnership,
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      RedirectAttributes flash) {
    ApiToken revoked = tokens.revoke(partnership, id, user.accountId());
    flash.addFlashAttribute("message", "API token '" + revoked.name() + "' revoked");
    return "redirect:/p/{slug}/api-tokens";
  }

  private String tokensPage(
      Partnership partnership, SignedInUser user, HttpServletRequest request, Model model) {
    boolean admin =
        request.getAttribute(CurrentRoles.REQUEST_ATTRIBUTE) instanceof CurrentRoles roles
            && roles.isAdmin();
    model.addAttribute("now", clock.instant());
    model.addAttribute("own", tokens.ownTokens(partnership, user.accountId()));
    List<ApiToken> others =
        admin
            ? tokens.partnershipTokens(partnership).stream()
                .filter(t -> t.accountId() != user.accountId())
                .toList()
            : List.of();
    model.addAttribute("admin", admin);
    model.addAttribute("others", others);
    model.addAttribute("mostDays", ApiTokens.MOST_DAYS);
    return VIEW_TOKENS;
  }
}
