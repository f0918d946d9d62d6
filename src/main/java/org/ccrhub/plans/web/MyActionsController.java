package org.ccrhub.plans.web;

import java.util.List;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.ActionProgress.Assignment;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Partnership;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The actions the signed-in person updates, for the period updates are being collected for. */
@Controller
class MyActionsController {

  private final ActionProgress progress;
  private final ReportingPeriods periods;

  MyActionsController(ActionProgress progress, ReportingPeriods periods) {
    this.progress = progress;
    this.periods = periods;
  }

  @GetMapping("/p/{slug}/my-actions")
  String showMyActions(
      Partnership partnership, @AuthenticationPrincipal SignedInUser user, Model model) {
    ReportingPeriod period = periods.current(partnership);
    List<Assignment> assignments = progress.assignments(partnership, user.accountId(), period);
    model.addAttribute("section", "my-actions");
    model.addAttribute("period", period);
    boolean closed = periods.isClosed(partnership, period);
    model.addAttribute("periodClosed", closed);
    model.addAttribute("periodNotOpened", !closed && !periods.isOpen(partnership, period));
    model.addAttribute("assigned", !assignments.isEmpty());
    model.addAttribute(
        "needUpdate", assignments.stream().filter(a -> a.update().isEmpty()).toList());
    model.addAttribute(
        "updated", assignments.stream().filter(a -> a.update().isPresent()).toList());
    return "plans/my-actions";
  }
}
