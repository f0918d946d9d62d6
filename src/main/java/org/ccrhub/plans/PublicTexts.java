package org.ccrhub.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.security.Role;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public texts of a plan's actions ({@link PublicText}): written with an update (by whoever may
 * update the action) or by a strategic lead when approving, and approved by a strategic lead, the
 * partnership's approver, before the public page shows them. Every change and every approval is in
 * the audit trail (which says what happened, not the words). Callers pass a plan found in the
 * partnership and an action found in the plan, so every query here is scoped through them.
 */
@Service
public class PublicTexts {

  /** Who approves public texts: the partnership's strategic leads. */
  public static final Role APPROVER = Role.STRATEGIC_LEAD;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  PublicTexts(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether someone with these roles approves public texts. */
  public static boolean approves(Set<Role> roles) {
    return roles.contains(APPROVER);
  }

  /** The action's public text for the period, if one was ever written. */
  @Transactional(readOnly = true)
  public Optional<PublicText> of(PlanAction action, ReportingPeriod period) {
    return jdbc.sql("select * from public_text where action_id = :a and year = :y and quarter = :q")
        .param("a", action.id())
        .param("y", period.year().startYear())
        .param("q", period.quarter())
        .query(PublicTexts::map)
        .optional();
  }

  /** Each action's public text for the period, by action id. */
  @Transactional(readOnly = true)
  public Map<Long, PublicText> in(DeliveryPlan plan, ReportingPeriod period) {
    Map<Long, PublicText> texts = new LinkedHashMap<>();
    jdbc.sql(
            """
            select t.* from public_text t join plan_action a on a.id = t.action_id
            where a.plan_id = :plan and t.year = :y and t.quarter = :q
            """)
        .param("plan", plan.id())
        .param("y", period.year().startYear())
        .param("q", period.quarter())
        .query(PublicTexts::map)
        .list()
        .forEach(t -> texts.put(t.actionId(), t));
    return texts;
  }

  /**
   * The public text beside each action's latest update on the public page: the text of that
   * update's period, approved or not, by action id ({@link PublicText#shownPublicly} says what the
   * public reads). An earlier period's text never stands beside a later rating: an old text beside
   * a new rating would mislead.
   */
  @Transactional(readOnly = true)
  public Map<Long, PublicText> forLatest(DeliveryPlan plan, Map<Long, ProgressUpdate> latest) {
    Map<Long, PublicText> texts = new LinkedHashMap<>();
    if (latest.isEmpty()) {
      return texts;
    }
    jdbc.sql(
            """
            select t.* from public_text t join plan_action a on a.id = t.action_id
            where a.plan_id = :plan
            """)
        .param("plan", plan.id())
        .query(PublicTexts::map)
        .list()
        .forEach(
            t -> {
              ProgressUpdate u = latest.get(t.actionId());
              if (u != null && u.period().equals(t.period())) {
                texts.put(t.actionId(), t);
              }
            });
    return texts;
  }

  /**
   * Writes an action's public text for a period and says whether it changed. New words withdraw an
   * approval; the same words (spaces at either end aside) change nothing. The caller has checked
   * that the person may update the action.
   *
   * @throws InvalidInputException if the words are too long
   */
  @Transactional
  public boolean write(
      Partnership partnership,
      DeliveryPlan plan,
      PlanAction action,
      ReportingPeriod period,
      String words,
      String by) {
    PublicText.problem(words)
        .ifPresent(
            p -> {
              throw new InvalidInputException(p);
            });
    Optional<PublicText> current = locked(action, period);
    String text = PublicText.clean(words);
    if (current.isEmpty() ? text.isEmpty() : !current.get().differsFrom(text)) {
      return false;
    }
    save(partnership, plan, action, period, current, text, by, false);
    return true;
  }

  /** One action's row of the approval page as the approver sent it. */
  public record Review(long actionId, String text, int seenVersion) {}

  /**
   * What a review did: the actions whose words changed, those approved, and those someone else
   * changed since the approver opened the page (left as they are, to be checked again).
   */
  public record Reviewed(List<Long> changed, List<Long> approved, List<Long> conflicts) {}

  /**
   * A strategic lead's review of a period's public texts: saves the words of each row that the
   * approver changed, and approves the rows asked for (a blank text is not approved). A row someone
   * else changed since the approver saw it (a different version) is neither saved nor approved.
   *
   * @param actions the plan's actions the rows may name, by id; a row naming another is ignored
   * @throws AccessDeniedException if the person is not a strategic lead
   * @throws InvalidInputException if a text is too long (nothing is saved)
   */
  @Transactional
  public Reviewed review(
      Partnership partnership,
      DeliveryPlan plan,
      Map<Long, PlanAction> actions,
      ReportingPeriod period,
      List<Review> rows,
      Set<Long> toApprove,
      ActionProgress.Reporter by) {
    if (!approves(by.roles())) {
      throw new AccessDeniedException("Only strategic leads approve public texts");
    }
    for (Review row : rows) {
      PublicText.problem(row.text())
          .ifPresent(
              p -> {
                throw new InvalidInputException(p);
              });
    }
    List<Long> changed = new ArrayList<>();
    List<Long> approved = new ArrayList<>();
    List<Long> conflicts = new ArrayList<>();
    for (Review row : rows) {
      PlanAction action = actions.get(row.actionId());
      if (action == null) {
        continue;
      }
      Optional<PublicText> current = locked(action, period);
      boolean approve = toApprove.contains(action.id());
      switch (PublicText.reviewStep(current, row.text(), approve, row.seenVersion())) {
        case NOTHING -> {}
        case CONFLICT -> conflicts.add(action.id());
        case SAVE -> {
          save(
              partnership,
              plan,
              action,
              period,
              current,
              PublicText.clean(row.text()),
              by.name(),
              false);
          changed.add(action.id());
        }
        case SAVE_AND_APPROVE -> {
          save(
              partnership,
              plan,
              action,
              period,
              current,
              PublicText.clean(row.text()),
              by.name(),
              true);
          changed.add(action.id());
          approved.add(action.id());
        }
        case APPROVE -> {
          approve(partnership, plan, action, period, by.name());
          approved.add(action.id());
        }
      }
    }
    return new Reviewed(List.copyOf(changed), List.copyOf(approved), List.copyOf(conflicts));
  }

  private Optional<PublicText> locked(PlanAction action, ReportingPeriod period) {
    // Serialise writers of one action, as updates are, so that two saves cannot both pass a check.
    jdbc.sql("select id from plan_action where id = :a for update")
        .param("a", action.id())
        .query()
        .singleRow();
    return of(action, period);
  }

  private void save(
      Partnership partnership,
      DeliveryPlan plan,
      PlanAction action,
      ReportingPeriod period,
      Optional<PublicText> current,
      String text,
      String by,
      boolean approvedAtOnce) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            insert into public_text (action_id, year, quarter, text, written_by, written_at,
                approved_by, approved_at, version)
            values (:a, :y, :q, :text, :by, :at, :approvedBy, :approvedAt, 1)
            on conflict (action_id, year, quarter) do update
                set text = excluded.text, written_by = excluded.written_by,
                    written_at = excluded.written_at, approved_by = excluded.approved_by,
                    approved_at = excluded.approved_at, version = public_text.version + 1
            """)
        .param("a", action.id())
        .param("y", period.year().startYear())
        .param("q", period.quarter())
        .param("text", text)
        .param("by", by)
        .param("at", now)
        .param("approvedBy", approvedAtOnce ? by : null)
        .param("approvedAt", approvedAtOnce ? now : null)
        .update();
    String what = plan.name() + " " + action.ref() + " for " + period;
    String summary;
    if (current.isEmpty() || current.get().isBlank()) {
      summary = "Wrote the public text of " + what;
    } else if (text.isEmpty()) {
      summary = "Removed the public text of " + what;
    } else {
      summary = "Changed the public text of " + what;
    }
    if (!approvedAtOnce && current.map(PublicText::isApproved).orElse(false)) {
      summary += "; its approval is withdrawn until a strategic lead approves it again";
    }
    audit.record(
        AuditEntry.success(
            current.isEmpty() ? "CREATE" : "UPDATE",
            "PublicText",
            action.id(),
            partnership.id(),
            summary));
    if (approvedAtOnce) {
      audit.record(
          AuditEntry.success(
              "APPROVE",
              "PublicText",
              action.id(),
              partnership.id(),
              "Approved the public text of " + what));
    }
  }

  private void approve(
      Partnership partnership,
      DeliveryPlan plan,
      PlanAction action,
      ReportingPeriod period,
      String by) {
    jdbc.sql(
            """
            update public_text set approved_by = :by, approved_at = :at
            where action_id = :a and year = :y and quarter = :q
            """)
        .param("by", by)
        .param("at", OffsetDateTime.now(clock))
        .param("a", action.id())
        .param("y", period.year().startYear())
        .param("q", period.quarter())
        .update();
    audit.record(
        AuditEntry.success(
            "APPROVE",
            "PublicText",
            action.id(),
            partnership.id(),
            "Approved the public text of " + plan.name() + " " + action.ref() + " for " + period));
  }

  private static PublicText map(ResultSet rs, int row) throws SQLException {
    return new PublicText(
        rs.getLong("action_id"),
        new FinancialYear(rs.getInt("year")).quarter(rs.getInt("quarter")),
        rs.getString("text"),
        rs.getString("written_by"),
        rs.getObject("written_at", OffsetDateTime.class).toInstant(),
        Optional.ofNullable(rs.getString("approved_by")),
        Optional.ofNullable(rs.getObject("approved_at", OffsetDateTime.class))
            .map(OffsetDateTime::toInstant),
        rs.getInt("version"));
  }
}
