package org.ccrhub.partnership.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the "are you sure" page before a delete shows.
 *
 * @param what the kind of thing, in words: "agency", "group", "person"
 * @param details what identifies it, label to value, for the summary list
 * @param refusal why it cannot be deleted, if it cannot; then the page offers no delete button
 * @param consequence what else deleting it does, if anything
 * @param changedMeanwhile someone else saved it since the page was opened
 */
record DeleteConfirmation(
    String what,
    long id,
    String name,
    int version,
    Map<String, String> details,
    @Nullable String refusal,
    @Nullable String consequence,
    boolean changedMeanwhile) {

  /** Details in the order given: label, value, label, value, ... */
  static Map<String, String> details(String... labelsAndValues) {
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
      details.put(labelsAndValues[i], labelsAndValues[i + 1]);
    }
    return details;
  }

  DeleteConfirmation withRefusal(String reason) {
    return new DeleteConfirmation(
        what, id, name, version, details, reason, consequence, changedMeanwhile);
  }

  DeleteConfirmation withChangedMeanwhile() {
    return new DeleteConfirmation(what, id, name, version, details, refusal, consequence, true);
  }
}
