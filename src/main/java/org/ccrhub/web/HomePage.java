package org.ccrhub.web;

import java.util.List;
import java.util.Optional;
import org.ccrhub.indicators.OffTarget;
import org.ccrhub.plans.ActionProgress.Assignment;
import org.ccrhub.plans.PlanSummary;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.Role;
import org.ccrhub.security.SignInSummary;
import org.ccrhub.sharing.ProtocolRegister;

/**
 * What a person's home page in a partnership shows: a section for each of their roles, most useful
 * first, none twice. Their own actions to update come first (an administrator who also leads
 * actions sees those first); then the plans, as strategic leads and administrators follow the
 * quarter's updates, or else as a board member reads the ratings and exceptions; then the
 * indicators off target; then, for administrators, the accounts to look at.
 *
 * @param actions the person's actions that need an update, when they update actions
 * @param updated how many of their actions have an update for the period already
 * @param notOpen their plans with no period open for updates, e.g. "VAWG plan (2016/17 Q3)"
 * @param plans every plan at a glance, when a section shows plans
 * @param boardPackPeriod the period of the board pack offered to board members
 * @param offTarget the indicators off target, when a section shows them
 * @param signIns how the members are signing in, for administrators
 * @param protocolReviews the information sharing protocols whose review is near or past, for
 *     administrators, the data protection lead and each protocol's SPOCs and deputies
 * @param sharing the information sharing requests waiting for the person: to decide, or asked
 */
record HomePage(
    boolean showsActions,
    List<Assignment> actions,
    long updated,
    List<String> notOpen,
    boolean followsReporting,
    boolean readsBoardSummary,
    List<PlanSummary> plans,
    Optional<String> boardPackPeriod,
    Optional<OffTarget> offTarget,
    boolean analyses,
    Optional<SignInSummary> signIns,
    List<ProtocolRegister.Reminder> protocolReviews,
    org.ccrhub.sharing.Requests.Waiting sharing) {

  /** Who sees which section, by their roles and whether they have actions to update. */
  static boolean managesPlans(CurrentRoles roles) {
    return roles.isAdmin() || roles.has(Role.STRATEGIC_LEAD);
  }

  static boolean readsBoardSummary(CurrentRoles roles) {
    return roles.has(Role.VIEWER) && !managesPlans(roles);
  }

  static boolean seesIndicators(CurrentRoles roles) {
    return managesPlans(roles) || roles.has(Role.VIEWER) || roles.has(Role.ANALYST);
  }

  /** The plans section, in whichever form, is shown. */
  public boolean showsPlans() {
    return followsReporting || readsBoardSummary;
  }
}
