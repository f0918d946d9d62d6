package org.ccrhub.reminders.web;

import org.ccrhub.reminders.Reminders;
import org.ccrhub.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where a person chooses a reminder email at each step or one weekly digest. */
@Controller
class ReminderPreferenceController {

  private final Reminders reminders;

  ReminderPreferenceController(Reminders reminders) {
    this.reminders = reminders;
  }

  @GetMapping(Reminders.PREFERENCES_PATH)
  String showPreferences(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("digest", reminders.wantsDigest(user.accountId()));
    model.addAttribute("daysBefore", reminders.daysBefore());
    model.addAttribute(
        "weeklyDay",
        reminders.weeklyDay().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK)
            + "s");
    return "reminders/preferences";
  }

  @PostMapping(Reminders.PREFERENCES_PATH)
  String processPreferences(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(defaultValue = "") String reminders,
      RedirectAttributes flash) {
    boolean digest = "weekly".equals(reminders);
    this.reminders.chooseDigest(user.accountId(), digest);
    flash.addFlashAttribute(
        "message",
        digest
            ? "You will get one email a week about your actions to update"
            : "You will get an email at each step of the reporting cycle");
    return "redirect:" + Reminders.PREFERENCES_PATH;
  }
}
