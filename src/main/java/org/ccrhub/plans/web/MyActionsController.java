package org.ccrhub.plans.web;

import java.time.Clock;
import java.util.List;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.ActionProgress.Assignment;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The actions the signed-in person updates, each in the period its plan collects updates for, with
 * the date updates are due.
 */
@Controller
class MyActionsController {

  private final ActionProgress progress;
  private final Clock clock;

  MyActionsController(ActionProgress progress, Clock clock) {
    this.progress = progress;
    this.clock = clock;
  }

  @GetMapping("/p/{slug}/my-actions")
  String showMyActions(
      Partnership partnership, @AuthenticationPrincipal SignedInUser user, Model model) {
    List<Assignment> assignments = progress.assignments(partnership, user.accountId());
    model.addAttribute("section", "my-actions");
    model.addAttribute("today", Dates.today(clock));
    model.addAttribute("assigned", !assignments.isEmpty());
    model.addAttribute("needUpdate", assignments.stream().filter(Assignment::needsUpdate).toList());
    model.addAttribute(
        "updated", assignments.stream().filter(a -> a.update().isPresent()).toList());
    model.addAttribute(
        "notOpen",
        assignments.stream()
            .filter(a -> a.open().isEmpty())
            .map(a -> a.plan().name() + " (" + a.period() + ")")
            .distinct()
            .toList());
    return "plans/my-actions";
  }
}
