package org.ccrhub.reminders;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.mail.Mail;
import org.ccrhub.mail.Message;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.PeriodProgress;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.reminders.ReminderRules.Person;
import org.ccrhub.reminders.ReminderRules.PlanPeriod;
import org.ccrhub.reminders.ReminderRules.Reminder;
import org.ccrhub.reminders.ReminderRules.Waiting;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.BaseUrl;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the reminders of the reporting cycle due on a day ({@link ReminderRules}): what the daily
 * job does at 07:00 and {@code reminders send} does for any day. First it closes the periods whose
 * close date has passed. Each reminder is recorded with what it covers in the same transaction as
 * its message is queued, so running twice on a day, or on two servers at once, sends nothing new.
 */
@Service
public class Reminders {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Reminders.class);

  /** The page where a person chooses a reminder at each step or one weekly digest. */
  public static final String PREFERENCES_PATH = "/account/reminders";

  /**
   * A reminder sent (or, in a dry run, that would be): to whom, which template, how many actions.
   */
  public record Sent(String to, String template, int actions) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ActionProgress progress;
  private final ReportingPeriods periods;
  private final DeliveryPlans plans;
  private final Accounts accounts;
  private final Mail mail;
  private final BaseUrl baseUrl;
  private final AuditTrail audit;
  private final ReminderRules.Settings settings;

  Reminders(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      ActionProgress progress,
      ReportingPeriods periods,
      DeliveryPlans plans,
      Accounts accounts,
      Mail mail,
      BaseUrl baseUrl,
      AuditTrail audit,
      @Value("${ccr.reminders.days-before:5}") int daysBefore,
      @Value("${ccr.reminders.weekly-day:MONDAY}") DayOfWeek weeklyDay) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.progress = progress;
    this.periods = periods;
    this.plans = plans;
    this.accounts = accounts;
    this.mail = mail;
    this.baseUrl = baseUrl;
    this.audit = audit;
    this.settings = new ReminderRules.Settings(daysBefore, weeklyDay);
  }

  /**
   * Closes the periods due to close and sends the reminders due on the day; with {@code dryRun}
   * only says what it would send (and closes nothing).
   */
  public List<Sent> send(Partnership partnership, LocalDate today, boolean dryRun) {
    Set<String> closing = new HashSet<>();
    for (ReportingPeriods.Period period : periods.dueToClose(partnership, today)) {
      closing.add(period.planId() + " " + period.period());
      if (!dryRun) {
        periods.close(partnership, plans.find(partnership, period.planId()), period.period());
      }
    }
    List<PlanPeriod> open = new ArrayList<>();
    for (PeriodProgress p : progress.openPeriods(partnership)) {
      if (!closing.contains(p.plan().id() + " " + p.period().period())) {
        open.add(planPeriod(p));
      }
    }
    List<Member> members = accounts.members(partnership.id());
    Set<Long> digest = digestReaders();
    List<Person> people = new ArrayList<>();
    Map<Long, String> names = new HashMap<>();
    for (Member m : members) {
      names.put(m.accountId(), m.displayName());
      people.add(
          new Person(
              m.accountId(),
              m.email(),
              m.displayName(),
              digest.contains(m.accountId()),
              m.roles().contains(Role.STRATEGIC_LEAD)));
    }
    List<Reminder> due = ReminderRules.due(today, settings, open, people, sent(partnership));
    List<Sent> sent = new ArrayList<>();
    int failed = 0;
    for (Reminder reminder : due) {
      try {
        if (dryRun || queue(partnership, reminder, today, names)) {
          sent.add(new Sent(reminder.to().email(), reminder.template().id, reminder.actions()));
        }
      } catch (RuntimeException e) {
        // one message that cannot be made must not stop everyone else's reminders
        failed++;
        log.error(
            "A {} reminder to account {} could not be queued",
            reminder.template().id,
            reminder.to().accountId(),
            e);
      }
    }
    if (failed > 0) {
      audit.record(
          new AuditEntry(
              "REMIND",
              "Reminders",
              today.toString(),
              partnership.id(),
              AuditEntry.Outcome.FAILURE,
              failed
                  + (failed == 1 ? " reminder" : " reminders")
                  + " for "
                  + today
                  + " could not be queued; see the log"));
    }
    if (!dryRun && !sent.isEmpty()) {
      audit.record(
          AuditEntry.success(
              "REMIND",
              "Reminders",
              today.toString(),
              partnership.id(),
              "Sent "
                  + sent.size()
                  + (sent.size() == 1 ? " reminder" : " reminders")
                  + " for "
                  + today));
    }
    return sent;
  }

  /** How many days before the due date the "due soon" reminder goes. */
  public int daysBefore() {
    return settings.daysBefore();
  }

  /** The day of the week of digests and summaries. */
  public DayOfWeek weeklyDay() {
    return settings.weeklyDay();
  }

  /** Whether the account chose one weekly digest instead of a reminder at each step. */
  public boolean wantsDigest(long accountId) {
    return jdbc.sql("select weekly_digest from reminder_preference where user_account_id = :a")
        .param("a", accountId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Records the account's choice. */
  public void chooseDigest(long accountId, boolean weeklyDigest) {
    jdbc.sql(
            """
            insert into reminder_preference (user_account_id, weekly_digest) values (:a, :d)
            on conflict (user_account_id) do update set weekly_digest = :d
            """)
        .param("a", accountId)
        .param("d", weeklyDigest)
        .update();
  }

  /** Queues the reminder's message, unless what it covers was sent meanwhile. */
  private boolean queue(
      Partnership partnership, Reminder reminder, LocalDate today, Map<Long, String> names) {
    Boolean queued =
        transactions.execute(
            status -> {
              for (String key : reminder.keys()) {
                int recorded =
                    jdbc.sql(
                            """
                            insert into reminder_sent
                                (partnership_id, user_account_id, key, sent_on)
                            values (:p, :a, :k, :d) on conflict do nothing
                            """)
                        .param("p", partnership.id())
                        .param("a", reminder.to().accountId())
                        .param("k", key)
                        .param("d", today)
                        .update();
                if (recorded == 0) {
                  status.setRollbackOnly(); // another run sent it
                  return false;
                }
              }
              String link =
                  baseUrl.of(
                      reminder.template() == ReminderRules.Template.WEEKLY_SUMMARY
                          ? "/p/" + partnership.slug()
                          : "/p/" + partnership.slug() + "/my-actions");
              ReminderText.Text text =
                  ReminderText.of(reminder, link, baseUrl.of(PREFERENCES_PATH), names);
              long id =
                  mail.queue(
                      new Message(
                          partnership.id(),
                          reminder.to().email(),
                          reminder.template().id,
                          text.subject(),
                          text.body(),
                          reminder.actions()));
              jdbc.sql(
                      """
                      update reminder_sent set mail_message_id = :m
                      where partnership_id = :p and user_account_id = :a and key in (:k)
                      """)
                  .param("m", id)
                  .param("p", partnership.id())
                  .param("a", reminder.to().accountId())
                  .param("k", reminder.keys())
                  .update();
              return true;
            });
    return Boolean.TRUE.equals(queued);
  }

  private Set<Long> digestReaders() {
    return new HashSet<>(
        jdbc.sql("select user_account_id from reminder_preference where weekly_digest")
            .query(Long.class)
            .list());
  }

  private Set<String> sent(Partnership partnership) {
    return new HashSet<>(
        jdbc.sql(
                "select user_account_id || '|' || key from reminder_sent where partnership_id = :p")
            .param("p", partnership.id())
            .query(String.class)
            .list());
  }

  private static PlanPeriod planPeriod(PeriodProgress p) {
    return new PlanPeriod(
        p.plan().id(),
        p.plan().name(),
        p.period().period(),
        p.period().dueBy(),
        p.actions(),
        p.updated(),
        p.waiting().stream()
            .map(
                w ->
                    new Waiting(
                        w.action().ref(), w.action().text(), w.updaters(), w.action().leadsText()))
            .toList());
  }
}
