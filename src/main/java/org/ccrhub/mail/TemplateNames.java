package org.ccrhub.mail;

import java.util.Map;

/** What each kind of message is, in words, for the Email page. */
public final class TemplateNames {

  private static final Map<String, String> NAMES =
      Map.of(
          "period-opened",
          "Reporting period opened",
          "updates-due-soon",
          "Updates due soon",
          "updates-due-today",
          "Updates due today",
          "updates-overdue",
          "Updates overdue",
          "weekly-digest",
          "Weekly digest of reminders",
          "weekly-summary",
          "Weekly summary of updates",
          AccountEmails.INVITATION,
          "Invitation",
          AccountEmails.UNBLOCK,
          "Link to unblock sign-in",
          AccountEmails.SECURITY_NOTICE,
          "Two-factor sign-in changed");

  private TemplateNames() {}

  /** The kind of message in words: {@code updates-due-soon} is "Updates due soon". */
  public static String of(String template) {
    String name = NAMES.get(template);
    if (name != null) {
      return name;
    }
    String words = template.replace('-', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
