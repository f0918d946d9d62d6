package org.ccrhub.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ccrhub.plans.ActionProgress.Reporter;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.Role;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Dates;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/** What the plan pages share: who manages plans, periods to choose from, and UK dates. */
final class PlanPages {

  private PlanPages() {}

  static CurrentRoles roles(HttpServletRequest request) {
    return request.getAttribute(CurrentRoles.REQUEST_ATTRIBUTE) instanceof CurrentRoles roles
        ? roles
        : new CurrentRoles(Set.of());
  }

  /** Administrators and strategic leads import, publish, assign and open or close periods. */
  static boolean managesPlans(CurrentRoles roles) {
    return roles.isAdmin() || roles.has(Role.STRATEGIC_LEAD);
  }

  static void requireManager(HttpServletRequest request) {
    if (!managesPlans(roles(request))) {
      throw new AccessDeniedException("Only administrators and strategic leads manage plans");
    }
  }

  /** The signed-in person, with their roles here, as the one changing or updating a plan. */
  static Reporter reporter(SignedInUser user, HttpServletRequest request) {
    return new Reporter(user.accountId(), user.displayName(), roles(request).roles());
  }

  /**
   * What a form says when someone else saved a change to what it changes since the person opened
   * it.
   *
   * @param what what changed, e.g. an action's ref or "outcome 1 Prevention"
   */
  static String conflict(String what) {
    return "Someone else changed "
        + what
        + " since you opened this page. Compare their version with yours below; save yours to"
        + " replace theirs, or leave this page to keep theirs";
  }

  /** The period asked for, or the one updates are being collected for. */
  static ReportingPeriod period(
      @Nullable String text, ReportingPeriods periods, DeliveryPlan plan) {
    return text == null || text.isBlank() ? periods.current(plan) : ReportingPeriod.parse(text);
  }

  /** The period asked for, or the one the plan opens on ({@link DeliveryPlans#defaultPeriod}). */
  static ReportingPeriod period(
      @Nullable String text,
      ReportingPeriods periods,
      org.ccrhub.shared.Partnership partnership,
      org.ccrhub.plans.DeliveryPlans plans,
      DeliveryPlan plan) {
    return text == null || text.isBlank()
        ? plans.defaultPeriod(plan, periods.current(plan))
        : ReportingPeriod.parse(text);
  }

  /** The quarters of the plan's years and every opened period, newest first. */
  static List<String> periodOptions(
      DeliveryPlan plan, List<ReportingPeriods.Period> opened, ReportingPeriod selected) {
    TreeSet<ReportingPeriod> all = new TreeSet<>();
    for (var year = plan.firstYear(); year.compareTo(plan.lastYear()) <= 0; year = year.next()) {
      for (int q = 1; q <= 4; q++) {
        all.add(year.quarter(q));
      }
    }
    opened.forEach(p -> all.add(p.period()));
    all.add(selected);
    List<String> options = new ArrayList<>();
    all.descendingSet().forEach(p -> options.add(p.toString()));
    return options;
  }

  /** E.g. {@code 14 June 2016 at 3:45pm}, in UK time. */
  static String dateTime(Instant instant) {
    return Dates.time(instant);
  }

  /** E.g. {@code 3:45pm}, in UK time. */
  static String time(Instant instant) {
    return Dates.clock(LocalDateTime.ofInstant(instant, Dates.UK).toLocalTime());
  }

  /** E.g. {@code 14 June 2016}, in UK time. */
  static String date(Instant instant) {
    return Dates.date(instant);
  }
}
