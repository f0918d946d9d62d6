package org.ccrhub.mail;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.ccrhub.audit.AuditedRecords;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Email messages as the audit page links them: by subject, to the message. */
@Component
class MailRecords implements AuditedRecords {

  private final JdbcClient jdbc;

  MailRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> kinds() {
    return Set.of("MailMessage");
  }

  @Override
  public Map<String, Link> find(Partnership partnership, String kind, Collection<String> ids) {
    if (!kind.equals("MailMessage")) {
      return Map.of();
    }
    return AuditedRecords.select(
        jdbc,
        partnership,
        ids,
        "select id, subject from mail_message where partnership_id = :p and id in (:ids)",
        (rs, row) ->
            new Link(
                rs.getString("subject"),
                "/p/" + partnership.slug() + "/admin/mail/" + rs.getLong("id")));
  }
}
