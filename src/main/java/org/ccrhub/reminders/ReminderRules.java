package org.ccrhub.reminders;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccrhub.plans.ReportingPeriod;

/**
 * Which reminders are due on a day: the rules alone, with no database or mail.
 *
 * <p>An action lead with actions waiting for an update in an open period gets, for that period, the
 * message of its stage on the day: "period opened" until {@code daysBefore} days before the due
 * date, "due soon" from then, "due today" on the due date, and "overdue" after it, once a week (the
 * first day late, then every seven days) until the period closes. Each is sent once: a day missed
 * by the job is caught up by the next run, and a stage already passed is not sent late (nobody gets
 * "period opened" on the due date). One message per person and stage covers every plan at that
 * stage.
 *
 * <p>People who chose the weekly digest get, instead of the first three, one digest on the weekly
 * day listing all their waiting actions; overdue reminders go to everyone. Strategic leads get a
 * weekly summary on that day: each open period's share of actions updated and who has not updated.
 */
final class ReminderRules {

  private ReminderRules() {}

  /** What a reminder says, and its name as a mail template. */
  enum Template {
    PERIOD_OPENED("period-opened"),
    DUE_SOON("updates-due-soon"),
    DUE_TODAY("updates-due-today"),
    OVERDUE("updates-overdue"),
    WEEKLY_DIGEST("weekly-digest"),
    WEEKLY_SUMMARY("weekly-summary");

    final String id;

    Template(String id) {
      this.id = id;
    }
  }

  /**
   * @param daysBefore how many days before the due date the "due soon" reminder goes
   * @param weeklyDay the day of the week of digests and summaries
   */
  record Settings(int daysBefore, DayOfWeek weeklyDay) {}

  /** An open period of a plan and how far it has got. */
  record PlanPeriod(
      long planId,
      String planName,
      ReportingPeriod period,
      LocalDate dueBy,
      int actions,
      int updated,
      List<Waiting> waiting) {}

  /** An action waiting for an update, the accounts that update it and its leads as written. */
  record Waiting(String ref, String title, Set<Long> updaters, String leads) {}

  /** Someone reminders may go to. */
  record Person(long accountId, String email, String name, boolean digest, boolean strategicLead) {}

  /** The actions of one plan's period that a reminder is about. */
  record Part(PlanPeriod plan, List<Waiting> actions) {}

  /**
   * A message due to a person.
   *
   * @param keys what it covers, recorded when it is sent so that it is never sent twice
   */
  record Reminder(Person to, Template template, List<Part> parts, List<String> keys) {
    int actions() {
      return parts.stream().mapToInt(p -> p.actions().size()).sum();
    }
  }

  /** The stage a period is at on a day. */
  static Template stage(LocalDate today, LocalDate dueBy, int daysBefore) {
    if (today.isAfter(dueBy)) {
      return Template.OVERDUE;
    }
    if (today.equals(dueBy)) {
      return Template.DUE_TODAY;
    }
    return today.isBefore(dueBy.minusDays(daysBefore)) ? Template.PERIOD_OPENED : Template.DUE_SOON;
  }

  /**
   * The reminders due on the day, in the order of the people given.
   *
   * @param sent the keys sent already, each prefixed with the account id and "|"
   */
  static List<Reminder> due(
      LocalDate today,
      Settings settings,
      List<PlanPeriod> periods,
      List<Person> people,
      Set<String> sent) {
    List<Reminder> due = new ArrayList<>();
    boolean weeklyDay = today.getDayOfWeek() == settings.weeklyDay();
    for (Person person : people) {
      Map<Template, List<Part>> parts = new LinkedHashMap<>();
      Map<Template, List<String>> keys = new LinkedHashMap<>();
      List<Part> all = new ArrayList<>();
      for (PlanPeriod period : periods) {
        List<Waiting> theirs =
            period.waiting().stream()
                .filter(w -> w.updaters().contains(person.accountId()))
                .toList();
        if (theirs.isEmpty()) {
          continue;
        }
        all.add(new Part(period, theirs));
        Template stage = stage(today, period.dueBy(), settings.daysBefore());
        if (person.digest() && stage != Template.OVERDUE) {
          continue;
        }
        String key = key(stage, period, today);
        if (!sent.contains(person.accountId() + "|" + key)) {
          parts.computeIfAbsent(stage, t -> new ArrayList<>()).add(new Part(period, theirs));
          keys.computeIfAbsent(stage, t -> new ArrayList<>()).add(key);
        }
      }
      for (Template template : Template.values()) {
        if (parts.containsKey(template)) {
          due.add(new Reminder(person, template, parts.get(template), keys.get(template)));
        }
      }
      String digestKey = Template.WEEKLY_DIGEST.id + ":" + today;
      if (person.digest()
          && weeklyDay
          && !all.isEmpty()
          && !sent.contains(person.accountId() + "|" + digestKey)) {
        due.add(new Reminder(person, Template.WEEKLY_DIGEST, all, List.of(digestKey)));
      }
      String summaryKey = Template.WEEKLY_SUMMARY.id + ":" + today;
      if (person.strategicLead()
          && weeklyDay
          && !periods.isEmpty()
          && !sent.contains(person.accountId() + "|" + summaryKey)) {
        List<Part> everything = periods.stream().map(p -> new Part(p, p.waiting())).toList();
        due.add(new Reminder(person, Template.WEEKLY_SUMMARY, everything, List.of(summaryKey)));
      }
    }
    return due;
  }

  /**
   * What a stage's reminder for a period is recorded as. Overdue reminders repeat weekly, so theirs
   * names the week of lateness (0 for days 1 to 7, 1 for days 8 to 14...).
   */
  static String key(Template stage, PlanPeriod period, LocalDate today) {
    String key = stage.id + ":" + period.planId() + ":" + period.period();
    if (stage == Template.OVERDUE) {
      long daysLate = ChronoUnit.DAYS.between(period.dueBy(), today);
      key += ":" + (daysLate - 1) / 7;
    }
    return key;
  }
}
