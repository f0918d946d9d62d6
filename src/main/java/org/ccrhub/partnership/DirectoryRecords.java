package org.ccrhub.partnership;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.ccrhub.audit.AuditedRecords;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Agencies, groups and people as the audit page links them. A person is personal data, whose
 * reading is recorded: the link says "Person's details" and opening it is recorded as usual.
 */
@Component
class DirectoryRecords implements AuditedRecords {

  private final JdbcClient jdbc;

  DirectoryRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> kinds() {
    return Set.of("Agency", "Group", "Person");
  }

  @Override
  public Map<String, Link> find(Partnership partnership, String kind, Collection<String> ids) {
    String base = "/p/" + partnership.slug() + "/admin/";
    String sql =
        switch (kind) {
          case "Agency" -> "select id, name from agency where partnership_id = :p and id in (:ids)";
          case "Group" ->
              "select id, name from partnership_group where partnership_id = :p and id in (:ids)";
          case "Person" ->
              "select id, 'Person''s details' as name from person"
                  + " where partnership_id = :p and id in (:ids)";
          default -> null;
        };
    if (sql == null) {
      return Map.of();
    }
    String path =
        switch (kind) {
          case "Agency" -> base + "agencies/";
          case "Group" -> base + "groups/";
          default -> base + "people/";
        };
    return AuditedRecords.select(
        jdbc,
        partnership,
        ids,
        sql,
        (rs, row) -> new Link(rs.getString("name"), path + rs.getLong("id") + "/edit"));
  }
}
