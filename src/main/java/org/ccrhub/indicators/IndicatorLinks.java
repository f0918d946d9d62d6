package org.ccrhub.indicators;

import java.util.Set;

/**
 * The plan outcomes and actions an indicator measures, by their ids: part of its definition, so
 * that importing the same definitions again changes nothing.
 */
public record IndicatorLinks(Set<Long> outcomeIds, Set<Long> actionIds) {

  public static final IndicatorLinks NONE = new IndicatorLinks(Set.of(), Set.of());

  public IndicatorLinks {
    outcomeIds = Set.copyOf(outcomeIds);
    actionIds = Set.copyOf(actionIds);
  }

  public boolean isEmpty() {
    return outcomeIds.isEmpty() && actionIds.isEmpty();
  }
}
