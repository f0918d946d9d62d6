package org.ccrhub.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.ActionProgress.Assignment;
import org.ccrhub.plans.PlanSummaries;
import org.ccrhub.plans.PlanSummary;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.Role;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Partnership;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a signed-in person lands, the partnership home page with a section for each of their roles
 * ({@link HomePage}), and switching partnership.
 */
@Controller
class HomeController {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final Accounts accounts;
  private final ActionProgress progress;
  private final PlanSummaries plans;
  private final Indicators indicators;
  private final ReportingPeriods periods;
  private final Clock clock;

  HomeController(
      Accounts accounts,
      ActionProgress progress,
      PlanSummaries plans,
      Indicators indicators,
      ReportingPeriods periods,
      Clock clock) {
    this.accounts = accounts;
    this.progress = progress;
    this.plans = plans;
    this.indicators = indicators;
    this.periods = periods;
    this.clock = clock;
  }

  @GetMapping("/")
  String home(
      @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
    List<Partnership> partnerships = accounts.partnershipsOf(user.accountId());
    if (partnerships.size() == 1) {
      // a message for the person (e.g. "password changed") goes on to the page they land on
      Object message = model.getAttribute("message");
      if (message != null) {
        redirect.addFlashAttribute("message", message);
      }
      return "redirect:/p/" + partnerships.get(0).slug();
    }
    model.addAttribute("partnerships", partnerships);
    return "web/choose-partnership";
  }

  @GetMapping("/p/{slug}")
  String partnershipHome(
      Partnership partnership,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model) {
    CurrentRoles roles =
        request.getAttribute(CurrentRoles.REQUEST_ATTRIBUTE) instanceof CurrentRoles r
            ? r
            : new CurrentRoles(Set.of());
    LocalDate today = LocalDate.now(clock.withZone(UK));
    List<Assignment> assignments = progress.assignments(partnership, user.accountId());
    boolean showsActions = roles.has(Role.ACTION_LEAD) || !assignments.isEmpty();
    boolean managesPlans = HomePage.managesPlans(roles);
    boolean readsBoardSummary = HomePage.readsBoardSummary(roles);
    List<PlanSummary> summaries =
        managesPlans || readsBoardSummary ? plans.summaries(partnership) : List.of();
    model.addAttribute("section", "home");
    model.addAttribute("today", today);
    if (readsBoardSummary) {
      // the board pack of the period being reported, as the board pack page offers it
      model.addAttribute("boardPackPeriod", periods.collecting(partnership).toString());
    }
    model.addAttribute(
        "home",
        new HomePage(
            showsActions,
            assignments.stream().filter(Assignment::needsUpdate).toList(),
            assignments.stream().filter(a -> a.update().isPresent()).count(),
            assignments.stream()
                .filter(a -> a.open().isEmpty())
                .map(a -> a.plan().name() + " (" + a.period() + ")")
                .distinct()
                .toList(),
            managesPlans,
            readsBoardSummary,
            summaries,
            HomePage.seesIndicators(roles)
                ? Optional.of(indicators.offTarget(partnership, YearMonth.from(today)))
                : Optional.empty(),
            roles.has(Role.ANALYST),
            roles.isAdmin()
                ? Optional.of(accounts.signInSummary(partnership.id()))
                : Optional.empty()));
    return "web/partnership-home";
  }

  /** The switcher: only to a partnership the user belongs to (others get "not found" there). */
  @PostMapping("/switch-partnership")
  String switchPartnership(@RequestParam(defaultValue = "") String slug) {
    return slug.isBlank() ? "redirect:/" : "redirect:/p/" + Partnership.checkSlug(slug);
  }
}
