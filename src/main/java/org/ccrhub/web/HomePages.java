package org.ccrhub.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.ActionProgress.Assignment;
import org.ccrhub.plans.PlanSummaries;
import org.ccrhub.plans.PlanSummary;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.Protocols;
import org.ccrhub.sharing.Requests;
import org.springframework.stereotype.Component;

/**
 * Puts a person's home page together from the modules' summaries, asking each only for what the
 * person's roles show: each plan is read once, as one snapshot, whatever its size.
 */
@Component
class HomePages {

  private final ActionProgress progress;
  private final PlanSummaries plans;
  private final ReportingPeriods periods;
  private final Indicators indicators;
  private final Accounts accounts;
  private final Protocols protocols;
  private final Requests requests;

  HomePages(
      ActionProgress progress,
      PlanSummaries plans,
      ReportingPeriods periods,
      Indicators indicators,
      Accounts accounts,
      Protocols protocols,
      Requests requests) {
    this.progress = progress;
    this.plans = plans;
    this.periods = periods;
    this.indicators = indicators;
    this.accounts = accounts;
    this.protocols = protocols;
    this.requests = requests;
  }

  HomePage of(Partnership partnership, long accountId, CurrentRoles roles, LocalDate today) {
    List<Assignment> assignments = progress.assignments(partnership, accountId);
    boolean managesPlans = HomePage.managesPlans(roles);
    boolean readsBoardSummary = HomePage.readsBoardSummary(roles);
    List<PlanSummary> summaries =
        managesPlans
            ? plans.summaries(partnership)
            : readsBoardSummary ? plans.forTheBoard(partnership) : List.of();
    return new HomePage(
        roles.has(Role.ACTION_LEAD) || !assignments.isEmpty(),
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
        readsBoardSummary
            // the board pack of the latest period the plans show
            ? Optional.of(
                summaries.stream()
                    .map(PlanSummary::period)
                    .max(Comparator.naturalOrder())
                    .orElseGet(() -> periods.collecting(partnership))
                    .toString())
            : Optional.empty(),
        HomePage.seesIndicators(roles)
            ? Optional.of(indicators.offTarget(partnership, YearMonth.from(today)))
            : Optional.empty(),
        roles.has(Role.ANALYST),
        roles.isAdmin() ? Optional.of(accounts.signInSummary(partnership.id())) : Optional.empty(),
        protocols.reviewReminders(partnership, accountId, roles, today),
        requests.waiting(partnership, accountId));
  }
}
