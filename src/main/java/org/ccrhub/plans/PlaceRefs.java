package org.ccrhub.plans;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refs for the actions of a plan written without them, as many plans are (they list actions under
 * headings such as Prevention and Provision): each is numbered by its place, the outcome's number
 * (its own ref, or its place among the outcomes), the area's (likewise, within its outcome), then
 * the action's place under them: the third action under the second outcome is {@code 2.3}. A plan
 * with no outcomes numbers its actions {@code 1}, {@code 2}, {@code 3}. A ref the file gives
 * elsewhere is never given again: the next number is taken. The same file gives the same refs, so
 * importing it again changes nothing.
 */
final class PlaceRefs {

  private final Set<String> taken = new HashSet<>();
  private final Map<String, Integer> outcomes = new HashMap<>();
  private final Map<String, Integer> areas = new HashMap<>();
  private final Map<String, Integer> actions = new HashMap<>();

  /**
   * @param given the refs the file gives its other actions
   */
  PlaceRefs(Set<String> given) {
    given.forEach(ref -> taken.add(key(ref)));
  }

  /**
   * Counts an action at its place, given or not, and gives the ref for its place when it has none.
   *
   * @param outcome the outcome's ref and title, or none for a plan without outcomes
   * @param area the area's ref and title, or none
   * @param needsRef whether the action has no ref of its own
   * @return the ref it gets, when it needs one
   */
  Optional<String> place(
      Optional<PlanImport.Title> outcome, Optional<PlanImport.Title> area, boolean needsRef) {
    String outcomeKey = outcome.map(o -> key(o.title())).orElse("");
    Integer outcomeNumber = outcomes.get(outcomeKey);
    if (outcomeNumber == null) {
      outcomeNumber = outcomes.size() + 1;
      outcomes.put(outcomeKey, outcomeNumber);
    }
    int number = outcomeNumber;
    String prefix = outcome.map(o -> o.ref().orElse(Integer.toString(number)) + ".").orElse("");
    String group = outcomeKey;
    if (area.isPresent()) {
      group = outcomeKey + "\n" + key(area.get().title());
      Integer areaNumber = areas.get(group);
      if (areaNumber == null) {
        areaNumber = areasOf(outcomeKey) + 1;
        areas.put(group, areaNumber);
      }
      prefix = area.get().ref().orElse(prefix + areaNumber) + ".";
    }
    int place = actions.merge(group, 1, Integer::sum);
    if (!needsRef) {
      return Optional.empty();
    }
    String ref = prefix + place;
    while (taken.contains(key(ref))) {
      place = actions.merge(group, 1, Integer::sum);
      ref = prefix + place;
    }
    taken.add(key(ref));
    return Optional.of(ref);
  }

  private int areasOf(String outcomeKey) {
    return (int) areas.keySet().stream().filter(a -> a.startsWith(outcomeKey + "\n")).count();
  }

  private static String key(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }
}
