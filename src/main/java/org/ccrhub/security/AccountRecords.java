package org.ccrhub.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccrhub.audit.AuditedRecords;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Users as the audit page links them: by the name the Users page shows, to their roles, while they
 * are members of the partnership (an account elsewhere is not this partnership's to show).
 */
@Component
class AccountRecords implements AuditedRecords {

  private final JdbcClient jdbc;

  AccountRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> kinds() {
    return Set.of("Account");
  }

  @Override
  public Map<String, Link> find(Partnership partnership, String kind, Collection<String> ids) {
    List<Long> numbers = AuditedRecords.numbers(ids);
    Map<String, Link> links = new LinkedHashMap<>();
    if (numbers.isEmpty() || !kind.equals("Account")) {
      return links;
    }
    jdbc.sql(
            """
            select distinct a.id, a.display_name from user_account a
            join membership m on m.user_account_id = a.id and m.partnership_id = :p
            where a.id in (:ids)
            """)
        .param("p", partnership.id())
        .param("ids", numbers)
        .query(
            (rs, row) ->
                Map.entry(
                    String.valueOf(rs.getLong("id")),
                    new Link(
                        rs.getString("display_name"),
                        "/p/" + partnership.slug() + "/admin/users/" + rs.getLong("id"))))
        .list()
        .forEach(e -> links.put(e.getKey(), e.getValue()));
    return links;
  }
}
