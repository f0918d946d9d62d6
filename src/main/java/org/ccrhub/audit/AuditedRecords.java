package org.ccrhub.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.ccrhub.shared.Partnership;

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
  static java.util.List<Long> numbers(Collection<String> ids) {
    return ids.stream()
        .filter(id -> id != null && id.matches("\\d{1,18}"))
        .map(Long::valueOf)
        .toList();
  }
}
