package org.ccrhub.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A partnership's delivery plans, read and created. Every query is scoped to the partnership. */
@Service
public class DeliveryPlans {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final ReportingPeriods periods;

  DeliveryPlans(
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock,
      ReportingPeriods periods,
      @Value("${ccr.plans.kept-snapshots:8}") int keptSnapshots) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.periods = periods;
    this.snapshots =
        java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(32, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<SnapshotKey, Kept> eldest) {
                return size() > Math.max(1, keptSnapshots);
              }
            });
  }

  @Transactional(readOnly = true)
  public List<DeliveryPlan> findAll(Partnership partnership) {
    return jdbc.sql("select * from delivery_plan where partnership_id = :p order by lower(name)")
        .param("p", partnership.id())
        .query(this::mapPlan)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<DeliveryPlan> findByName(Partnership partnership, String name) {
    return jdbc.sql(
            "select * from delivery_plan where partnership_id = :p and lower(name) = lower(:name)")
        .param("p", partnership.id())
        .param("name", name.strip())
        .query(this::mapPlan)
        .optional();
  }

  @Transactional(readOnly = true)
  public DeliveryPlan find(Partnership partnership, long id) {
    return jdbc.sql("select * from delivery_plan where partnership_id = :p and id = :id")
        .param("p", partnership.id())
        .param("id", id)
        .query(this::mapPlan)
        .optional()
        .orElseThrow(() -> new NotFoundException("Delivery plan"));
  }

  /** The plan with this name, which the command line and imports refer to. */
  @Transactional(readOnly = true)
  public DeliveryPlan named(Partnership partnership, String name) {
    return findByName(partnership, name)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "There is no plan called '" + name + "' in " + partnership.slug()));
  }

  @Transactional
  public DeliveryPlan create(
      Partnership partnership, String name, FinancialYear firstYear, FinancialYear lastYear) {
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      throw new InvalidInputException(
          "Plan name '" + name + "' is not valid: give 1 to 200 characters");
    }
    if (lastYear.startYear() < firstYear.startYear()) {
      throw new InvalidInputException(
          "A plan cannot end (" + lastYear + ") before it starts (" + firstYear + ")");
    }
    if (findByName(partnership, name).isPresent()) {
      throw new InvalidInputException("There is already a plan called '" + name.strip() + "'");
    }
    long id =
        jdbc.sql(
                """
                insert into delivery_plan (partnership_id, name, first_year, last_year)
                values (:p, :name, :first, :last) returning id
                """)
            .param("p", partnership.id())
            .param("name", name.strip())
            .param("first", firstYear.startYear())
            .param("last", lastYear.startYear())
            .query(Long.class)
            .single();
    audit.record(
        AuditEntry.success(
            "CREATE", "DeliveryPlan", id, partnership.id(), "Created plan " + name.strip()));
    DeliveryPlan plan = find(partnership, id);
    periods.joinOpenPeriods(partnership, plan);
    return plan;
  }

  /** Publishes the plan on its public page, or takes it off. */
  @Transactional
  public void publish(Partnership partnership, long planId, boolean published) {
    DeliveryPlan plan = find(partnership, planId);
    jdbc.sql("update delivery_plan set published_at = :at, version = version + 1 where id = :id")
        .param("at", published ? OffsetDateTime.now(clock) : null)
        .param("id", plan.id())
        .update();
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "DeliveryPlan",
            plan.id(),
            partnership.id(),
            (published ? "Published plan " : "Unpublished plan ") + plan.name()));
  }

  /** The RAG scheme the partnership rates with. */
  @Transactional(readOnly = true)
  public RagScheme scheme(Partnership partnership) {
    return RagScheme.valueOf(
        jdbc.sql("select rag_scheme from partnership where id = :p")
            .param("p", partnership.id())
            .query(String.class)
            .single());
  }

  /**
   * The period a plan opens on: the one updates are being collected for, if it falls within the
   * plan's years; otherwise the latest period the plan has updates for (an old plan shows its last
   * position, not an empty quarter), or the plan's first or last quarter.
   */
  @Transactional(readOnly = true)
  public ReportingPeriod defaultPeriod(DeliveryPlan plan, ReportingPeriod collecting) {
    ReportingPeriod first = plan.firstYear().quarter(1);
    ReportingPeriod last = plan.lastYear().quarter(4);
    if (collecting.compareTo(first) >= 0 && collecting.compareTo(last) <= 0) {
      return collecting;
    }
    return jdbc.sql(
            """
            select u.year, u.quarter from progress_update u join plan_action a on a.id = u.action_id
            where a.plan_id = :plan order by u.year desc, u.quarter desc limit 1
            """)
        .param("plan", plan.id())
        .query((rs, n) -> new FinancialYear(rs.getInt(1)).quarter(rs.getInt(2)))
        .optional()
        .orElse(collecting.compareTo(first) < 0 ? first : last);
  }

  /**
   * The plan as it stood in a period (judged as at its last day, or today while it runs).
   *
   * <p>Snapshots are kept for reuse while the plan's version is unchanged: every change to a plan's
   * content (an import, a progress update) moves its version on, so a kept snapshot is never out of
   * date.
   */
  @Transactional(readOnly = true)
  public PlanSnapshot snapshot(Partnership partnership, DeliveryPlan plan, ReportingPeriod period) {
    return kept(partnership, plan, period).snapshot();
  }

  /** The exception report of a plan for a period, kept with its snapshot. */
  @Transactional(readOnly = true)
  public ExceptionReport exceptionReport(
      Partnership partnership, DeliveryPlan plan, ReportingPeriod period) {
    return kept(partnership, plan, period).report();
  }

  private Kept kept(Partnership partnership, DeliveryPlan plan, ReportingPeriod period) {
    LocalDate today = Dates.today(clock);
    LocalDate asOf = period.lastDay().isBefore(today) ? period.lastDay() : today;
    SnapshotKey key =
        jdbc.sql(
                """
                select d.version, p.rag_scheme from delivery_plan d
                join partnership p on p.id = d.partnership_id where d.id = :id
                """)
            .param("id", plan.id())
            .query(
                (rs, n) ->
                    new SnapshotKey(
                        plan.id(), rs.getInt(1), period, asOf, RagScheme.valueOf(rs.getString(2))))
            .single();
    Kept kept = snapshots.get(key);
    if (kept == null) {
      PlanSnapshot snapshot = load(plan, key.scheme(), period, asOf);
      kept = new Kept(snapshot, ExceptionReport.of(snapshot));
      snapshots.put(key, kept);
    }
    return kept;
  }

  private record Kept(PlanSnapshot snapshot, ExceptionReport report) {}

  private record SnapshotKey(
      long planId, int version, ReportingPeriod period, LocalDate asOf, RagScheme scheme) {}

  /**
   * The snapshots used most recently (ccr.plans.kept-snapshots, a plan and period each): a server
   * hosting many partnerships whose plans are all in use keeps as many as it has heap for.
   */
  private final Map<SnapshotKey, Kept> snapshots;

  /** Moves the plan's version on after a change to its content. */
  /**
   * Holds the plan's row until the transaction ends, so that writers of its content (an import, a
   * change to an action) take turns and each reads what the one before saved.
   */
  void lock(DeliveryPlan plan) {
    jdbc.sql("select id from delivery_plan where id = :id for update")
        .param("id", plan.id())
        .query(Long.class)
        .single();
  }

  /** Writes an action's leads, in order, where it has none. */
  void insertLeads(long actionId, List<String> leads) {
    for (int i = 0; i < leads.size(); i++) {
      jdbc.sql("insert into action_lead (action_id, position, name) values (:a, :p, :n)")
          .param("a", actionId)
          .param("p", i)
          .param("n", leads.get(i))
          .update();
    }
  }

  /**
   * Makes room for an outcome in the plan's order ({@link Refs#placeFor}) and returns the position
   * it takes: the outcomes after it move down one. With {@code moving}, that outcome (whose ref
   * changes) is taken out of the order first; its caller sets its position to the one returned.
   */
  int placeOutcome(DeliveryPlan plan, Optional<String> ref, Optional<Long> moving) {
    return place("plan_outcome", "plan_id", plan.id(), ref, moving);
  }

  /** Makes room for an area among its outcome's areas, as {@link #placeOutcome} does. */
  int placeArea(long outcomeId, Optional<String> ref, Optional<Long> moving) {
    return place("delivery_area", "outcome_id", outcomeId, ref, moving);
  }

  /** Renumbers the rows under a parent 0, 1, 2... leaving a gap where the ref goes. */
  private int place(
      String table, String parent, long parentId, Optional<String> ref, Optional<Long> moving) {
    List<Long> ids = new ArrayList<>();
    List<Optional<String>> refs = new ArrayList<>();
    jdbc.sql(
            "select id, ref from "
                + table
                + " where "
                + parent
                + " = :parent order by position, id")
        .param("parent", parentId)
        .query(
            (ResultSet rs) -> {
              if (moving.isEmpty() || moving.get() != rs.getLong(1)) {
                ids.add(rs.getLong(1));
                refs.add(Optional.ofNullable(rs.getString(2)));
              }
            });
    int place = Refs.placeFor(refs, ref);
    for (int i = 0; i < ids.size(); i++) {
      jdbc.sql("update " + table + " set position = :pos where id = :id and position <> :pos")
          .param("pos", i < place ? i : i + 1)
          .param("id", ids.get(i))
          .update();
    }
    return place;
  }

  /** The position after the plan's last action (archived ones too). */
  int nextActionPosition(DeliveryPlan plan) {
    return jdbc.sql("select coalesce(max(position) + 1, 0) from plan_action where plan_id = :plan")
        .param("plan", plan.id())
        .query(Integer.class)
        .single();
  }

  void changed(DeliveryPlan plan) {
    jdbc.sql("update delivery_plan set version = version + 1 where id = :id")
        .param("id", plan.id())
        .update();
  }

  private PlanSnapshot load(
      DeliveryPlan plan, RagScheme scheme, ReportingPeriod period, LocalDate asOf) {
    List<PlanAction> actions = actions(plan, period);
    return new PlanSnapshot(
        plan,
        scheme,
        period,
        asOf,
        outcomes(plan),
        areas(plan),
        actions,
        updatesIn(plan, period),
        updatesIn(plan, period.previous()),
        latestUpTo(plan, period));
  }

  @Transactional(readOnly = true)
  public List<PlanOutcome> outcomes(DeliveryPlan plan) {
    return jdbc.sql("select * from plan_outcome where plan_id = :plan order by position, id")
        .param("plan", plan.id())
        .query(
            (rs, n) ->
                new PlanOutcome(
                    rs.getLong("id"),
                    Optional.ofNullable(rs.getString("ref")),
                    rs.getString("title"),
                    rs.getInt("position"),
                    rs.getInt("version")))
        .list();
  }

  @Transactional(readOnly = true)
  public List<DeliveryArea> areas(DeliveryPlan plan) {
    return jdbc.sql(
            """
            select a.* from delivery_area a join plan_outcome o on o.id = a.outcome_id
            where o.plan_id = :plan order by o.position, a.position, a.id
            """)
        .param("plan", plan.id())
        .query(
            (rs, n) ->
                new DeliveryArea(
                    rs.getLong("id"),
                    rs.getLong("outcome_id"),
                    Optional.ofNullable(rs.getString("ref")),
                    rs.getString("title"),
                    rs.getInt("position"),
                    rs.getInt("version")))
        .list();
  }

  /**
   * The plan's actions in use: archived ones are left out, so lists of actions to update and
   * reminders never name them. In the order they were added; {@link PlanSnapshot} puts them in ref
   * order.
   */
  @Transactional(readOnly = true)
  public List<PlanAction> actions(DeliveryPlan plan) {
    return actions(plan, "and archived_at is null", Map.of());
  }

  /**
   * The plan's actions as it stood in a period: those archived from that period or an earlier one
   * are left out, those archived later are in (the period's reports showed them).
   */
  @Transactional(readOnly = true)
  public List<PlanAction> actions(DeliveryPlan plan, ReportingPeriod period) {
    return actions(
        plan,
        "and (archived_at is null or (archived_from_year, archived_from_quarter) > (:year, :quarter))",
        Map.of("year", period.year().startYear(), "quarter", period.quarter()));
  }

  /** Every action of the plan, archived ones too (an import matches them by ref). */
  List<PlanAction> everyAction(DeliveryPlan plan) {
    return actions(plan, "", Map.of());
  }

  /** The action with this ref in the plan, in any case, archived or not. */
  @Transactional(readOnly = true)
  public Optional<PlanAction> findAction(DeliveryPlan plan, String ref) {
    return jdbc.sql("select id from plan_action where plan_id = :plan and lower(ref) = lower(:ref)")
        .param("plan", plan.id())
        .param("ref", ref)
        .query(Long.class)
        .optional()
        .map(
            id -> {
              List<String> leads =
                  jdbc.sql("select name from action_lead where action_id = :a order by position")
                      .param("a", id)
                      .query(String.class)
                      .list();
              return jdbc.sql("select * from plan_action where id = :id")
                  .param("id", id)
                  .query((rs, n) -> mapAction(rs, plan.firstYear(), leads))
                  .single();
            });
  }

  /** Whether the action is archived, and from which period. */
  @Transactional(readOnly = true)
  public Optional<ActionArchive> archive(PlanAction action) {
    return jdbc.sql("select * from plan_action where id = :id and archived_at is not null")
        .param("id", action.id())
        .query((rs, n) -> mapArchive(rs))
        .optional();
  }

  /** The plan's archived actions in ref order, each with when it was archived. */
  @Transactional(readOnly = true)
  public List<ArchivedAction> archivedActions(DeliveryPlan plan) {
    Map<Long, ActionArchive> archives = new HashMap<>();
    jdbc.sql("select * from plan_action where plan_id = :plan and archived_at is not null")
        .param("plan", plan.id())
        .query(
            (ResultSet rs) -> {
              archives.put(rs.getLong("id"), mapArchive(rs));
            });
    if (archives.isEmpty()) {
      return List.of();
    }
    return actions(plan, "and archived_at is not null", Map.of()).stream()
        .sorted(java.util.Comparator.comparing(PlanAction::ref, Refs.NATURAL_ORDER))
        .map(a -> new ArchivedAction(a, archives.get(a.id())))
        .toList();
  }

  private static ActionArchive mapArchive(ResultSet rs) throws SQLException {
    return new ActionArchive(
        new FinancialYear(rs.getInt("archived_from_year"))
            .quarter(rs.getInt("archived_from_quarter")),
        rs.getObject("archived_at", OffsetDateTime.class).toInstant(),
        rs.getString("archived_by"));
  }

  private List<PlanAction> actions(DeliveryPlan plan, String which, Map<String, ?> params) {
    Map<Long, List<String>> leads = new HashMap<>();
    jdbc.sql(
            """
            select l.action_id, l.name from action_lead l
            where l.action_id = any(array(select id from plan_action where plan_id = :plan))
            order by l.action_id, l.position
            """)
        .param("plan", plan.id())
        .query(
            (ResultSet rs) -> {
              leads.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
    FinancialYear year = plan.firstYear();
    return jdbc.sql(
            "select * from plan_action where plan_id = :plan " + which + " order by position, id")
        .param("plan", plan.id())
        .params(params)
        .query((rs, n) -> mapAction(rs, year, leads.getOrDefault(rs.getLong("id"), List.of())))
        .list();
  }

  /** The current (newest) update of each action for one period. */
  @Transactional(readOnly = true)
  public Map<Long, ProgressUpdate> updatesIn(DeliveryPlan plan, ReportingPeriod period) {
    Map<Long, ProgressUpdate> updates = new LinkedHashMap<>();
    jdbc.sql(
            """
            select distinct on (u.action_id) u.* from progress_update u
            join plan_action a on a.id = u.action_id
            where a.plan_id = :plan and u.year = :year and u.quarter = :quarter
            order by u.action_id, u.id desc
            """)
        .param("plan", plan.id())
        .param("year", period.year().startYear())
        .param("quarter", period.quarter())
        .query(DeliveryPlans::mapUpdate)
        .list()
        .forEach(u -> updates.put(u.actionId(), u));
    return updates;
  }

  /** Each action's newest update in this period or any before it. */
  @Transactional(readOnly = true)
  public Map<Long, ProgressUpdate> latestUpTo(DeliveryPlan plan, ReportingPeriod period) {
    Map<Long, ProgressUpdate> updates = new LinkedHashMap<>();
    jdbc.sql(
            """
            select distinct on (u.action_id) u.* from progress_update u
            join plan_action a on a.id = u.action_id
            where a.plan_id = :plan and (u.year, u.quarter) <= (:year, :quarter)
            order by u.action_id, u.year desc, u.quarter desc, u.id desc
            """)
        .param("plan", plan.id())
        .param("year", period.year().startYear())
        .param("quarter", period.quarter())
        .query(DeliveryPlans::mapUpdate)
        .list()
        .forEach(u -> updates.put(u.actionId(), u));
    return updates;
  }

  /** Every update of an action, newest first, corrections included. */
  @Transactional(readOnly = true)
  public List<ProgressUpdate> history(PlanAction action) {
    return jdbc.sql(
            "select * from progress_update where action_id = :a order by year desc, quarter desc, id desc")
        .param("a", action.id())
        .query(DeliveryPlans::mapUpdate)
        .list();
  }

  static ProgressUpdate mapUpdate(ResultSet rs, int row) throws SQLException {
    return new ProgressUpdate(
        rs.getLong("id"),
        rs.getLong("action_id"),
        new FinancialYear(rs.getInt("year")).quarter(rs.getInt("quarter")),
        RagRating.valueOf(rs.getString("rating")),
        rs.getString("comment") == null ? "" : rs.getString("comment"),
        rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
  }

  static PlanAction mapAction(ResultSet rs, FinancialYear planYear, List<String> leads)
      throws SQLException {
    return new PlanAction(
        rs.getLong("id"),
        rs.getLong("plan_id"),
        rs.getLong("outcome_id"),
        Optional.ofNullable((Long) rs.getObject("area_id")),
        rs.getString("ref"),
        rs.getString("text"),
        nonNull(rs.getString("expected_outcome")),
        Due.parse(nonNull(rs.getString("due_text")), planYear),
        List.copyOf(leads),
        nonNull(rs.getString("links")),
        nonNull(rs.getString("resources")),
        nonNull(rs.getString("impact")),
        rs.getInt("version"));
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  private DeliveryPlan mapPlan(ResultSet rs, int row) throws SQLException {
    OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
    return new DeliveryPlan(
        rs.getLong("id"),
        rs.getLong("partnership_id"),
        rs.getString("name"),
        new FinancialYear(rs.getInt("first_year")),
        new FinancialYear(rs.getInt("last_year")),
        rs.getString("protective_marking"),
        Optional.ofNullable(published).map(OffsetDateTime::toInstant),
        rs.getInt("version"));
  }
}
