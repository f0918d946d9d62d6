package org.ccrhub.reports.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.indicators.DataMonth;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.reports.BoardPack;
import org.ccrhub.reports.BoardPacks;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * The board pack form's choices, checked the same way for a draft's download and for issuing: the
 * pack they describe; or the problems, on the form's fields; or, when the data month lacks some
 * indicators' figures and the person has not agreed to go without them, which figures those are.
 */
@Component
class BoardPackChoices {

  /**
   * What the choices came to: a pack, or the figures it would leave out ({@code missingFor}, with
   * the latest month that has them all), or neither when {@code errors} has the problems.
   */
  record Checked(
      @Nullable BoardPack pack, @Nullable DataMonth missingFor, @Nullable DataMonth latest) {}

  private final BoardPacks packs;
  private final DeliveryPlans plans;
  private final Clock clock;

  BoardPackChoices(BoardPacks packs, DeliveryPlans plans, Clock clock) {
    this.packs = packs;
    this.plans = plans;
    this.clock = clock;
  }

  Checked check(Partnership partnership, BoardPackForm form, Errors errors) {
    LocalDate today = Dates.today(clock);
    Optional<ReportingPeriod> period = form.period(errors, today);
    Optional<LocalDate> date = form.meetingDate(errors, today);
    Optional<YearMonth> chosenMonth = form.dataMonth(errors, today);
    form.board(errors);
    Map<String, DeliveryPlan> byId = new LinkedHashMap<>();
    plans.findAll(partnership).forEach(p -> byId.put(Long.toString(p.id()), p));
    if (!form.getPlans().stream().allMatch(byId::containsKey)) {
      errors.rejectValue("plans", "unknown", "Select plans from the list");
    }
    if (errors.hasErrors() || period.isEmpty() || date.isEmpty()) {
      return new Checked(null, null, null);
    }
    DataMonth dataMonth = packs.dataMonth(partnership, period.get(), chosenMonth.orElse(null));
    if (!dataMonth.complete() && !form.getWithoutMissing().equals(dataMonth.agreement())) {
      DataMonth latest =
          chosenMonth.isEmpty() ? dataMonth : packs.dataMonth(partnership, period.get(), null);
      return new Checked(null, dataMonth, latest);
    }
    List<String> names = form.getPlans().stream().map(id -> byId.get(id).name()).toList();
    BoardPack pack =
        packs.assemble(
            partnership, period.get(), names, form.getBoard(), date.get(), dataMonth.month());
    return new Checked(pack, null, null);
  }
}
