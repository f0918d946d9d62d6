package org.ccrhub.plans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.PlainText;

/**
 * What a manager may change of an action on its page: its words, expected outcome, leads, strategic
 * links, resources and impact. Its ref, outcome and area stay as the plan has them (an import
 * matches actions by ref), and its due date changes by rescheduling, which keeps the earlier one.
 * The limits are the import's, which checks the same columns.
 */
public record ActionChange(
    String text,
    String expectedOutcome,
    List<String> leads,
    String links,
    String resources,
    String impact) {

  static final int TEXT_LIMIT = 4000;
  static final int LEAD_LIMIT = 300;
  static final int LEADS_LIMIT = 20;
  static final int NOTE_LIMIT = 2000;

  public ActionChange {
    text = strip(text);
    expectedOutcome = strip(expectedOutcome);
    leads = List.copyOf(leads);
    links = strip(links);
    resources = strip(resources);
    impact = strip(impact);
  }

  /** Each problem with the change, by the form field it is about, in the order of the form. */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (text.isEmpty()) {
      problems.put("text", "Enter the action");
    }
    tooLong("An action", text, TEXT_LIMIT).ifPresent(m -> problems.put("text", m));
    tooLong("The expected outcome", expectedOutcome, TEXT_LIMIT)
        .ifPresent(m -> problems.put("expectedOutcome", m));
    leadsProblem(leads).ifPresent(m -> problems.put("leads", m));
    tooLong("Strategic links", links, NOTE_LIMIT).ifPresent(m -> problems.put("links", m));
    tooLong("Resources", resources, NOTE_LIMIT).ifPresent(m -> problems.put("resources", m));
    tooLong("Impact on other services", impact, NOTE_LIMIT)
        .ifPresent(m -> problems.put("impact", m));
    return problems;
  }

  /** Whether the action already reads like this. */
  boolean sameAs(PlanAction action) {
    return text.equals(action.text())
        && expectedOutcome.equals(action.expectedOutcome())
        && leads.equals(action.leads())
        && links.equals(action.links())
        && resources.equals(action.resources())
        && impact.equals(action.impact());
  }

  /** The names of the things this change alters, e.g. "the action, leads", for the audit trail. */
  String changesTo(PlanAction action) {
    List<String> changed = new java.util.ArrayList<>();
    if (!text.equals(action.text())) {
      changed.add("the action");
    }
    if (!expectedOutcome.equals(action.expectedOutcome())) {
      changed.add("expected outcome");
    }
    if (!leads.equals(action.leads())) {
      changed.add("leads");
    }
    if (!links.equals(action.links())) {
      changed.add("strategic links");
    }
    if (!resources.equals(action.resources())) {
      changed.add("resources");
    }
    if (!impact.equals(action.impact())) {
      changed.add("impact");
    }
    return String.join(", ", changed);
  }

  /** What is wrong with an action's leads: too many, or one too long. */
  static Optional<String> leadsProblem(List<String> leads) {
    if (leads.size() > LEADS_LIMIT) {
      return Optional.of("An action can have up to 20 leads");
    }
    if (leads.stream().anyMatch(l -> l.length() > LEAD_LIMIT)) {
      return Optional.of("Each lead must be 300 characters or fewer");
    }
    return Optional.empty();
  }

  /** "Resources must be 2,000 characters or fewer", when the value is longer than the limit. */
  static Optional<String> tooLong(String what, String value, int limit) {
    return value != null && value.length() > limit
        ? Optional.of(
            String.format(java.util.Locale.UK, "%s must be %,d characters or fewer", what, limit))
        : Optional.empty();
  }

  private static String strip(String value) {
    return value == null ? "" : PlainText.clean(value).strip();
  }
}
