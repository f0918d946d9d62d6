package org.ccrhub.sharing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.shared.DateInput;
import org.ccrhub.shared.Dates;
import org.ccrhub.sharing.ProtocolRegisterChanges.Problem;
import org.ccrhub.sharing.Protocols;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.Errors;

/** What the protocol pages share: who keeps the register, today, and refusals as form errors. */
final class ProtocolPages {

  static final String SECTION = "sharing";

  private ProtocolPages() {}

  static CurrentRoles roles(HttpServletRequest request) {
    return request.getAttribute(CurrentRoles.REQUEST_ATTRIBUTE) instanceof CurrentRoles roles
        ? roles
        : new CurrentRoles(Set.of());
  }

  /** Whether the signed-in person keeps the register ({@link Protocols#keptBy}). */
  static boolean keeps(HttpServletRequest request) {
    return Protocols.keptBy(roles(request));
  }

  /** Everyone else may read the register, never change it: 403, as other keepers' pages refuse. */
  static void requireKeeper(HttpServletRequest request) {
    if (!keeps(request)) {
      throw new AccessDeniedException(
          "Only partnership administrators and the data protection lead keep the protocols");
    }
  }

  static LocalDate today(Clock clock) {
    return Dates.today(clock);
  }

  /**
   * Puts each problem on its field: a date's on its boxes, one with no field on the whole form (the
   * summary's first line).
   */
  static void reject(Errors errors, List<Problem> problems, Map<String, DateInput> dates) {
    for (Problem problem : problems) {
      DateInput date = dates.get(problem.field());
      if (problem.field().isEmpty()) {
        errors.reject("refused", problem.message());
      } else if (date != null) {
        date.reject(problem.field(), problem.message(), errors);
      } else {
        errors.rejectValue(problem.field(), "refused", problem.message());
      }
    }
  }

  /**
   * What a form says when someone else saved the same record since it was opened; what was typed
   * stays on the form, to be copied into the form opened again.
   */
  static void rejectChangedMeanwhile(Errors errors, String what) {
    errors.reject(
        "changedMeanwhile",
        "Someone else changed "
            + what
            + " since you opened this page. Open it again to see their change, then make yours");
  }
}
