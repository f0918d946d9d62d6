package org.ccrhub.marac;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A meeting's agenda in the SafeLives order: the cases with outstanding actions from earlier
 * meetings first, then the new cases with children in the household, then the adult-only cases;
 * within each, by referral date and then as recorded. Repeats are flagged on each item.
 *
 * @param waiting referrals not yet on an agenda that this meeting's build would add (for the
 *     coordinator; 0 for everyone else)
 */
public record Agenda(Meeting meeting, List<AgendaItem> items, int waiting) {

  static final Comparator<AgendaItem> ORDER =
      Comparator.comparing(AgendaItem::section)
          .thenComparing(AgendaItem::referralDate)
          .thenComparingLong(AgendaItem::referralId);

  public Agenda {
    List<AgendaItem> sorted = new ArrayList<>(items);
    sorted.sort(ORDER);
    items = List.copyOf(sorted);
  }

  public List<AgendaItem> in(AgendaItem.Section section) {
    return items.stream().filter(i -> i.section() == section).toList();
  }

  /** The cases heard at this meeting (not those back for outstanding actions). */
  public List<AgendaItem> newCases() {
    return items.stream()
        .filter(i -> i.section() != AgendaItem.Section.OUTSTANDING_ACTIONS)
        .toList();
  }

  public List<Long> ids() {
    return items.stream().map(AgendaItem::referralId).toList();
  }

  public long repeats() {
    return newCases().stream().filter(AgendaItem::repeat).count();
  }
}
