package org.ccrhub.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The records of a module that the audit trail names by kind and id ({@code Agency 12}), by their
 * names and pages, so that the audit page links each record a change touched while it still exists.
 * Each module that records changes to its records implements this for them.
 */
public interface AuditedRecords {

  /** The kinds of record this names, as the trail writes them: {@code Agency}, {@code Group}. */
  Set<String> kinds();

  /**
   * Those of the records of the kind, among the ids, that exist in the partnership now: id to name
   * and page. Ids of other partnerships, of deleted records or not ids at all are left out.
   */
  Map<String, Link> find(Partnership partnership, String kind, Collection<String> ids);

  /** A record's name as people know it, and the path of its page. */
  record Link(String name, String path) {}

  /** The ids among the texts, as numbers. */
  static List<Long> numbers(Collection<String> ids) {
    return ids.stream()
        .filter(id -> id != null && id.matches("\\d{1,18}"))
        .map(Long::valueOf)
        .toList();
  }

  /**
   * The links to the records one query finds: it selects the column {@code id} among others, with
   * the parameters {@code :p} (the partnership's id) and {@code :ids} (the numbers among the ids).
   */
  static Map<String, Link> select(
      JdbcClient jdbc,
      Partnership partnership,
      Collection<String> ids,
      String sql,
      RowMapper<Link> link) {
    List<Long> numbers = numbers(ids);
    Map<String, Link> links = new LinkedHashMap<>();
    if (numbers.isEmpty()) {
      return links;
    }
    jdbc.sql(sql)
        .param("p", partnership.id())
        .param("ids", numbers)
        .query((rs, row) -> Map.entry(String.valueOf(rs.getLong("id")), link.mapRow(rs, row)))
        .list()
        .forEach(e -> links.put(e.getKey(), e.getValue()));
    return links;
  }
}
