package org.ccrhub.audit;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a record of the audit trail says happened, in words: "Rating changed", "Agency added",
 * "Signed in". The trail stores the event's code and the kind of record it touched ({@code UPDATE},
 * {@code ProgressUpdate}); people read these words. A code this list does not know yet is still
 * written in words, from its code.
 */
public final class AuditEvents {

  /** Events known by their code alone. */
  private static final Map<String, String> EVENTS =
      Map.ofEntries(
          Map.entry("SIGN_IN", "Signed in"),
          Map.entry("SIGN_IN_FAILED", "Sign-in failed"),
          Map.entry("SIGN_IN_THROTTLED", "Sign-ins paused after failed attempts"),
          Map.entry("SIGN_IN_THROTTLE_ENDED", "Sign-ins no longer paused"),
          Map.entry("SIGN_IN_ADDRESS_BUSY", "Sign-ins from an address paused"),
          Map.entry("SIGN_IN_ADDRESS_BUSY_ENDED", "Sign-ins from an address no longer paused"),
          Map.entry("SIGN_IN_UNBLOCKED", "Sign-in unblocked by its owner"),
          Map.entry("LOCKED_OUT", "Account locked"),
          Map.entry("UNLOCKED", "Account unlocked"),
          Map.entry("PASSWORD_CHANGED", "Password changed"),
          Map.entry("ONE_TIME_PASSWORD_ISSUED", "One-time password given"),
          Map.entry("ROLE_GRANTED", "Role given"),
          Map.entry("ROLE_REVOKED", "Role taken away"),
          Map.entry("INVITATION_CREATED", "Invitation made"),
          Map.entry("INVITATION_WITHDRAWN", "Invitation withdrawn"),
          Map.entry("INVITATION_ACCEPTED", "Invitation accepted"),
          Map.entry("INVITATION_ACCEPT_REFUSED", "Invitation not accepted"),
          Map.entry("REMIND", "Reminders sent"),
          Map.entry("EXPORT", "File downloaded"),
          Map.entry("EXPORT_UNSUPPRESSED", "File downloaded with small numbers shown"),
          Map.entry(AuditTrail.SEALED, "Audit trail sealed"),
          Map.entry(AuditCheckpointRestarts.ACTION, "Audit checkpoint restarted"));

  /** Events whose words depend on the kind of record: code and kind. */
  private static final Map<String, String> EVENTS_ON =
      Map.ofEntries(
          Map.entry("CREATE ProgressUpdate", "Rating given"),
          Map.entry("UPDATE ProgressUpdate", "Rating changed"),
          Map.entry("UPDATE LeadMapping", "Lead's people changed"),
          Map.entry("UPDATE RagDefinitions", "RAG definitions changed"),
          Map.entry("CREATE AccountPerson", "User linked to a person"),
          Map.entry("UPDATE AccountPerson", "User's person changed"),
          Map.entry("DELETE AccountPerson", "User unlinked from their person"),
          Map.entry("VIEWED Account", "User's details viewed"),
          Map.entry("OPEN ReportingPeriod", "Reporting period opened"),
          Map.entry("CHANGE ReportingPeriod", "Reporting period dates changed"),
          Map.entry("CLOSE ReportingPeriod", "Reporting period closed"),
          Map.entry("IMPORT DeliveryPlan", "Plan imported"),
          Map.entry("IMPORT Indicator definitions", "Indicator definitions imported"),
          Map.entry("IMPORT Indicator values", "Indicator values imported"),
          Map.entry("READ People", "People listed"),
          Map.entry("READ Person", "Person's details viewed"),
          Map.entry("READ MailMessages", "Email messages listed"),
          Map.entry("READ MailMessage", "Email message viewed"),
          Map.entry("READ Leads", "Leads listed"));

  /** Kinds of record in words, for the events made of a verb and a kind. */
  private static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("Account", "User"),
          Map.entry("Agency", "Agency"),
          Map.entry("Group", "Group"),
          Map.entry("Person", "Person"),
          Map.entry("Partnership", "Partnership"),
          Map.entry("DeliveryPlan", "Plan"),
          Map.entry("PlanOutcome", "Outcome"),
          Map.entry("DeliveryArea", "Area"),
          Map.entry("Action", "Action"),
          Map.entry("Strategy", "Strategy"),
          Map.entry("Indicator", "Indicator"),
          Map.entry("ReportingPeriod", "Reporting period"),
          Map.entry("ExceptionReport", "Exception report"),
          Map.entry("PerformanceReport", "Performance table"),
          Map.entry("BoardPack", "Board pack"));

  private static final Map<String, String> VERBS =
      Map.of(
          "CREATE", "added",
          "UPDATE", "changed",
          "CHANGE", "changed",
          "DELETE", "deleted",
          "READ", "viewed",
          "VIEWED", "viewed",
          "IMPORT", "imported",
          "OPEN", "opened",
          "CLOSE", "closed");

  private AuditEvents() {}

  /** The event in words, e.g. "Rating changed" for {@code UPDATE} of a {@code ProgressUpdate}. */
  public static String describe(String action, @Nullable String objectType) {
    if (objectType != null) {
      String on = EVENTS_ON.get(action + " " + objectType);
      if (on != null) {
        return on;
      }
    }
    String known = EVENTS.get(action);
    if (known != null) {
      return known;
    }
    String verb = VERBS.get(action);
    if (verb != null && objectType != null) {
      return sentence(KINDS.getOrDefault(objectType, words(objectType)) + " " + verb);
    }
    return sentence(action.replace('_', ' ').toLowerCase(Locale.UK));
  }

  /** A kind of record in words, as a name: "Plan", "Reporting period", "Issued board pack". */
  public static String kind(String objectType) {
    return sentence(KINDS.getOrDefault(objectType, words(objectType)));
  }

  /** A kind of record in words: "IssuedBoardPack" is "issued board pack". */
  static String words(String code) {
    return code.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.UK);
  }

  private static String sentence(String text) {
    String lower = text.toLowerCase(Locale.UK);
    // words that keep their capitals
    lower = lower.replace("rag ", "RAG ").replace("csv", "CSV");
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
