package org.ccrhub.plans;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly progress on actions: who may update which action, recording an update (never
 * overwriting one), and the actions a lead has to update.
 *
 * <p>Action leads update the actions they are assigned to; strategic leads and administrators any
 * action of their partnership. An Amber or Red rating needs a comment. Updates go only to an open
 * period: never to a closed one, nor to one no manager has opened (an update does not open it).
 */
@Service
public class ActionProgress {

  private final JdbcClient jdbc;
  private final DeliveryPlans plans;
  private final ReportingPeriods periods;
  private final Accounts accounts;
  private final ActionLeads leads;
  private final AuditTrail audit;
  private final Clock clock;
  private final PublicTexts publicTexts;

  ActionProgress(
      JdbcClient jdbc,
      DeliveryPlans plans,
      ReportingPeriods periods,
      Accounts accounts,
      ActionLeads leads,
      AuditTrail audit,
      Clock clock,
      PublicTexts publicTexts) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.periods = periods;
    this.accounts = accounts;
    this.leads = leads;
    this.audit = audit;
    this.clock = clock;
    this.publicTexts = publicTexts;
  }

  /** Someone recording progress: their account, name and roles in the partnership. */
  public record Reporter(long accountId, String name, Set<Role> roles) {
    boolean updatesAnyAction() {
      return roles.contains(Role.PARTNERSHIP_ADMIN) || roles.contains(Role.STRATEGIC_LEAD);
    }
  }

  /**
   * An action of a plan, by its ref, archived or not; the plan was found in the partnership
   * already.
   */
  @Transactional(readOnly = true)
  public PlanAction action(DeliveryPlan plan, String ref) {
    return plans.findAction(plan, ref).orElseThrow(() -> new NotFoundException("Action"));
  }

  @Transactional(readOnly = true)
  public boolean mayUpdate(Reporter reporter, PlanAction action) {
    return reporter.updatesAnyAction()
        || reporter.roles().contains(Role.ACTION_LEAD)
            && updaters(action).contains(reporter.accountId());
  }

  /**
   * The accounts that update an action: through its leads or added by hand ({@link ActionLeads}
   * holds the rule).
   */
  @Transactional(readOnly = true)
  public Set<Long> updaters(PlanAction action) {
    return leads.updaters(action);
  }

  /** The accounts added to update an action by hand, apart from those its leads give it. */
  @Transactional(readOnly = true)
  public Set<Long> handAddedUpdaters(PlanAction action) {
    return leads.handAdded(action);
  }

  /**
   * Sets who updates an action by hand, besides the people its leads are mapped to; each must be a
   * member of the partnership.
   */
  @Transactional
  public void assignUpdaters(
      Partnership partnership, DeliveryPlan plan, PlanAction action, Set<Long> accountIds) {
    for (long id : accountIds) {
      accounts.member(partnership.id(), id); // not found for a stranger
    }
    jdbc.sql("delete from action_updater where action_id = :a").param("a", action.id()).update();
    for (long id : accountIds) {
      jdbc.sql("insert into action_updater (action_id, user_account_id) values (:a, :u)")
          .param("a", action.id())
          .param("u", id)
          .update();
    }
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "Action",
            action.id(),
            partnership.id(),
            "Set who updates "
                + plan.name()
                + " "
                + action.ref()
                + " ("
                + accountIds.size()
                + " people)"));
  }

  /**
   * What is wrong with an update's comment for this rating, if anything: an amber or red rating
   * needs one, and none may be longer than 8,000 characters. The form and the API say the same.
   */
  public static Optional<String> commentProblem(RagRating rating, @Nullable String comment) {
    String text = comment == null ? "" : comment.strip();
    if (rating.needsComment() && text.isEmpty()) {
      return Optional.of("Enter a comment explaining why the action is rated " + rating.label());
    }
    if (text.length() > 8000) {
      return Optional.of("A comment must be 8,000 characters or fewer");
    }
    return Optional.empty();
  }

  /**
   * Records progress on an action for a period, as a new update.
   *
   * @param seenUpdateId the id of the update the person saw when they opened the form (empty if
   *     there was none); if someone has recorded another since, nothing is saved
   */
  @Transactional
  public ProgressUpdate record(
      Partnership partnership,
      DeliveryPlan plan,
      PlanAction action,
      ReportingPeriod period,
      RagRating rating,
      String comment,
      Optional<Long> seenUpdateId,
      Reporter reporter) {
    return record(
        partnership,
        plan,
        action,
        period,
        rating,
        comment,
        Optional.empty(),
        seenUpdateId,
        reporter);
  }

  /**
   * Records progress on an action for a period, as a new update, with the action's public text for
   * the period ({@link PublicTexts#write}): new words withdraw its approval, the same words keep
   * it.
   *
   * @param publicText the public text as the form sent it (blank for none); empty to leave it
   * @param seenUpdateId as {@link #record(Partnership, DeliveryPlan, PlanAction, ReportingPeriod,
   *     RagRating, String, Optional, Reporter)}
   */
  @Transactional
  public ProgressUpdate record(
      Partnership partnership,
      DeliveryPlan plan,
      PlanAction action,
      ReportingPeriod period,
      RagRating rating,
      String comment,
      Optional<String> publicText,
      Optional<Long> seenUpdateId,
      Reporter reporter) {
    if (!mayUpdate(reporter, action)) {
      throw new AccessDeniedException("Not an updater of this action");
    }
    RagScheme scheme = plans.scheme(partnership);
    if (!scheme.allowed().contains(rating)) {
      throw new ProgressRejectedException("rating", "Select one of this partnership's ratings");
    }
    String text = comment == null ? "" : comment.strip();
    commentProblem(rating, text)
        .ifPresent(
            problem -> {
              throw new ProgressRejectedException("comment", problem);
            });
    publicText
        .flatMap(PublicText::problem)
        .ifPresent(
            problem -> {
              throw new ProgressRejectedException("publicText", problem);
            });
    periods
        .refusal(plan, period)
        .ifPresent(
            reason -> {
              throw new ProgressRejectedException("rating", reason);
            });
    plans
        .archive(action)
        .filter(archive -> archive.hides(period))
        .ifPresent(
            archive -> {
              throw new ProgressRejectedException(
                  "rating",
                  "Action "
                      + action.ref()
                      + " is archived from "
                      + archive.from()
                      + ": it takes no updates from then on unless it is restored");
            });
    // Serialise updates of one action, so that two saves cannot both pass the check below.
    jdbc.sql("select id from plan_action where id = :a for update")
        .param("a", action.id())
        .query()
        .singleRow();
    Optional<ProgressUpdate> current =
        Optional.ofNullable(plans.updatesIn(plan, period).get(action.id()));
    if (current.isPresent() && !current.map(ProgressUpdate::id).equals(seenUpdateId)) {
      throw new ProgressConflictException(current.get());
    }
    long id =
        jdbc.sql(
                """
                insert into progress_update (action_id, year, quarter, rating, comment, recorded_by, recorded_at)
                values (:a, :y, :q, :r, :c, :by, :at) returning id
                """)
            .param("a", action.id())
            .param("y", period.year().startYear())
            .param("q", period.quarter())
            .param("r", rating.name())
            .param("c", text.isEmpty() ? null : text)
            .param("by", reporter.name())
            .param("at", OffsetDateTime.now(clock))
            .query(Long.class)
            .single();
    plans.changed(plan);
    audit.record(
        AuditEntry.success(
            current.isPresent() ? "UPDATE" : "CREATE",
            "ProgressUpdate",
            id,
            partnership.id(),
            plan.name()
                + " "
                + action.ref()
                + " "
                + period
                + ": "
                + rating.label()
                + current.map(c -> " (was " + c.rating().label() + ")").orElse("")));
    publicText.ifPresent(
        words -> publicTexts.write(partnership, plan, action, period, words, reporter.name()));
    return plans.updatesIn(plan, period).get(action.id());
  }

  /** An earlier due date of a rescheduled action, and when and by whom it was changed. */
  public record EarlierDue(
      String text,
      Optional<java.time.LocalDate> deadline,
      java.time.Instant changedAt,
      String changedBy) {}

  /** The action's earlier due dates, newest first. */
  @Transactional(readOnly = true)
  public List<EarlierDue> earlierDues(PlanAction action) {
    return jdbc.sql(
            "select * from due_change where action_id = :a order by changed_at desc, id desc")
        .param("a", action.id())
        .query(
            (rs, n) ->
                new EarlierDue(
                    rs.getString("previous_text") == null ? "" : rs.getString("previous_text"),
                    Optional.ofNullable(rs.getDate("previous_date"))
                        .map(java.sql.Date::toLocalDate),
                    rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                    rs.getString("changed_by")))
        .list();
  }

  /**
   * Reschedules an action: the new due date in the plan's words (e.g. "Moved to Q2 2017/18"),
   * keeping the earlier one in the action's history.
   */
  @Transactional
  public PlanAction reschedule(
      Partnership partnership, DeliveryPlan plan, PlanAction action, String dueText, Reporter by) {
    if (!by.updatesAnyAction()) {
      throw new AccessDeniedException("Only administrators and strategic leads reschedule actions");
    }
    String text = dueText == null ? "" : dueText.strip();
    if (text.isEmpty()) {
      throw new ProgressRejectedException("due", "Enter the new due date");
    }
    if (text.length() > 200) {
      throw new ProgressRejectedException("due", "The due date must be 200 characters or fewer");
    }
    if (text.equals(action.due().text())) {
      return action;
    }
    Due due = Due.parse(text, plan.firstYear());
    jdbc.sql(
            """
            insert into due_change (action_id, previous_text, previous_date, changed_at, changed_by)
            values (:a, :text, :date, :at, :by)
            """)
        .param("a", action.id())
        .param("text", action.due().text().isEmpty() ? null : action.due().text())
        .param("date", action.due().deadline().map(java.sql.Date::valueOf).orElse(null))
        .param("at", OffsetDateTime.now(clock))
        .param("by", by.name())
        .update();
    jdbc.sql(
            "update plan_action set due_text = :text, due_date = :date, version = version + 1 where id = :a")
        .param("text", text)
        .param("date", due.deadline().map(java.sql.Date::valueOf).orElse(null))
        .param("a", action.id())
        .update();
    plans.changed(plan);
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "Action",
            action.id(),
            partnership.id(),
            plan.name()
                + " "
                + action.ref()
                + " rescheduled from '"
                + action.due().text()
                + "' to '"
                + text
                + "'"));
    return action(plan, action.ref());
  }

  /**
   * Changes an action's words, expected outcome, leads, links, resources or impact, and says
   * whether anything changed (saving what the action already says changes nothing). The version is
   * the one the person saw when they opened the form: if anyone changed the action since (this
   * form, an import, a rescheduling), nothing is saved and the {@link ActionConflictException}
   * carries the action as it is now.
   */
  @Transactional
  public boolean change(
      Partnership partnership,
      DeliveryPlan plan,
      PlanAction action,
      int seenVersion,
      ActionChange change,
      Reporter by) {
    if (!by.updatesAnyAction()) {
      throw new AccessDeniedException("Only administrators and strategic leads change actions");
    }
    change.problems().entrySet().stream()
        .findFirst()
        .ifPresent(
            p -> {
              throw new ProgressRejectedException(p.getKey(), p.getValue());
            });
    plans.lock(plan);
    PlanAction current = action(plan, action.ref());
    if (change.sameAs(current)) {
      return false;
    }
    if (current.version() != seenVersion) {
      throw new ActionConflictException(current);
    }
    jdbc.sql(
            """
            update plan_action set text = :text, expected_outcome = :expected, links = :links,
                resources = :resources, impact = :impact, version = version + 1
            where id = :id
            """)
        .param("text", change.text())
        .param("expected", PlanImport.blankToNull(change.expectedOutcome()))
        .param("links", PlanImport.blankToNull(change.links()))
        .param("resources", PlanImport.blankToNull(change.resources()))
        .param("impact", PlanImport.blankToNull(change.impact()))
        .param("id", current.id())
        .update();
    if (!change.leads().equals(current.leads())) {
      jdbc.sql("delete from action_lead where action_id = :a").param("a", current.id()).update();
      plans.insertLeads(current.id(), change.leads());
    }
    plans.changed(plan);
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "Action",
            current.id(),
            partnership.id(),
            plan.name() + " " + current.ref() + " changed: " + change.changesTo(current)));
    return true;
  }

  /**
   * An action a lead is assigned to, in the period its plan collects updates for.
   *
   * @param open the plan's open period, when the plan has one; none when nothing can be updated
   * @param update its update in the period, if it has one
   * @param earlier its latest update before the period, if any
   */
  public record Assignment(
      DeliveryPlan plan,
      PlanAction action,
      ReportingPeriod period,
      Optional<ReportingPeriods.Period> open,
      Optional<ProgressUpdate> update,
      Optional<ProgressUpdate> earlier) {

    /** Open for updates, not updated in it, and not completed in an earlier period. */
    public boolean needsUpdate() {
      return open.isPresent() && update.isEmpty() && !completedEarlier();
    }

    public boolean completedEarlier() {
      return update.isEmpty() && earlier.map(u -> u.rating() == RagRating.COMPLETED).orElse(false);
    }
  }

  /**
   * The actions an account updates (through their leads or added by hand), in every plan of the
   * partnership, each in the period its plan collects updates for, plans in name order and actions
   * in ref order.
   */
  @Transactional(readOnly = true)
  public List<Assignment> assignments(Partnership partnership, long accountId) {
    return plans.findAll(partnership).stream()
        .flatMap(
            plan -> {
              var updaters = leads.updaters(plan);
              List<PlanAction> assigned =
                  plans.actions(plan).stream()
                      .filter(a -> updaters.getOrDefault(a.id(), Set.of()).contains(accountId))
                      .sorted(java.util.Comparator.comparing(PlanAction::ref, Refs.NATURAL_ORDER))
                      .toList();
              if (assigned.isEmpty()) {
                return java.util.stream.Stream.empty();
              }
              Optional<ReportingPeriods.Period> open = periods.collecting(plan);
              ReportingPeriod period =
                  open.map(ReportingPeriods.Period::period).orElseGet(() -> periods.current(plan));
              var updates = plans.updatesIn(plan, period);
              var earlier = plans.latestUpTo(plan, period.previous());
              return assigned.stream()
                  .map(
                      a ->
                          new Assignment(
                              plan,
                              a,
                              period,
                              open,
                              Optional.ofNullable(updates.get(a.id())),
                              Optional.ofNullable(earlier.get(a.id()))));
            })
        .toList();
  }

  /** Every open period of the partnership's plans and how far it has got, oldest period first. */
  @Transactional(readOnly = true)
  public List<PeriodProgress> openPeriods(Partnership partnership) {
    List<PeriodProgress> all = new java.util.ArrayList<>();
    for (ReportingPeriods.Period open : periods.open(partnership)) {
      DeliveryPlan plan = plans.find(partnership, open.planId());
      all.add(progressIn(partnership, plan, open));
    }
    return all;
  }

  /** How far the plan's period has got. */
  @Transactional(readOnly = true)
  public PeriodProgress progressIn(
      Partnership partnership, DeliveryPlan plan, ReportingPeriods.Period period) {
    PlanSnapshot snapshot = plans.snapshot(partnership, plan, period.period());
    java.util.Map<Long, Set<Long>> updaters = leads.updaters(plan);
    int actions = 0;
    int updated = 0;
    List<PeriodProgress.Waiting> waiting = new java.util.ArrayList<>();
    for (PlanAction action : snapshot.actionsInRefOrder()) {
      boolean hasUpdate = snapshot.update(action).isPresent();
      if (!hasUpdate && snapshot.isCompleted(action)) {
        continue; // completed in an earlier period: nothing more to report
      }
      actions++;
      if (hasUpdate) {
        updated++;
      } else {
        waiting.add(
            new PeriodProgress.Waiting(action, updaters.getOrDefault(action.id(), Set.of())));
      }
    }
    return new PeriodProgress(plan, period, actions, updated, List.copyOf(waiting));
  }
}
