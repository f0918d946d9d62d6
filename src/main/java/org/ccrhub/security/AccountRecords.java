package org.ccrhub.security;

import java.util.Collection;
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
    if (!kind.equals("Account")) {
      return Map.of();
    }
    return AuditedRecords.select(
        jdbc,
        partnership,
        ids,
        """
        select distinct a.id, a.display_name from user_account a
        join membership m on m.user_account_id = a.id and m.partnership_id = :p
        where a.id in (:ids)
        """,
        (rs, row) ->
            new Link(
                rs.getString("display_name"),
                "/p/" + partnership.slug() + "/admin/users/" + rs.getLong("id")));
  }
}
