package org.ccrhub.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Filters for searching the audit trail; nulls mean "any". Pages count from 1. */
public record AuditQuery(
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable String actor,
    @Nullable String action,
    @Nullable String objectType,
    int page,
    int pageSize) {

  public AuditQuery {
    if (page < 1) {
      page = 1;
    }
    if (pageSize < 1 || pageSize > 500) {
      pageSize = 50;
    }
  }
}
