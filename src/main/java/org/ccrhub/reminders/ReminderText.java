package org.ccrhub.reminders;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ccrhub.reminders.ReminderRules.Part;
import org.ccrhub.reminders.ReminderRules.Reminder;
import org.ccrhub.reminders.ReminderRules.Template;
import org.ccrhub.reminders.ReminderRules.Waiting;

/**
 * The words of a reminder email: plain text holding only the plans' and actions' titles, the due
 * dates and the link (and, in the strategic leads' summary, who has not updated). Nothing about
 * anyone's circumstances ever goes in an email.
 */
final class ReminderText {

  /** Actions listed per plan; the rest are counted ("and 12 more"). */
  static final int MOST_ACTIONS_LISTED = 50;

  /** An action's title is cut to this many characters in an email. */
  static final int LONGEST_TITLE = 150;

  /** The longest body, well within what a message may hold. */
  static final int LONGEST_BODY = 40_000;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  /** The subject and body of a message. */
  record Text(String subject, String body) {}

  private ReminderText() {}

  /**
   * @param link where the person acts: My actions, or the home page for a summary
   * @param preferences the page where people choose immediate reminders or a weekly digest
   * @param names the display names of accounts, for the summary
   */
  static Text of(Reminder reminder, String link, String preferences, Map<Long, String> names) {
    LocalDate due =
        reminder.parts().stream()
            .map(p -> p.plan().dueBy())
            .min(Comparator.naturalOrder())
            .orElseThrow();
    String subject =
        switch (reminder.template()) {
          case PERIOD_OPENED -> "Updates open: due by " + day(due);
          case DUE_SOON -> "Reminder: your updates are due by " + day(due);
          case DUE_TODAY -> "Your updates are due today";
          case OVERDUE -> "Your updates are late: they were due by " + day(due);
          case WEEKLY_DIGEST -> "Your actions to update this week";
          case WEEKLY_SUMMARY -> "Weekly summary of updates";
        };
    StringBuilder body = new StringBuilder();
    body.append(
        switch (reminder.template()) {
          case PERIOD_OPENED -> "A new reporting period is open. Please update these actions.";
          case DUE_SOON, DUE_TODAY, WEEKLY_DIGEST -> "These actions still need an update.";
          case OVERDUE -> "These actions have not been updated and the due date has passed.";
          case WEEKLY_SUMMARY -> "How far the updates of each open reporting period have got.";
        });
    body.append("\n\n");
    for (Part part : reminder.parts()) {
      body.append(part.plan().planName())
          .append(", ")
          .append(part.plan().period())
          .append(": updates due by ")
          .append(day(part.plan().dueBy()))
          .append('\n');
      if (reminder.template() == Template.WEEKLY_SUMMARY) {
        summary(body, part, names);
      } else {
        List<Waiting> actions = part.actions();
        for (Waiting action : actions.subList(0, Math.min(actions.size(), MOST_ACTIONS_LISTED))) {
          body.append("- ")
              .append(action.ref())
              .append(' ')
              .append(cut(action.title()))
              .append('\n');
        }
        if (actions.size() > MOST_ACTIONS_LISTED) {
          body.append("- and ").append(actions.size() - MOST_ACTIONS_LISTED).append(" more\n");
        }
      }
      body.append('\n');
    }
    if (body.length() > LONGEST_BODY) {
      body.setLength(LONGEST_BODY);
      body.append("\n(The list is cut short here.)\n\n");
    }
    body.append(reminder.template() == Template.WEEKLY_SUMMARY ? "See them at " : "Update them at ")
        .append(link)
        .append("\n\n");
    if (reminder.template() == Template.WEEKLY_SUMMARY) {
      body.append("You get this summary because you are a strategic lead in CCR Hub.\n");
    } else {
      body.append("You get these emails because you update these actions in CCR Hub.")
          .append(" Choose between an email at each step and one email a week at ")
          .append(preferences)
          .append(" (emails about late updates come either way).\n");
    }
    return new Text(subject, body.toString());
  }

  private static void summary(StringBuilder body, Part part, Map<Long, String> names) {
    int actions = part.plan().actions();
    int updated = part.plan().updated();
    body.append(updated)
        .append(" of ")
        .append(actions)
        .append(actions == 1 ? " action" : " actions")
        .append(" updated (")
        .append(actions == 0 ? 100 : updated * 100 / actions)
        .append("%)\n");
    Map<String, Integer> waitingFor = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, Integer> nobody = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Waiting action : part.actions()) {
      if (action.updaters().isEmpty()) {
        nobody.merge(action.leads().isBlank() ? "No lead given" : action.leads(), 1, Integer::sum);
      }
      action
          .updaters()
          .forEach(
              u -> waitingFor.merge(names.getOrDefault(u, "A former member"), 1, Integer::sum));
    }
    if (!waitingFor.isEmpty()) {
      body.append("Not updated yet by: ").append(counts(waitingFor)).append('\n');
    }
    if (!nobody.isEmpty()) {
      body.append("Nobody to update the actions of: ").append(counts(nobody)).append('\n');
    }
  }

  private static String counts(Map<String, Integer> counts) {
    List<String> each =
        counts.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + " ("
                        + e.getValue()
                        + (e.getValue() == 1 ? " action)" : " actions)"))
            .toList();
    return String.join(", ", each);
  }

  private static String cut(String title) {
    String oneLine = title.replaceAll("\\s+", " ").strip();
    if (oneLine.length() <= LONGEST_TITLE) {
      return oneLine;
    }
    int end = LONGEST_TITLE;
    if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
      end--; // never half an emoji
    }
    return oneLine.substring(0, end) + "…";
  }

  private static String day(LocalDate day) {
    return DAY.format(day);
  }
}
