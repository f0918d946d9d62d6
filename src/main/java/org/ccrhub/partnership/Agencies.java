package org.ccrhub.partnership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * The agencies of each partnership. Every query names the partnership: an id of another
 * partnership's agency is "not found".
 */
@Service
public class Agencies {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final List<AgencyUses> uses;

  Agencies(JdbcClient jdbc, AuditTrail audit, List<AgencyUses> uses) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.uses = List.copyOf(uses);
  }

  /** The partnership's agencies by name. */
  @Transactional(readOnly = true)
  public List<Agency> findAll(Partnership partnership) {
    return jdbc.sql(
            """
            select id, name, type, version from agency where partnership_id = :p
            order by lower(name), id
            """)
        .param("p", partnership.id())
        .query(Agencies::map)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<Agency> findById(Partnership partnership, long id) {
    return jdbc.sql(
            "select id, name, type, version from agency where partnership_id = :p and id = :id")
        .param("p", partnership.id())
        .param("id", id)
        .query(Agencies::map)
        .optional();
  }

  /** The agency, or {@link NotFoundException} if the partnership has none with this id. */
  @Transactional(readOnly = true)
  public Agency find(Partnership partnership, long id) {
    return findById(partnership, id).orElseThrow(() -> new NotFoundException("Agency"));
  }

  @Transactional
  public Agency create(Partnership partnership, String name, AgencyType type) {
    String checkedName = Agency.checkName(name);
    checkNameFree(partnership, checkedName, 0);
    long id;
    try {
      id =
          jdbc.sql(
                  """
                  insert into agency (partnership_id, name, type) values (:p, :name, :type)
                  returning id
                  """)
              .param("p", partnership.id())
              .param("name", checkedName)
              .param("type", type.name())
              .query(Long.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw nameTaken(checkedName);
    }
    audit.record(
        AuditEntry.success(
            "CREATE",
            "Agency",
            id,
            partnership.id(),
            "Added agency " + checkedName + " (" + type.label() + ")"));
    return new Agency(id, checkedName, type, 0);
  }

  /**
   * Renames an agency or changes its type.
   *
   * @param expectedVersion the version the change was made on; if someone has saved the agency
   *     since, the change is refused with {@link ConcurrentChangeException}
   */
  @Transactional
  public Agency update(
      Partnership partnership, long id, int expectedVersion, String name, AgencyType type) {
    Agency before = find(partnership, id);
    if (before.version() != expectedVersion) {
      throw new ConcurrentChangeException("Agency");
    }
    String checkedName = Agency.checkName(name);
    checkNameFree(partnership, checkedName, id);
    int updated;
    try {
      updated =
          jdbc.sql(
                  """
                  update agency set name = :name, type = :type, version = version + 1
                  where partnership_id = :p and id = :id and version = :version
                  """)
              .param("name", checkedName)
              .param("type", type.name())
              .param("p", partnership.id())
              .param("id", id)
              .param("version", expectedVersion)
              .update();
    } catch (DuplicateKeyException e) {
      throw nameTaken(checkedName);
    }
    if (updated == 0) {
      throw new ConcurrentChangeException("Agency");
    }
    audit.record(
        AuditEntry.success(
            "UPDATE", "Agency", id, partnership.id(), changes(before, checkedName, type)));
    return new Agency(id, checkedName, type, expectedVersion + 1);
  }

  /**
   * Why the agency cannot be deleted now, if it cannot: people still belong to it, or other
   * modules' records name it ({@link AgencyUses}), each said in a sentence.
   */
  @Transactional(readOnly = true)
  public Optional<String> whyNotDeletable(Partnership partnership, long id) {
    Agency agency = find(partnership, id);
    long people =
        jdbc.sql("select count(*) from person where partnership_id = :p and agency_id = :id")
            .param("p", partnership.id())
            .param("id", id)
            .query(Long.class)
            .single();
    if (people > 0) {
      return Optional.of(
          (people == 1 ? "1 person belongs" : people + " people belong")
              + " to "
              + agency.name()
              + ". Move them to another agency, or delete them, before you delete "
              + agency.name()
              + ".");
    }
    List<String> why = new ArrayList<>();
    for (AgencyUses use : uses) {
      use.whyInUse(partnership, id).ifPresent(why::add);
    }
    if (why.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(agency.name() + " cannot be deleted. " + String.join(" ", why));
  }

  /**
   * Deletes an agency that nobody belongs to and no other record names.
   *
   * @throws DeletionRefusedException if people still belong to it, or records name it
   */
  @Transactional
  public void delete(Partnership partnership, long id, int expectedVersion) {
    Agency agency = find(partnership, id);
    if (agency.version() != expectedVersion) {
      throw new ConcurrentChangeException("Agency");
    }
    Optional<String> refusal = whyNotDeletable(partnership, id);
    if (refusal.isPresent()) {
      throw new DeletionRefusedException(refusal.get());
    }
    int deleted;
    try {
      deleted =
          jdbc.sql(
                  """
                  delete from agency where partnership_id = :p and id = :id and version = :version
                  """)
              .param("p", partnership.id())
              .param("id", id)
              .param("version", expectedVersion)
              .update();
    } catch (DataIntegrityViolationException e) {
      // a person or a record named it after the check
      throw new DeletionRefusedException(
          agency.name()
              + " has just been named by another record (a person, or a MARAC or"
              + " information-sharing record), so it cannot be deleted.");
    }
    if (deleted == 0) {
      throw new ConcurrentChangeException("Agency");
    }
    audit.record(
        AuditEntry.success(
            "DELETE", "Agency", id, partnership.id(), "Deleted agency " + agency.name()));
  }

  /** Refuses a name another of the partnership's records already has, in any case. */
  private void checkNameFree(Partnership partnership, String name, long exceptId) {
    Optional<String> existing =
        jdbc.sql(
                """
                select name from agency where partnership_id = :p
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
        "name", "There is already an agency called " + name + ": give this one a different name");
  }

  private static String changes(Agency before, String name, AgencyType type) {
    List<String> changes = new ArrayList<>();
    if (!before.name().equals(name)) {
      changes.add("renamed from " + before.name());
    }
    if (before.type() != type) {
      changes.add("type changed from " + before.type().label() + " to " + type.label());
    }
    return "Changed agency "
        + name
        + (changes.isEmpty() ? ": nothing changed" : ": " + String.join(", ", changes));
  }

  private static Agency map(ResultSet rs, int row) throws SQLException {
    return new Agency(
        rs.getLong("id"),
        rs.getString("name"),
        AgencyType.valueOf(rs.getString("type")),
        rs.getInt("version"));
  }
}
