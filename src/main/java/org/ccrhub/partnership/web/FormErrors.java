package org.ccrhub.partnership.web;

import org.ccrhub.partnership.DetailsRejectedException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** How the admin forms show a service's refusal: as errors in the GOV.UK error summary. */
final class FormErrors {

  private FormErrors() {}

  /** A detail the service refused (a duplicate name, a choice from another partnership...). */
  static void reject(BindingResult result, DetailsRejectedException refusal) {
    result.rejectValue(refusal.field(), "rejected", refusal.getMessage());
  }

  /**
   * Someone else saved the record since the form was opened: the form comes back with what the user
   * typed, and the page shows what is saved now (model attribute {@code changedMeanwhile}).
   */
  static void rejectChangedMeanwhile(BindingResult result, Model model, String what) {
    result.reject(
        "changedMeanwhile",
        "Someone else changed "
            + what
            + " since you opened it. Check what is saved now, then save your changes again to"
            + " replace theirs");
    model.addAttribute("changedMeanwhile", true);
  }
}
