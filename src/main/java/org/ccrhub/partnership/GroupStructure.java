package org.ccrhub.partnership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The groups of a partnership as a tree of reporting lines: each group followed by the groups that
 * report to it, by name at every level. This is how partnerships draw their structure, with the
 * board at the top.
 */
public final class GroupStructure {

  /**
   * A group in its place in the structure.
   *
   * @param depth 0 for a group that reports to no one, 1 for a group reporting to one of those, ...
   * @param reportsTo the group it reports to, if any
   */
  public record Place(Group group, int depth, Optional<Group> reportsTo) {}

  private static final Comparator<Group> BY_NAME =
      Comparator.comparing((Group g) -> g.name().toLowerCase(Locale.ROOT)).thenComparing(Group::id);

  private final List<Place> places;
  private final Map<Long, List<Group>> reportingTo;

  private GroupStructure(Collection<Group> groups) {
    Map<Long, Group> byId = new LinkedHashMap<>();
    groups.stream().sorted(BY_NAME).forEach(g -> byId.put(g.id(), g));
    reportingTo = new LinkedHashMap<>();
    List<Group> tops = new ArrayList<>();
    for (Group group : byId.values()) {
      Optional<Long> parent = group.parentId().filter(byId::containsKey);
      if (parent.isPresent()) {
        reportingTo.computeIfAbsent(parent.get(), id -> new ArrayList<>()).add(group);
      } else {
        tops.add(group);
      }
    }
    places = new ArrayList<>();
    Set<Long> placed = new HashSet<>();
    for (Group top : tops) {
      place(top, 0, Optional.empty(), placed);
    }
    // Groups in a loop of reporting lines (the database and the services prevent one) are still
    // shown, at the top, rather than lost.
    for (Group group : byId.values()) {
      if (!placed.contains(group.id())) {
        place(group, 0, group.parentId().map(byId::get), placed);
      }
    }
  }

  public static GroupStructure of(Collection<Group> groups) {
    return new GroupStructure(groups);
  }

  private void place(Group group, int depth, Optional<Group> reportsTo, Set<Long> placed) {
    if (!placed.add(group.id())) {
      return;
    }
    places.add(new Place(group, depth, reportsTo));
    for (Group child : reportingTo.getOrDefault(group.id(), List.of())) {
      place(child, depth + 1, Optional.of(group), placed);
    }
  }

  /** Every group, each followed by those reporting to it. */
  public List<Place> places() {
    return List.copyOf(places);
  }

  /** The ids of the groups that report to this one, directly or through other groups. */
  public Set<Long> below(long groupId) {
    Set<Long> below = new HashSet<>();
    List<Long> next = new ArrayList<>(List.of(groupId));
    while (!next.isEmpty()) {
      long id = next.remove(next.size() - 1);
      for (Group child : reportingTo.getOrDefault(id, List.of())) {
        if (child.id() != groupId && below.add(child.id())) {
          next.add(child.id());
        }
      }
    }
    return below;
  }

  /** Every group by name. */
  public List<Group> byName() {
    return places.stream().map(Place::group).sorted(BY_NAME).toList();
  }

  /**
   * The groups {@code groupId} could report to without making a loop: all but itself and those
   * below it, by name.
   */
  public List<Group> possibleParentsOf(long groupId) {
    Set<Long> excluded = below(groupId);
    excluded.add(groupId);
    return byName().stream().filter(g -> !excluded.contains(g.id())).toList();
  }
}
