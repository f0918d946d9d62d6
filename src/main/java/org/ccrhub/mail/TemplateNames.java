package org.ccrhub.mail;

import java.util.Map;

/** What each kind of message is, in words, for the Email page. */
public final class TemplateNames {

  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("sharing-request-received", "Information sharing request received"),
          Map.entry("sharing-request-decided", "Information sharing request decided"),
          Map.entry("period-opened", "Reporting period opened"),
          Map.entry("updates-due-soon", "Updates due soon"),
          Map.entry("updates-due-today", "Updates due today"),
          Map.entry("updates-overdue", "Updates overdue"),
          Map.entry("weekly-digest", "Weekly digest of reminders"),
          Map.entry("weekly-summary", "Weekly summary of updates"),
          Map.entry(AccountEmails.INVITATION, "Invitation"),
          Map.entry(AccountEmails.UNBLOCK, "Link to unblock sign-in"),
          Map.entry(AccountEmails.SECURITY_NOTICE, "Two-factor sign-in changed"));

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
