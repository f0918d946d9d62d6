package org.ccrhub.mail;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
    List<Long> numbers = AuditedRecords.numbers(ids);
    Map<String, Link> links = new LinkedHashMap<>();
    if (numbers.isEmpty() || !kind.equals("MailMessage")) {
      return links;
    }
    jdbc.sql("select id, subject from mail_message where partnership_id = :p and id in (:ids)")
        .param("p", partnership.id())
        .param("ids", numbers)
        .query(
            (rs, row) ->
                Map.entry(
                    String.valueOf(rs.getLong("id")),
                    new Link(
                        rs.getString("subject"),
                        "/p/" + partnership.slug() + "/admin/mail/" + rs.getLong("id"))))
        .list()
        .forEach(e -> links.put(e.getKey(), e.getValue()));
    return links;
  }
}
