package org.ccrhub.plans;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.partnership.Groups;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A partnership's strategies, their document control and priorities. */
@Service
public class Strategies {

  /** What a person enters about a strategy. */
  public record Details(
      String name,
      String years,
      Optional<Long> owningGroupId,
      String documentVersion,
      Strategy.Status status,
      String approvedBy,
      Optional<LocalDate> reviewDate) {}

  private final JdbcClient jdbc;
  private final Groups groups;
  private final AuditTrail audit;

  Strategies(JdbcClient jdbc, Groups groups, AuditTrail audit) {
    this.jdbc = jdbc;
    this.groups = groups;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<Strategy> findAll(Partnership partnership) {
    return jdbc.sql("select * from strategy where partnership_id = :p order by lower(name)")
        .param("p", partnership.id())
        .query((rs, n) -> map(rs))
        .list();
  }

  @Transactional(readOnly = true)
  public Strategy find(Partnership partnership, long id) {
    return jdbc.sql("select * from strategy where partnership_id = :p and id = :id")
        .param("p", partnership.id())
        .param("id", id)
        .query((rs, n) -> map(rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("Strategy"));
  }

  /** The plans that deliver a strategy. */
  @Transactional(readOnly = true)
  public List<String> planNames(Strategy strategy) {
    return jdbc.sql(
            "select name from delivery_plan where strategy_id = :s order by first_year, name")
        .param("s", strategy.id())
        .query(String.class)
        .list();
  }

  @Transactional
  public Strategy create(Partnership partnership, Details details) {
    check(partnership, details, 0);
    long id =
        jdbc.sql(
                """
                insert into strategy (partnership_id, name, years, owning_group_id, document_version,
                    status, approved_by, review_date)
                values (:p, :name, :years, :group, :docVersion, :status, :approvedBy, :review)
                returning id
                """)
            .params(params(partnership, details))
            .query(Long.class)
            .single();
    audit.record(
        AuditEntry.success(
            "CREATE",
            "Strategy",
            id,
            partnership.id(),
            "Created strategy " + details.name().strip()));
    return find(partnership, id);
  }

  @Transactional
  public Strategy update(Partnership partnership, long id, int expectedVersion, Details details) {
    find(partnership, id);
    check(partnership, details, id);
    var params = params(partnership, details);
    params.put("id", id);
    params.put("version", expectedVersion);
    int updated =
        jdbc.sql(
                """
                update strategy set name = :name, years = :years, owning_group_id = :group,
                    document_version = :docVersion, status = :status, approved_by = :approvedBy,
                    review_date = :review, version = version + 1
                where id = :id and partnership_id = :p and version = :version
                """)
            .params(params)
            .update();
    if (updated == 0) {
      throw new ConcurrentChangeException("Strategy");
    }
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "Strategy",
            id,
            partnership.id(),
            "Changed strategy " + details.name().strip()));
    return find(partnership, id);
  }

  @Transactional
  public void addPriority(
      Partnership partnership, long strategyId, String ref, String title, String keyTargets) {
    Strategy strategy = find(partnership, strategyId);
    if (title == null || title.isBlank() || title.strip().length() > 500) {
      throw new InvalidInputException("Enter the priority's title (up to 500 characters)");
    }
    if (ref != null && ref.strip().length() > 20) {
      throw new InvalidInputException("A priority's ref must be 20 characters or fewer");
    }
    jdbc.sql(
            """
            insert into strategic_priority (strategy_id, ref, title, key_targets, position)
            values (:s, :ref, :title, :targets, :pos)
            """)
        .param("s", strategy.id())
        .param("ref", blankToNull(ref))
        .param("title", title.strip())
        .param("targets", blankToNull(keyTargets))
        .param("pos", strategy.priorities().size())
        .update();
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "Strategy",
            strategy.id(),
            partnership.id(),
            "Added priority " + title.strip()));
  }

  @Transactional
  public void removePriority(Partnership partnership, long strategyId, long priorityId) {
    Strategy strategy = find(partnership, strategyId);
    int removed =
        jdbc.sql("delete from strategic_priority where id = :id and strategy_id = :s")
            .param("id", priorityId)
            .param("s", strategy.id())
            .update();
    if (removed == 0) {
      throw new NotFoundException("Priority");
    }
    audit.record(
        AuditEntry.success(
            "UPDATE", "Strategy", strategy.id(), partnership.id(), "Removed a priority"));
  }

  private void check(Partnership partnership, Details details, long exceptId) {
    if (details.name() == null
        || details.name().isBlank()
        || details.name().strip().length() > 200) {
      throw new InvalidInputException("Enter the strategy's name (up to 200 characters)");
    }
    boolean taken =
        jdbc.sql(
                    "select count(*) from strategy where partnership_id = :p and lower(name) = lower(:n) and id <> :id")
                .param("p", partnership.id())
                .param("n", details.name().strip())
                .param("id", exceptId)
                .query(Long.class)
                .single()
            > 0;
    if (taken) {
      throw new InvalidInputException(
          "There is already a strategy called " + details.name().strip());
    }
    details
        .owningGroupId()
        .ifPresent(
            g ->
                groups
                    .findById(partnership, g)
                    .orElseThrow(
                        () -> new InvalidInputException("Select the owning group from the list")));
  }

  private static java.util.Map<String, Object> params(Partnership partnership, Details d) {
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("p", partnership.id());
    params.put("name", d.name().strip());
    params.put("years", blankToNull(d.years()));
    params.put("group", d.owningGroupId().orElse(null));
    params.put("docVersion", blankToNull(d.documentVersion()));
    params.put("status", d.status().name());
    params.put("approvedBy", blankToNull(d.approvedBy()));
    params.put("review", d.reviewDate().map(Date::valueOf).orElse(null));
    return params;
  }

  private Strategy map(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    List<Strategy.Priority> priorities =
        jdbc.sql("select * from strategic_priority where strategy_id = :s order by position, id")
            .param("s", id)
            .query(
                (p, n) ->
                    new Strategy.Priority(
                        p.getLong("id"),
                        nonNull(p.getString("ref")),
                        p.getString("title"),
                        nonNull(p.getString("key_targets"))))
            .list();
    Date review = rs.getDate("review_date");
    return new Strategy(
        id,
        rs.getString("name"),
        nonNull(rs.getString("years")),
        Optional.ofNullable((Long) rs.getObject("owning_group_id")),
        nonNull(rs.getString("document_version")),
        Strategy.Status.valueOf(rs.getString("status")),
        nonNull(rs.getString("approved_by")),
        Optional.ofNullable(review).map(Date::toLocalDate),
        priorities,
        rs.getInt("version"));
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
