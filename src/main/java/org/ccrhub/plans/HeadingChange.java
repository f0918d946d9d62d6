package org.ccrhub.plans;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An outcome or an area of delivery as typed: an optional ref (e.g. {@code 3} or {@code 3.1}) and a
 * title, with the import's limits. A ref places it among the others in natural order, and an import
 * finds it by that ref; one without a ref is found by its title.
 */
public record HeadingChange(String ref, String title) {

  static final int TITLE_LIMIT = 500;

  public HeadingChange {
    ref = NewPlan.oneLine(ref);
    title = NewPlan.oneLine(title);
  }

  /**
   * Each problem with what was typed, by form field, in the order of the form.
   *
   * @param what "outcome" or "area", for the messages
   */
  public Map<String, String> problems(String what) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (!ref.isEmpty() && !Refs.isValid(ref)) {
      problems.put("ref", "A ref is 1 to 20 letters, digits, dots or hyphens, with no spaces");
    }
    if (title.isEmpty()) {
      problems.put("title", "Enter the " + what + "'s title");
    } else if (title.length() > TITLE_LIMIT) {
      problems.put("title", "The title must be 500 characters or fewer");
    }
    return problems;
  }

  public Optional<String> optionalRef() {
    return ref.isEmpty() ? Optional.empty() : Optional.of(ref);
  }

  /** As plans write it: ref then title, or the title alone. */
  String label() {
    return ref.isEmpty() ? title : ref + " " + title;
  }
}
