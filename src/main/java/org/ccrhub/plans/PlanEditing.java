package org.ccrhub.plans;

import java.sql.Date;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.plans.ActionProgress.Reporter;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans built and kept on screen, a piece at a time: a new plan, its outcomes, their areas of
 * delivery and actions, and actions archived and restored. Only administrators and strategic leads
 * do this. An import stays the way to take a whole plan in, and follows the same rules: refs are
 * unique (an import finds outcomes, areas and actions by them), outcomes and areas stand in the
 * natural order of their refs ({@link Refs#placeFor}), and every change moves the plan's version on
 * and is audited.
 *
 * <p>Writers of a plan's contents take turns ({@link DeliveryPlans#lock}); a change made from a
 * form carries the version the person saw, and if someone saved a change since, nothing is saved.
 */
@Service
public class PlanEditing {

  private final JdbcClient jdbc;
  private final DeliveryPlans plans;
  private final ReportingPeriods periods;
  private final AuditTrail audit;
  private final Clock clock;

  PlanEditing(
      JdbcClient jdbc,
      DeliveryPlans plans,
      ReportingPeriods periods,
      AuditTrail audit,
      Clock clock) {
    this.periods = periods;
    this.jdbc = jdbc;
    this.plans = plans;
    this.audit = audit;
    this.clock = clock;
  }

  /** Starts a plan with no outcomes yet. */
  @Transactional
  public DeliveryPlan createPlan(Partnership partnership, NewPlan plan, Reporter by) {
    requireManager(by);
    rejectFirstProblem(plan.problems());
    if (plans.findByName(partnership, plan.name()).isPresent()) {
      throw new PlanEditRejectedException(
          "name", "There is already a plan called " + plan.name() + ": give this one another name");
    }
    if (plan.strategyId().isPresent() && !strategyExists(partnership, plan.strategyId().get())) {
      throw new PlanEditRejectedException("strategy", "Select one of the partnership's strategies");
    }
    long id;
    try {
      id =
          jdbc.sql(
                  """
                  insert into delivery_plan (partnership_id, strategy_id, name, first_year, last_year,
                      protective_marking)
                  values (:p, :strategy, :name, :first, :last, :marking) returning id
                  """)
              .param("p", partnership.id())
              .param("strategy", plan.strategyId().orElse(null))
              .param("name", plan.name())
              .param("first", plan.first().startYear())
              .param("last", plan.last().startYear())
              .param("marking", plan.marking())
              .query(Long.class)
              .single();
    } catch (DuplicateKeyException e) { // created by someone else just now
      throw new PlanEditRejectedException(
          "name", "There is already a plan called " + plan.name() + ": give this one another name");
    }
    DeliveryPlan created = plans.find(partnership, id);
    periods.joinOpenPeriods(partnership, created);
    audit.record(
        AuditEntry.success(
            "CREATE",
            "DeliveryPlan",
            id,
            partnership.id(),
            "Created plan "
                + created.name()
                + " ("
                + created.years()
                + ", "
                + plan.marking()
                + ")"));
    return created;
  }

  /** An outcome of the plan; not found when it belongs to another plan. */
  @Transactional(readOnly = true)
  public PlanOutcome outcome(DeliveryPlan plan, long outcomeId) {
    return plans.outcomes(plan).stream()
        .filter(o -> o.id() == outcomeId)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Outcome"));
  }

  /** An area of delivery of the plan; not found when it belongs to another plan. */
  @Transactional(readOnly = true)
  public DeliveryArea area(DeliveryPlan plan, long areaId) {
    return plans.areas(plan).stream()
        .filter(a -> a.id() == areaId)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Area of delivery"));
  }

  /** The number of actions in use (not archived) under each outcome and under each area. */
  public record ActionCounts(Map<Long, Integer> byOutcome, Map<Long, Integer> byArea) {

    public int ofOutcome(long outcomeId) {
      return byOutcome.getOrDefault(outcomeId, 0);
    }

    public int ofArea(long areaId) {
      return byArea.getOrDefault(areaId, 0);
    }
  }

  @Transactional(readOnly = true)
  public ActionCounts actionCounts(DeliveryPlan plan) {
    Map<Long, Integer> byOutcome = new java.util.HashMap<>();
    Map<Long, Integer> byArea = new java.util.HashMap<>();
    for (PlanAction action : plans.actions(plan)) {
      byOutcome.merge(action.outcomeId(), 1, Integer::sum);
      action.areaId().ifPresent(area -> byArea.merge(area, 1, Integer::sum));
    }
    return new ActionCounts(byOutcome, byArea);
  }

  /** Adds an outcome, in the place its ref gives it among the plan's outcomes. */
  @Transactional
  public PlanOutcome addOutcome(
      Partnership partnership, DeliveryPlan plan, HeadingChange outcome, Reporter by) {
    return outcome(plan, addHeading(partnership, plan, Kind.OUTCOME, plan.id(), outcome, "", by));
  }

  /**
   * Changes an outcome's ref or title, and says whether anything changed. A new ref moves it to its
   * place in the plan's order.
   *
   * @throws ConcurrentChangeException when someone changed the outcome since {@code seenVersion}
   */
  @Transactional
  public boolean changeOutcome(
      Partnership partnership,
      DeliveryPlan plan,
      long outcomeId,
      int seenVersion,
      HeadingChange change,
      Reporter by) {
    return changeHeading(partnership, plan, Kind.OUTCOME, outcomeId, seenVersion, change, by);
  }

  /** Adds an area of delivery under an outcome, in the place its ref gives it. */
  @Transactional
  public DeliveryArea addArea(
      Partnership partnership,
      DeliveryPlan plan,
      PlanOutcome outcome,
      HeadingChange area,
      Reporter by) {
    String to = " to outcome " + outcome.label();
    return area(plan, addHeading(partnership, plan, Kind.AREA, outcome.id(), area, to, by));
  }

  /**
   * Changes an area's ref or title, and says whether anything changed.
   *
   * @throws ConcurrentChangeException when someone changed the area since {@code seenVersion}
   */
  @Transactional
  public boolean changeArea(
      Partnership partnership,
      DeliveryPlan plan,
      long areaId,
      int seenVersion,
      HeadingChange change,
      Reporter by) {
    return changeHeading(partnership, plan, Kind.AREA, areaId, seenVersion, change, by);
  }

  /**
   * Adds an action to an outcome (and one of its areas, if given). Its ref must be new to the plan,
   * archived actions included; the plan lists it in ref order wherever it was added.
   */
  @Transactional
  public PlanAction addAction(
      Partnership partnership,
      DeliveryPlan plan,
      PlanOutcome outcome,
      NewAction action,
      Reporter by) {
    requireManager(by);
    rejectFirstProblem(action.problems());
    plans.lock(plan);
    if (action.areaId().isPresent()
        && plans.areas(plan).stream()
            .noneMatch(a -> a.id() == action.areaId().get() && a.outcomeId() == outcome.id())) {
      throw new PlanEditRejectedException("area", "Select one of this outcome's areas, or none");
    }
    Optional<PlanAction> holder = plans.findAction(plan, action.ref());
    if (holder.isPresent()) {
      PlanAction other = holder.get();
      boolean archived = plans.archive(other).isPresent();
      throw new PlanEditRejectedException(
          "ref",
          "The ref "
              + action.ref()
              + " is already used by "
              + (archived ? "archived action " : "action ")
              + other.ref()
              + " ("
              + shortened(other.text())
              + "): give this action a ref of its own");
    }
    Due due = action.dueIn(plan);
    ActionChange details = action.details();
    long id =
        jdbc.sql(
                """
                insert into plan_action (plan_id, outcome_id, area_id, ref, text, expected_outcome,
                    due_text, due_date, links, resources, impact, position)
                values (:plan, :outcome, :area, :ref, :text, :expected, :dueText, :dueDate,
                    :links, :resources, :impact, :position) returning id
                """)
            .param("plan", plan.id())
            .param("outcome", outcome.id())
            .param("area", action.areaId().orElse(null))
            .param("ref", action.ref())
            .param("text", details.text())
            .param("expected", PlanImport.blankToNull(details.expectedOutcome()))
            .param("dueText", PlanImport.blankToNull(due.text()))
            .param("dueDate", due.deadline().map(Date::valueOf).orElse(null))
            .param("links", PlanImport.blankToNull(details.links()))
            .param("resources", PlanImport.blankToNull(details.resources()))
            .param("impact", PlanImport.blankToNull(details.impact()))
            .param("position", plans.nextActionPosition(plan))
            .query(Long.class)
            .single();
    plans.insertLeads(id, details.leads());
    plans.changed(plan);
    audit.record(
        AuditEntry.success(
            "CREATE",
            "Action",
            id,
            partnership.id(),
            plan.name() + ": added action " + action.ref() + " to outcome " + outcome.label()));
    return plans.findAction(plan, action.ref()).orElseThrow();
  }

  /** The first period the action would be gone from if it were archived now. */
  @Transactional(readOnly = true)
  public ReportingPeriod goneFromIfArchivedNow(PlanAction action, ReportingPeriod collecting) {
    boolean updated =
        jdbc.sql(
                """
                select exists (select 1 from progress_update
                    where action_id = :a and year = :year and quarter = :quarter)
                """)
            .param("a", action.id())
            .param("year", collecting.year().startYear())
            .param("quarter", collecting.quarter())
            .query(Boolean.class)
            .single();
    return ActionArchive.firstPeriodWithout(collecting, updated);
  }

  /**
   * Archives an action from the period updates are being collected for, or from the next period if
   * it already has an update in that one ({@link ActionArchive#firstPeriodWithout}). Archiving an
   * archived action changes nothing.
   *
   * @param collecting the period updates are being collected for in this plan
   * @throws ActionConflictException when someone changed the action since {@code seenVersion}
   */
  @Transactional
  public ActionArchive archiveAction(
      Partnership partnership,
      DeliveryPlan plan,
      PlanAction action,
      int seenVersion,
      ReportingPeriod collecting,
      Reporter by) {
    PlanAction current = lockedForChange(plan, action, by);
    Optional<ActionArchive> already = plans.archive(current);
    if (already.isPresent()) {
      return already.get();
    }
    if (current.version() != seenVersion) {
      throw new ActionConflictException(current);
    }
    ReportingPeriod from = goneFromIfArchivedNow(current, collecting);
    jdbc.sql(
            """
            update plan_action set archived_from_year = :year, archived_from_quarter = :quarter,
                archived_at = :at, archived_by = :by, version = version + 1
            where id = :id
            """)
        .param("year", from.year().startYear())
        .param("quarter", from.quarter())
        .param("at", OffsetDateTime.now(clock))
        .param("by", by.name())
        .param("id", current.id())
        .update();
    actionChanged(
        partnership,
        plan,
        current,
        plan.name() + " " + current.ref() + " archived: gone from the plan from " + from);
    return plans.archive(current).orElseThrow();
  }

  /**
   * Brings an archived action back into the plan, in every period, and says whether it was
   * archived. Only its archiving changes, so nothing anyone saved meanwhile is lost.
   */
  @Transactional
  public boolean restoreAction(
      Partnership partnership, DeliveryPlan plan, PlanAction action, Reporter by) {
    PlanAction current = lockedForChange(plan, action, by);
    Optional<ActionArchive> archive = plans.archive(current);
    if (archive.isEmpty()) {
      return false;
    }
    jdbc.sql(
            """
            update plan_action set archived_from_year = null, archived_from_quarter = null,
                archived_at = null, archived_by = null, version = version + 1
            where id = :id
            """)
        .param("id", current.id())
        .update();
    actionChanged(
        partnership,
        plan,
        current,
        plan.name()
            + " "
            + current.ref()
            + " restored (it had been archived from "
            + archive.get().from()
            + ")");
    return true;
  }

  /** An action as saved now, once the plan is locked for {@code by} to change it. */
  private PlanAction lockedForChange(DeliveryPlan plan, PlanAction action, Reporter by) {
    requireManager(by);
    plans.lock(plan);
    return plans.findAction(plan, action.ref()).orElseThrow(() -> new NotFoundException("Action"));
  }

  /** Moves the plan's version on and audits a change to one of its actions. */
  private void actionChanged(
      Partnership partnership, DeliveryPlan plan, PlanAction action, String summary) {
    plans.changed(plan);
    audit.record(AuditEntry.success("UPDATE", "Action", action.id(), partnership.id(), summary));
  }

  /**
   * Adds an outcome (under the plan) or an area (under an outcome), in the place its ref gives it
   * among the others there, and says its id.
   *
   * @param to the end of the audit record's summary, after the label
   */
  private long addHeading(
      Partnership partnership,
      DeliveryPlan plan,
      Kind kind,
      long parentId,
      HeadingChange heading,
      String to,
      Reporter by) {
    requireManager(by);
    rejectFirstProblem(heading.problems(kind.word));
    plans.lock(plan);
    checkKnownApart(plan, kind, parentId, heading, Optional.empty());
    int position = place(plan, kind, parentId, heading.optionalRef(), Optional.empty());
    long id =
        jdbc.sql(
                "insert into "
                    + kind.table
                    + " ("
                    + kind.parentColumn
                    + ", ref, title, position) values (:parent, :ref, :title, :position)"
                    + " returning id")
            .param("parent", parentId)
            .param("ref", heading.optionalRef().orElse(null))
            .param("title", heading.title())
            .param("position", position)
            .query(Long.class)
            .single();
    plans.changed(plan);
    audit.record(
        AuditEntry.success(
            "CREATE",
            kind.objectType,
            id,
            partnership.id(),
            plan.name() + ": added " + kind.word + " " + heading.label() + to));
    return id;
  }

  /** Changes an outcome's or an area's ref or title, as {@link #changeOutcome} says. */
  private boolean changeHeading(
      Partnership partnership,
      DeliveryPlan plan,
      Kind kind,
      long id,
      int seenVersion,
      HeadingChange change,
      Reporter by) {
    requireManager(by);
    rejectFirstProblem(change.problems(kind.word));
    plans.lock(plan);
    Heading current = heading(plan, kind, id);
    if (current.ref().equals(change.optionalRef()) && current.title().equals(change.title())) {
      return false;
    }
    if (current.version() != seenVersion) {
      throw new ConcurrentChangeException(kind.noun);
    }
    checkKnownApart(plan, kind, current.parentId(), change, Optional.of(current.id()));
    int position =
        current.ref().equals(change.optionalRef())
            ? current.position()
            : place(
                plan, kind, current.parentId(), change.optionalRef(), Optional.of(current.id()));
    jdbc.sql(
            "update "
                + kind.table
                + " set ref = :ref, title = :title, position = :position, version = version + 1"
                + " where id = :id")
        .param("ref", change.optionalRef().orElse(null))
        .param("title", change.title())
        .param("position", position)
        .param("id", current.id())
        .update();
    plans.changed(plan);
    audit.record(
        AuditEntry.success(
            "UPDATE",
            kind.objectType,
            current.id(),
            partnership.id(),
            plan.name()
                + ": "
                + kind.word
                + " "
                + current.label()
                + " changed"
                + (current.label().equals(change.label()) ? "" : " to " + change.label())));
    return true;
  }

  /**
   * An outcome or an area of delivery, as far as adding, changing, placing and telling them apart
   * go. Outcomes stand under their plan, areas under their outcome.
   */
  private enum Kind {
    OUTCOME(
        "outcome",
        "Outcome",
        "plan_outcome",
        "plan_id",
        "PlanOutcome",
        "",
        "There is already an outcome called "),
    AREA(
        "area",
        "Area of delivery",
        "delivery_area",
        "outcome_id",
        "DeliveryArea",
        " of this outcome",
        "This outcome already has an area called ");

    /** What messages call one. */
    final String word;

    /** What an error calls one that is not found or was changed meanwhile. */
    final String noun;

    final String table;
    final String parentColumn;

    /** What the audit trail calls one. */
    final String objectType;

    /** Where the others are, after one's label in a message. */
    final String where;

    /** The start of the message when one without a ref takes another's title. */
    final String titleTaken;

    Kind(
        String word,
        String noun,
        String table,
        String parentColumn,
        String objectType,
        String where,
        String titleTaken) {
      this.word = word;
      this.noun = noun;
      this.table = table;
      this.parentColumn = parentColumn;
      this.objectType = objectType;
      this.where = where;
      this.titleTaken = titleTaken;
    }
  }

  /**
   * An outcome or an area, with the id of what it stands under: its plan or its outcome.
   *
   * @param label as plans write it: ref then title, or the title alone
   */
  private record Heading(
      long id,
      long parentId,
      Optional<String> ref,
      String title,
      String label,
      int position,
      int version) {

    static Heading of(DeliveryPlan plan, PlanOutcome o) {
      return new Heading(
          o.id(), plan.id(), o.ref(), o.title(), o.label(), o.position(), o.version());
    }

    static Heading of(DeliveryArea a) {
      return new Heading(
          a.id(), a.outcomeId(), a.ref(), a.title(), a.label(), a.position(), a.version());
    }
  }

  /** An outcome or an area of the plan; not found when it belongs to another plan. */
  private Heading heading(DeliveryPlan plan, Kind kind, long id) {
    return switch (kind) {
      case OUTCOME -> Heading.of(plan, outcome(plan, id));
      case AREA -> Heading.of(area(plan, id));
    };
  }

  /** The outcomes of the plan, or the areas of one of its outcomes. */
  private List<Heading> headingsUnder(DeliveryPlan plan, Kind kind, long parentId) {
    return switch (kind) {
      case OUTCOME -> plans.outcomes(plan).stream().map(o -> Heading.of(plan, o)).toList();
      case AREA ->
          plans.areas(plan).stream()
              .filter(a -> a.outcomeId() == parentId)
              .map(Heading::of)
              .toList();
    };
  }

  /** Makes room for an outcome or an area among the others under its parent ({@link Refs}). */
  private int place(
      DeliveryPlan plan, Kind kind, long parentId, Optional<String> ref, Optional<Long> moving) {
    return switch (kind) {
      case OUTCOME -> plans.placeOutcome(plan, ref, moving);
      case AREA -> plans.placeArea(parentId, ref, moving);
    };
  }

  /**
   * An import finds an outcome by its ref, or by its title when it has none: so no two outcomes of
   * a plan share a ref, and an outcome without one needs a title no other outcome has. The same
   * goes for the areas of one outcome.
   */
  private void checkKnownApart(
      DeliveryPlan plan, Kind kind, long parentId, HeadingChange change, Optional<Long> self) {
    for (Heading other : headingsUnder(plan, kind, parentId)) {
      if (self.isPresent() && self.get() == other.id()) {
        continue;
      }
      if (change.optionalRef().isPresent()
          && other.ref().map(r -> r.equalsIgnoreCase(change.ref())).orElse(false)) {
        throw new PlanEditRejectedException(
            "ref",
            "The ref "
                + change.ref()
                + " is already used by "
                + kind.word
                + " "
                + other.label()
                + kind.where
                + ": give this "
                + kind.word
                + " a ref of its own");
      }
      if (change.optionalRef().isEmpty() && other.title().equalsIgnoreCase(change.title())) {
        throw new PlanEditRejectedException(
            "title", kind.titleTaken + other.title() + ": give this one a ref or another title");
      }
    }
  }

  private boolean strategyExists(Partnership partnership, long strategyId) {
    return jdbc.sql("select count(*) from strategy where partnership_id = :p and id = :id")
            .param("p", partnership.id())
            .param("id", strategyId)
            .query(Long.class)
            .single()
        > 0;
  }

  private static void requireManager(Reporter by) {
    if (!by.updatesAnyAction()) {
      throw new AccessDeniedException("Only administrators and strategic leads change plans");
    }
  }

  private static void rejectFirstProblem(Map<String, String> problems) {
    problems.entrySet().stream()
        .findFirst()
        .ifPresent(
            p -> {
              throw new PlanEditRejectedException(p.getKey(), p.getValue());
            });
  }

  /** The first 60 characters of an action's words, to name it in a message. */
  private static String shortened(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    if (oneLine.codePointCount(0, oneLine.length()) <= 60) {
      return oneLine;
    }
    return oneLine.substring(0, oneLine.offsetByCodePoints(0, 59)).strip() + "…";
  }
}
