package org.ccrhub.plans.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.plans.PublicText;
import org.ccrhub.plans.PublicTexts;

/**
 * The approval page's form as sent: for each action shown ({@code action}, repeated), its words
 * ({@code text-ID}) and the version of the text the approver saw ({@code version-ID}, 0 for none);
 * then which button was pressed: {@code approve=ID} for one action, {@code approveAll} for every
 * action shown, or neither to save the words without approving.
 */
record PublicTextsForm(
    List<PublicTexts.Review> rows, Optional<Long> approveOne, boolean approveAll) {

  /** Reads the form; values that are not numbers name no action and are left out. */
  static PublicTextsForm from(Map<String, List<String>> params) {
    List<PublicTexts.Review> rows = new ArrayList<>();
    Map<Long, Boolean> seen = new LinkedHashMap<>();
    for (String id : params.getOrDefault("action", List.of())) {
      Optional<Long> actionId = number(id);
      if (actionId.isEmpty() || seen.put(actionId.get(), true) != null) {
        continue;
      }
      String text = first(params, "text-" + actionId.get()).orElse("");
      int version =
          first(params, "version-" + actionId.get())
              .flatMap(PublicTextsForm::number)
              .filter(v -> v <= Integer.MAX_VALUE)
              .map(Long::intValue)
              .orElse(
                  -1); // no version seen: matches no text, so it is a conflict, never a blind save
      rows.add(new PublicTexts.Review(actionId.get(), text, version));
    }
    return new PublicTextsForm(
        List.copyOf(rows),
        first(params, "approve").flatMap(PublicTextsForm::number),
        first(params, "approveAll").isPresent());
  }

  /** The actions to approve: the one whose button was pressed, or every action shown. */
  Set<Long> toApprove() {
    if (approveAll) {
      return Set.copyOf(rows.stream().map(PublicTexts.Review::actionId).toList());
    }
    return approveOne.map(Set::of).orElse(Set.of());
  }

  /** Each row's problem, by action id: words too long to be a public text. */
  Map<Long, String> problems() {
    Map<Long, String> problems = new LinkedHashMap<>();
    rows.forEach(r -> PublicText.problem(r.text()).ifPresent(p -> problems.put(r.actionId(), p)));
    return problems;
  }

  /** The words sent for an action, if the form had a row for it. */
  Optional<String> typed(long actionId) {
    return rows.stream()
        .filter(r -> r.actionId() == actionId)
        .map(PublicTexts.Review::text)
        .findFirst();
  }

  /** The version the approver saw of an action's text, if the form had a row for it. */
  Optional<Integer> seenVersion(long actionId) {
    return rows.stream()
        .filter(r -> r.actionId() == actionId)
        .map(PublicTexts.Review::seenVersion)
        .findFirst();
  }

  private static Optional<String> first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static Optional<Long> number(String text) {
    String value = text == null ? "" : text.strip();
    return value.matches("\\d{1,18}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
  }
}
