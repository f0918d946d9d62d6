package org.ccrhub.indicators;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.ccrhub.audit.AuditedRecords;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Indicators as the audit page links them: by ref and name, to the indicator's page. */
@Component
class IndicatorRecords implements AuditedRecords {

  private final JdbcClient jdbc;

  IndicatorRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> kinds() {
    return Set.of("Indicator");
  }

  @Override
  public Map<String, Link> find(Partnership partnership, String kind, Collection<String> ids) {
    if (!kind.equals("Indicator")) {
      return Map.of();
    }
    return AuditedRecords.select(
        jdbc,
        partnership,
        ids,
        "select id, ref, name from indicator where partnership_id = :p and id in (:ids)",
        (rs, row) ->
            new Link(
                rs.getString("ref") + " " + rs.getString("name"),
                "/p/" + partnership.slug() + "/indicators/" + rs.getLong("id")));
  }
}
