package org.ccrhub.partnership;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of each partnership and the groups they sit on. Every query names the partnership: an
 * id of another partnership's person, agency or group is "not found".
 *
 * <p>Audit summaries name no one: the trail cannot be edited, and a person deleted here should not
 * stay named there. The person's id identifies the record.
 */
@Service
public class People {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  People(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The partnership's people by name, with their agency and groups. */
  @Transactional(readOnly = true)
  public List<PersonSummary> findAll(Partnership partnership) {
    return jdbc.sql(
            """
            select p.id, p.name, p.job_title, p.email, a.name as agency_name,
                array_remove(array_agg(g.name order by lower(g.name)), null) as group_names
            from person p
            left join agency a on a.partnership_id = p.partnership_id and a.id = p.agency_id
            left join group_membership m on m.partnership_id = p.partnership_id
                and m.person_id = p.id
            left join partnership_group g on g.partnership_id = m.partnership_id
                and g.id = m.group_id
            where p.partnership_id = :p
            group by p.id, a.name
            order by lower(p.name), p.id
            """)
        .param("p", partnership.id())
        .query(
            (rs, row) ->
                new PersonSummary(
                    rs.getLong("id"),
                    rs.getString("name"),
                    Optional.ofNullable(rs.getString("job_title")),
                    Optional.ofNullable(rs.getString("agency_name")),
                    Optional.ofNullable(rs.getString("email")),
                    strings(rs.getArray("group_names"))))
        .list();
  }

  /**
   * The partnership's people as the People page lists them, for someone to see: the audit trail
   * records that their personal data was read (how many, not who).
   */
  @Transactional
  public List<PersonSummary> openList(Partnership partnership) {
    List<PersonSummary> all = findAll(partnership);
    audit.record(
        AuditEntry.success(
            "READ",
            "People",
            partnership.id(),
            partnership.id(),
            "Listed the partnership's people (" + all.size() + ")"));
    return all;
  }

  /** The person, or {@link NotFoundException} if the partnership has none with this id. */
  @Transactional(readOnly = true)
  public Person find(Partnership partnership, long id) {
    return findById(partnership, id).orElseThrow(() -> new NotFoundException("Person"));
  }

  @Transactional(readOnly = true)
  public Optional<Person> findById(Partnership partnership, long id) {
    Set<Long> groups =
        new HashSet<>(
            jdbc.sql(
                    """
                    select group_id from group_membership
                    where partnership_id = :p and person_id = :id
                    """)
                .param("p", partnership.id())
                .param("id", id)
                .query(Long.class)
                .list());
    return jdbc.sql(
            """
            select id, name, job_title, agency_id, email, version from person
            where partnership_id = :p and id = :id
            """)
        .param("p", partnership.id())
        .param("id", id)
        .query(
            (rs, row) ->
                new Person(
                    rs.getLong("id"),
                    new PersonDetails(
                        rs.getString("name"),
                        Optional.ofNullable(rs.getString("job_title")),
                        Optional.ofNullable(rs.getObject("agency_id", Long.class)),
                        Optional.ofNullable(rs.getString("email")),
                        groups),
                    rs.getInt("version")))
        .optional();
  }

  /**
   * The person's full record, opened to be seen or changed by someone: the audit trail records that
   * their personal data was read.
   */
  @Transactional
  public Person open(Partnership partnership, long id) {
    Person person = find(partnership, id);
    audit.record(
        AuditEntry.success("READ", "Person", id, partnership.id(), "Opened a person's details"));
    return person;
  }

  /**
   * Adds a person.
   *
   * @throws DetailsRejectedException if the agency or a group is not one of the partnership's
   */
  @Transactional
  public Person create(Partnership partnership, PersonDetails details) {
    checkChoices(partnership, details);
    long id =
        jdbc.sql(
                """
                insert into person (partnership_id, name, job_title, agency_id, email)
                values (:p, :name, :jobTitle, :agency, :email) returning id
                """)
            .param("p", partnership.id())
            .param("name", details.name())
            .param("jobTitle", details.jobTitle().orElse(null))
            .param("agency", details.agencyId().orElse(null))
            .param("email", details.email().orElse(null))
            .query(Long.class)
            .single();
    addMemberships(partnership, id, details.groupIds());
    audit.record(
        AuditEntry.success(
            "CREATE",
            "Person",
            id,
            partnership.id(),
            "Added a person, member of " + details.groupIds().size() + " groups"));
    return new Person(id, details, 0);
  }

  /** Adds a person from plain values (null or blank for what is not known). */
  @Transactional
  public Person create(
      Partnership partnership,
      String name,
      @Nullable String jobTitle,
      @Nullable Long agencyId,
      @Nullable String email,
      Set<Long> groupIds) {
    return create(partnership, PersonDetails.of(name, jobTitle, agencyId, email, groupIds));
  }

  /**
   * Changes a person's details and group memberships to exactly these.
   *
   * @param expectedVersion the version the change was made on; if someone has saved the person
   *     since, the change is refused with {@link ConcurrentChangeException}
   */
  @Transactional
  public Person update(
      Partnership partnership, long id, int expectedVersion, PersonDetails details) {
    Person before = find(partnership, id);
    if (before.version() != expectedVersion) {
      throw new ConcurrentChangeException("Person");
    }
    checkChoices(partnership, details);
    int updated =
        jdbc.sql(
                """
                update person set name = :name, job_title = :jobTitle, agency_id = :agency,
                    email = :email, version = version + 1
                where partnership_id = :p and id = :id and version = :version
                """)
            .param("name", details.name())
            .param("jobTitle", details.jobTitle().orElse(null))
            .param("agency", details.agencyId().orElse(null))
            .param("email", details.email().orElse(null))
            .param("p", partnership.id())
            .param("id", id)
            .param("version", expectedVersion)
            .update();
    if (updated == 0) {
      throw new ConcurrentChangeException("Person");
    }
    jdbc.sql("delete from group_membership where partnership_id = :p and person_id = :id")
        .param("p", partnership.id())
        .param("id", id)
        .update();
    addMemberships(partnership, id, details.groupIds());
    audit.record(
        AuditEntry.success(
            "UPDATE", "Person", id, partnership.id(), changes(before.details(), details)));
    return new Person(id, details, expectedVersion + 1);
  }

  /** Deletes a person and their group memberships. */
  @Transactional
  public void delete(Partnership partnership, long id, int expectedVersion) {
    Person person = find(partnership, id);
    if (person.version() != expectedVersion) {
      throw new ConcurrentChangeException("Person");
    }
    int deleted =
        jdbc.sql(
                """
                delete from person where partnership_id = :p and id = :id and version = :version
                """)
            .param("p", partnership.id())
            .param("id", id)
            .param("version", expectedVersion)
            .update();
    if (deleted == 0) {
      throw new ConcurrentChangeException("Person");
    }
    audit.record(
        AuditEntry.success(
            "DELETE",
            "Person",
            id,
            partnership.id(),
            "Deleted a person and their "
                + person.details().groupIds().size()
                + " group memberships"));
  }

  private void checkChoices(Partnership partnership, PersonDetails details) {
    if (details.agencyId().isPresent()) {
      boolean known =
          jdbc.sql("select exists (select 1 from agency where partnership_id = :p and id = :id)")
              .param("p", partnership.id())
              .param("id", details.agencyId().get())
              .query(Boolean.class)
              .single();
      if (!known) {
        throw new DetailsRejectedException("agency", "Select the agency from the list");
      }
    }
    if (!details.groupIds().isEmpty()) {
      long known =
          jdbc.sql(
                  """
                  select count(*) from partnership_group
                  where partnership_id = :p and id in (:ids)
                  """)
              .param("p", partnership.id())
              .param("ids", details.groupIds())
              .query(Long.class)
              .single();
      if (known != details.groupIds().size()) {
        throw new DetailsRejectedException(
            "groups", "Select the groups from the list: one you chose no longer exists");
      }
    }
  }

  private void addMemberships(Partnership partnership, long personId, Set<Long> groupIds) {
    for (long groupId : groupIds) {
      jdbc.sql(
              """
              insert into group_membership (partnership_id, group_id, person_id)
              values (:p, :group, :person)
              """)
          .param("p", partnership.id())
          .param("group", groupId)
          .param("person", personId)
          .update();
    }
  }

  private static String changes(PersonDetails before, PersonDetails after) {
    List<String> changed = new ArrayList<>();
    if (!before.name().equals(after.name())) {
      changed.add("name");
    }
    if (!before.jobTitle().equals(after.jobTitle())) {
      changed.add("job title");
    }
    if (!before.agencyId().equals(after.agencyId())) {
      changed.add("agency");
    }
    if (!before.email().equals(after.email())) {
      changed.add("email");
    }
    if (!before.groupIds().equals(after.groupIds())) {
      Set<Long> joined = new HashSet<>(after.groupIds());
      joined.removeAll(before.groupIds());
      Set<Long> left = new HashSet<>(before.groupIds());
      left.removeAll(after.groupIds());
      changed.add("groups (joined " + joined.size() + ", left " + left.size() + ")");
    }
    return changed.isEmpty()
        ? "Saved a person's details: nothing changed"
        : "Changed a person's " + String.join(", ", changed);
  }

  private static List<String> strings(@Nullable Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }
}
