package org.ccrhub.partnership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The boards and groups of each partnership and their reporting lines. Every query names the
 * partnership: an id of another partnership's group is "not found".
 */
@Service
public class Groups {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  Groups(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The partnership's groups by name. */
  @Transactional(readOnly = true)
  public List<Group> findAll(Partnership partnership) {
    return jdbc.sql(
            """
            select id, name, type, parent_id, version from partnership_group
            where partnership_id = :p order by lower(name), id
            """)
        .param("p", partnership.id())
        .query(Groups::map)
        .list();
  }

  /** The partnership's groups in the tree of their reporting lines. */
  @Transactional(readOnly = true)
  public GroupStructure structure(Partnership partnership) {
    return GroupStructure.of(findAll(partnership));
  }

  @Transactional(readOnly = true)
  public Optional<Group> findById(Partnership partnership, long id) {
    return jdbc.sql(
            """
            select id, name, type, parent_id, version from partnership_group
            where partnership_id = :p and id = :id
            """)
        .param("p", partnership.id())
        .param("id", id)
        .query(Groups::map)
        .optional();
  }

  /** The group, or {@link NotFoundException} if the partnership has none with this id. */
  @Transactional(readOnly = true)
  public Group find(Partnership partnership, long id) {
    return findById(partnership, id).orElseThrow(() -> new NotFoundException("Group"));
  }

  /**
   * Adds a group.
   *
   * @param parentId the group it reports to, if any; must be one of the partnership's
   */
  @Transactional
  public Group create(
      Partnership partnership, String name, GroupType type, Optional<Long> parentId) {
    String checkedName = Group.checkName(name);
    checkNameFree(partnership, checkedName, 0);
    Optional<Group> parent = parentId.map(id -> parent(partnership, id));
    long id;
    try {
      id =
          jdbc.sql(
                  """
                  insert into partnership_group (partnership_id, name, type, parent_id)
                  values (:p, :name, :type, :parent) returning id
                  """)
              .param("p", partnership.id())
              .param("name", checkedName)
              .param("type", type.name())
              .param("parent", parentId.orElse(null))
              .query(Long.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw nameTaken(checkedName);
    }
    audit.record(
        AuditEntry.success(
            "CREATE",
            "Group",
            id,
            partnership.id(),
            "Added group "
                + checkedName
                + " ("
                + type.label()
                + ")"
                + parent.map(p -> ", reporting to " + p.name()).orElse("")));
    return new Group(id, checkedName, type, parentId, 0);
  }

  /**
   * Renames a group, changes its type or whom it reports to.
   *
   * @param expectedVersion the version the change was made on; if someone has saved the group
   *     since, the change is refused with {@link ConcurrentChangeException}
   * @throws DetailsRejectedException if the name is taken, or the new reporting line would lead
   *     back to the group itself
   */
  @Transactional
  public Group update(
      Partnership partnership,
      long id,
      int expectedVersion,
      String name,
      GroupType type,
      Optional<Long> parentId) {
    Group before = find(partnership, id);
    if (before.version() != expectedVersion) {
      throw new ConcurrentChangeException("Group");
    }
    String checkedName = Group.checkName(name);
    checkNameFree(partnership, checkedName, id);
    Optional<Group> parent = Optional.empty();
    if (parentId.isPresent()) {
      // One change to the structure at a time, so that two changes that are each fine cannot
      // together make a loop.
      jdbc.sql("select id from partnership where id = :p for no key update")
          .param("p", partnership.id())
          .query(Long.class)
          .single();
      parent = Optional.of(parent(partnership, parentId.get()));
      before.checkCanReportTo(checkedName, parent.get(), below(partnership, id));
    }
    int updated;
    try {
      updated =
          jdbc.sql(
                  """
                  update partnership_group
                  set name = :name, type = :type, parent_id = :parent, version = version + 1
                  where partnership_id = :p and id = :id and version = :version
                  """)
              .param("name", checkedName)
              .param("type", type.name())
              .param("parent", parentId.orElse(null))
              .param("p", partnership.id())
              .param("id", id)
              .param("version", expectedVersion)
              .update();
    } catch (DuplicateKeyException e) {
      throw nameTaken(checkedName);
    }
    if (updated == 0) {
      throw new ConcurrentChangeException("Group");
    }
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "Group",
            id,
            partnership.id(),
            changes(partnership, before, checkedName, type, parent)));
    return new Group(id, checkedName, type, parentId, expectedVersion + 1);
  }

  /**
   * The ids of the groups that report to this one, directly or through other groups, found by
   * following the reporting lines down in the database.
   */
  @Transactional(readOnly = true)
  public Set<Long> below(Partnership partnership, long id) {
    return new HashSet<>(
        jdbc.sql(
                """
                with recursive below (id) as (
                    select g.id from partnership_group g
                    where g.partnership_id = :p and g.parent_id = :id
                  union
                    select g.id from partnership_group g join below b on g.parent_id = b.id
                    where g.partnership_id = :p
                )
                select id from below
                """)
            .param("p", partnership.id())
            .param("id", id)
            .query(Long.class)
            .list());
  }

  /** How many people are members of the group. */
  @Transactional(readOnly = true)
  public long memberCount(Partnership partnership, long id) {
    return jdbc.sql(
            "select count(*) from group_membership where partnership_id = :p and group_id = :id")
        .param("p", partnership.id())
        .param("id", id)
        .query(Long.class)
        .single();
  }

  /** Why the group cannot be deleted now, if it cannot. */
  @Transactional(readOnly = true)
  public Optional<String> whyNotDeletable(Partnership partnership, long id) {
    Group group = find(partnership, id);
    List<String> reporting =
        jdbc.sql(
                """
                select name from partnership_group where partnership_id = :p and parent_id = :id
                order by lower(name)
                """)
            .param("p", partnership.id())
            .param("id", id)
            .query(String.class)
            .list();
    if (reporting.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        String.join(", ", reporting)
            + (reporting.size() == 1 ? " reports" : " report")
            + " to "
            + group.name()
            + ". Change whom "
            + (reporting.size() == 1 ? "it reports" : "they report")
            + " to, or delete "
            + (reporting.size() == 1 ? "it" : "them")
            + ", before you delete "
            + group.name()
            + ".");
  }

  /**
   * Deletes a group that no other group reports to. Its members stay, but are no longer members of
   * it.
   *
   * @throws DeletionRefusedException if other groups report to it
   */
  @Transactional
  public void delete(Partnership partnership, long id, int expectedVersion) {
    Group group = find(partnership, id);
    if (group.version() != expectedVersion) {
      throw new ConcurrentChangeException("Group");
    }
    Optional<String> refusal = whyNotDeletable(partnership, id);
    if (refusal.isPresent()) {
      throw new DeletionRefusedException(refusal.get());
    }
    long members = memberCount(partnership, id);
    int deleted;
    try {
      deleted =
          jdbc.sql(
                  """
                  delete from partnership_group
                  where partnership_id = :p and id = :id and version = :version
                  """)
              .param("p", partnership.id())
              .param("id", id)
              .param("version", expectedVersion)
              .update();
    } catch (DataIntegrityViolationException e) {
      // a group was made to report to it after the check
      throw new DeletionRefusedException(
          "Another group has just been made to report to "
              + group.name()
              + ", so it cannot be deleted.");
    }
    if (deleted == 0) {
      throw new ConcurrentChangeException("Group");
    }
    audit.record(
        AuditEntry.success(
            "DELETE",
            "Group",
            id,
            partnership.id(),
            "Deleted group " + group.name() + " and its " + members + " memberships"));
  }

  private Group parent(Partnership partnership, long parentId) {
    return findById(partnership, parentId)
        .orElseThrow(
            () ->
                new DetailsRejectedException(
                    "parent", "Select the group it reports to from the list"));
  }

  /** Refuses a name another of the partnership's records already has, in any case. */
  private void checkNameFree(Partnership partnership, String name, long exceptId) {
    Optional<String> existing =
        jdbc.sql(
                """
                select name from partnership_group where partnership_id = :p
                    and lower(name) = lower(:name) and id <> :id
                """)
            .param("p", partnership.id())
            .param("name", name)
            .param("id", exceptId)
            .query(String.class)
            .optional();
    if (existing.isPresent()) {
      throw nameTaken(existing.get());
    }
  }

  private static DetailsRejectedException nameTaken(String name) {
    return new DetailsRejectedException(
        "name", "There is already a group called " + name + ": give this one a different name");
  }

  private String changes(
      Partnership partnership, Group before, String name, GroupType type, Optional<Group> parent) {
    List<String> changes = new ArrayList<>();
    if (!before.name().equals(name)) {
      changes.add("renamed from " + before.name());
    }
    if (before.type() != type) {
      changes.add("type changed from " + before.type().label() + " to " + type.label());
    }
    if (!before.parentId().equals(parent.map(Group::id))) {
      String from =
          before
              .parentId()
              .flatMap(id -> findById(partnership, id))
              .map(Group::name)
              .orElse("no group");
      changes.add(
          "reports to " + parent.map(Group::name).orElse("no group") + " instead of " + from);
    }
    return "Changed group "
        + name
        + (changes.isEmpty() ? ": nothing changed" : ": " + String.join(", ", changes));
  }

  private static Group map(ResultSet rs, int row) throws SQLException {
    return new Group(
        rs.getLong("id"),
        rs.getString("name"),
        GroupType.valueOf(rs.getString("type")),
        Optional.ofNullable(rs.getObject("parent_id", Long.class)),
        rs.getInt("version"));
  }
}
