package org.ccrhub.sharing;

import java.util.List;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.AdvisoryLock;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kinds of information a partnership adds to those CCR Hub ships, kept by its administrators
 * and data protection lead ({@link Protocols#keptBy}). Names are unique among the shipped and its
 * own, capitals aside. A decision keeps the names as they were, so a type a decision names keeps
 * its name and is never deleted: it is retired (no longer offered) instead. Every change is audited
 * as {@value #INFORMATION_TYPE}.
 */
@Service
public class OwnInformationTypes {

  /** The audit trail's name for a type of information. */
  public static final String INFORMATION_TYPE = "InformationType";

  /** The longest name. */
  public static final int MAX_NAME = 100;

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  OwnInformationTypes(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * A type as its page lists it; {@code decisions} counts the partnership's decisions that name an
   * own type (none counted for shipped ones).
   */
  public record Entry(
      long id, boolean own, String name, boolean inUse, int version, long decisions) {}

  /** Every type the partnership has, shipped first in their order, then its own by name. */
  @Transactional(readOnly = true)
  public List<Entry> entries(Partnership partnership) {
    return jdbc.sql(
            """
            select t.*, %s from information_type t
            where t.partnership_id is null or t.partnership_id = :p
            order by t.partnership_id nulls first, t.sort, lower(t.name)
            """
                .formatted(USES))
        .param("p", partnership.id())
        .query(OwnInformationTypes::entry)
        .list();
  }

  /**
   * One of the partnership's own types.
   *
   * @throws NotFoundException for a shipped type, another partnership's or none
   */
  @Transactional(readOnly = true)
  public Entry own(Partnership partnership, long id) {
    return jdbc.sql(
            "select t.*, %s from information_type t where t.partnership_id = :p and t.id = :id"
                .formatted(USES))
        .param("p", partnership.id())
        .param("id", id)
        .query(OwnInformationTypes::entry)
        .optional()
        .orElseThrow(() -> new NotFoundException("Information type"));
  }

  /** What is wrong with a name typed, if anything. */
  public static Optional<String> problem(String name) {
    String typed = name.strip();
    if (typed.isEmpty()) {
      return Optional.of("Enter the name of the type of information");
    }
    if (typed.length() > MAX_NAME) {
      return Optional.of("The name must be " + MAX_NAME + " characters or fewer");
    }
    return Optional.empty();
  }

  /** Adds a type of the partnership's own. */
  @Transactional
  public long add(Partnership partnership, String name) {
    String typed = checked(partnership, name, null);
    long id;
    try {
      id =
          jdbc.sql(
                  """
                  insert into information_type (partnership_id, name, sort)
                  values (:p, :name, 1000) returning id
                  """)
              .param("p", partnership.id())
              .param("name", typed)
              .query(Long.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw taken(typed, false);
    }
    audit.record(
        AuditEntry.success(
            "CREATE",
            INFORMATION_TYPE,
            id,
            partnership.id(),
            "Added the type of information " + typed));
    return id;
  }

  /**
   * Renames a type of the partnership's own that no decision names.
   *
   * @throws ConcurrentChangeException when someone saved it since the form was opened
   */
  @Transactional
  public void rename(Partnership partnership, long id, String name, int expectedVersion) {
    lock(partnership);
    Entry before = own(partnership, id);
    if (before.version() != expectedVersion) {
      throw new ConcurrentChangeException("Information type " + id);
    }
    String typed = checked(partnership, name, id);
    if (typed.equals(before.name())) {
      return;
    }
    if (before.decisions() > 0) {
      throw new ProtocolRegisterRejectedException(
          "name",
          "Its name stays as it is: "
              + (before.decisions() == 1
                  ? "1 decision names"
                  : before.decisions() + " decisions name")
              + " it. Retire it and add another instead");
    }
    try {
      jdbc.sql(
              """
              update information_type set name = :name, version = version + 1
              where partnership_id = :p and id = :id
              """)
          .param("p", partnership.id())
          .param("id", id)
          .param("name", typed)
          .update();
    } catch (DuplicateKeyException e) {
      throw taken(typed, false);
    }
    audit.record(
        AuditEntry.success(
            "UPDATE",
            INFORMATION_TYPE,
            id,
            partnership.id(),
            "Renamed the type of information " + before.name() + " to " + typed));
  }

  /** Retires (no longer offered) or restores a type of the partnership's own. */
  @Transactional
  public void offer(Partnership partnership, long id, boolean offered) {
    lock(partnership);
    Entry entry = own(partnership, id);
    if (entry.inUse() == offered) {
      throw new ProtocolRegisterRejectedException(
          "", entry.name() + (offered ? " is in use already" : " is retired already"));
    }
    jdbc.sql(
            """
            update information_type set in_use = :offered, version = version + 1
            where partnership_id = :p and id = :id
            """)
        .param("p", partnership.id())
        .param("id", id)
        .param("offered", offered)
        .update();
    audit.record(
        AuditEntry.success(
            offered ? "RESTORE" : "RETIRE",
            INFORMATION_TYPE,
            id,
            partnership.id(),
            (offered ? "Restored" : "Retired") + " the type of information " + entry.name()));
  }

  /** Deletes a type of the partnership's own that no decision names. */
  @Transactional
  public void delete(Partnership partnership, long id) {
    lock(partnership);
    Entry entry = own(partnership, id);
    if (entry.decisions() > 0) {
      throw new ProtocolRegisterRejectedException(
          "",
          entry.name()
              + " cannot be deleted: "
              + (entry.decisions() == 1
                  ? "1 decision names"
                  : entry.decisions() + " decisions name")
              + " it. Retire it instead, and it will no longer be offered");
    }
    jdbc.sql("delete from information_type where partnership_id = :p and id = :id")
        .param("p", partnership.id())
        .param("id", id)
        .update();
    audit.record(
        AuditEntry.success(
            "DELETE",
            INFORMATION_TYPE,
            id,
            partnership.id(),
            "Deleted the type of information " + entry.name()));
  }

  /** Decisions of the partnership naming an own type {@code t}, capitals aside. */
  private static final String USES =
      """
      case when t.partnership_id is null then 0 else
        (select count(*) from sharing_decision d
         where d.partnership_id = :p
           and exists (select 1 from unnest(d.information_types) n
                       where lower(n) = lower(t.name))) end as decisions
      """;

  private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Entry(
        rs.getLong("id"),
        rs.getObject("partnership_id") != null,
        rs.getString("name"),
        rs.getBoolean("in_use"),
        rs.getInt("version"),
        rs.getLong("decisions"));
  }

  /** The name typed, refused when it is wrong or another type of the partnership has it. */
  private String checked(Partnership partnership, String name, Long self) {
    Optional<String> problem = problem(name);
    if (problem.isPresent()) {
      throw new ProtocolRegisterRejectedException("name", problem.get());
    }
    String typed = name.strip();
    lock(partnership);
    jdbc
        .sql(
            """
            select partnership_id is null from information_type
            where (partnership_id is null or partnership_id = :p) and id <> :self
              and lower(name) = lower(:name)
            order by partnership_id nulls first
            """)
        .param("p", partnership.id())
        .param("self", self == null ? -1L : self)
        .param("name", typed)
        .query(Boolean.class)
        .list()
        .stream()
        .findFirst()
        .ifPresent(
            shipped -> {
              throw taken(typed, shipped);
            });
    return typed;
  }

  private static ProtocolRegisterRejectedException taken(String name, boolean shipped) {
    return new ProtocolRegisterRejectedException(
        "name",
        "There is already a type of information called "
            + name
            + (shipped ? ", which CCR Hub ships" : "")
            + ": choose another name");
  }

  private void lock(Partnership partnership) {
    AdvisoryLock.PARTNERSHIP_LISTS.lock(jdbc, partnership.id());
  }
}
