package org.ccrhub.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.reminders.ReminderRules.Person;
import org.ccrhub.reminders.ReminderRules.PlanPeriod;
import org.ccrhub.reminders.ReminderRules.Reminder;
import org.ccrhub.reminders.ReminderRules.Settings;
import org.ccrhub.reminders.ReminderRules.Template;
import org.ccrhub.reminders.ReminderRules.Waiting;
import org.junit.jupiter.api.Test;

class ReminderRulesTests {

  static final Settings SETTINGS = new Settings(5, DayOfWeek.MONDAY);
  static final ReportingPeriod Q3 = ReportingPeriod.parse("2016/17 Q3");
  // Friday 13 January 2017
  static final LocalDate DUE = LocalDate.of(2017, 1, 13);

  final Person lena = new Person(1, "lena@council.example", "Lena", false, false);
  final Person dev = new Person(2, "dev@police.example", "Dev", true, false);
  final Person sam = new Person(3, "sam@council.example", "Sam", false, true);

  final PlanPeriod vawg =
      new PlanPeriod(
          10,
          "VAWG plan",
          Q3,
          DUE,
          4,
          1,
          List.of(
              new Waiting("1.1", "Run a campaign in schools", Set.of(1L), "Council"),
              new Waiting("1.2", "Train GPs", Set.of(1L, 2L), "Council; Health"),
              new Waiting("2.1", "Open a refuge", Set.of(), "Housing")));
  final PlanPeriod accommodation =
      new PlanPeriod(
          11,
          "Safe accommodation plan",
          Q3,
          DUE,
          1,
          0,
          List.of(new Waiting("A1", "Commission refuge spaces", Set.of(1L), "Council")));

  final Set<String> sent = new HashSet<>();

  @Test
  void eachStageIsSentOnceAndADayRunTwiceSendsNothingNew() {
    assertThat(send(LocalDate.of(2017, 1, 3)))
        .containsExactly("lena@council.example,period-opened,2");
    assertThat(send(LocalDate.of(2017, 1, 3))).isEmpty();
    assertThat(send(LocalDate.of(2017, 1, 7))).isEmpty();
    assertThat(send(LocalDate.of(2017, 1, 8)))
        .containsExactly("lena@council.example,updates-due-soon,2");
    assertThat(send(LocalDate.of(2017, 1, 10))).isEmpty();
    assertThat(send(DUE)).containsExactly("lena@council.example,updates-due-today,2");
    assertThat(send(DUE)).isEmpty();
  }

  @Test
  void overdueRemindersGoTheFirstDayLateThenWeeklyToEveryoneIncludingDigestReaders() {
    assertThat(send(LocalDate.of(2017, 1, 14)))
        .containsExactly(
            "lena@council.example,updates-overdue,2", "dev@police.example,updates-overdue,1");
    assertThat(send(LocalDate.of(2017, 1, 15))).isEmpty();
    assertThat(send(LocalDate.of(2017, 1, 20))).isEmpty();
    assertThat(send(LocalDate.of(2017, 1, 21)))
        .containsExactly(
            "lena@council.example,updates-overdue,2", "dev@police.example,updates-overdue,1");
  }

  @Test
  void aStageAlreadyPassedIsNotSentLate() {
    assertThat(send(DUE)).containsExactly("lena@council.example,updates-due-today,2");
    assertThat(send(LocalDate.of(2017, 1, 14)))
        .containsExactly(
            "lena@council.example,updates-overdue,2", "dev@police.example,updates-overdue,1");
  }

  @Test
  void digestReadersGetOneMessageOnTheWeeklyDayAndStrategicLeadsTheSummary() {
    // Monday 9 January 2017, in the "due soon" window
    List<Reminder> monday =
        ReminderRules.due(
            LocalDate.of(2017, 1, 9), SETTINGS, List.of(vawg, accommodation), people(), sent);
    assertThat(monday)
        .extracting(r -> r.to().name() + " " + r.template() + " " + r.actions())
        .containsExactly("Lena DUE_SOON 3", "Dev WEEKLY_DIGEST 1", "Sam WEEKLY_SUMMARY 4");
    Reminder lenas = monday.get(0);
    assertThat(lenas.parts())
        .extracting(p -> p.plan().planName() + " " + p.actions().size())
        .containsExactly("VAWG plan 2", "Safe accommodation plan 1");
    assertThat(lenas.keys())
        .containsExactly("updates-due-soon:10:2016/17 Q3", "updates-due-soon:11:2016/17 Q3");
    // the summary covers every action waiting, including those nobody updates
    assertThat(monday.get(2).parts().get(0).actions()).extracting(Waiting::ref).contains("2.1");
  }

  @Test
  void nobodyIsRemindedWhenEverythingIsUpdatedOrNoPeriodIsOpen() {
    PlanPeriod done = new PlanPeriod(10, "VAWG plan", Q3, DUE, 4, 4, List.of());
    assertThat(ReminderRules.due(LocalDate.of(2017, 1, 9), SETTINGS, List.of(done), people(), sent))
        .extracting(r -> r.template())
        .containsExactly(Template.WEEKLY_SUMMARY);
    assertThat(ReminderRules.due(LocalDate.of(2017, 1, 9), SETTINGS, List.of(), people(), sent))
        .isEmpty();
  }

  @Test
  void theStageFollowsTheDueDate() {
    assertThat(ReminderRules.stage(LocalDate.of(2017, 1, 7), DUE, 5))
        .isEqualTo(Template.PERIOD_OPENED);
    assertThat(ReminderRules.stage(LocalDate.of(2017, 1, 8), DUE, 5)).isEqualTo(Template.DUE_SOON);
    assertThat(ReminderRules.stage(DUE, DUE, 5)).isEqualTo(Template.DUE_TODAY);
    assertThat(ReminderRules.stage(DUE.plusDays(1), DUE, 5)).isEqualTo(Template.OVERDUE);
  }

  @Test
  void aLongListIsCutSoThatEveryMessageCanBeSent() {
    List<Waiting> many = new java.util.ArrayList<>();
    for (int i = 1; i <= 400; i++) {
      many.add(new Waiting("1." + i, "x".repeat(3990), Set.of(1L), "Council"));
    }
    PlanPeriod big = new PlanPeriod(10, "VAWG plan", Q3, DUE, 400, 0, many);
    Reminder reminder =
        ReminderRules.due(
                LocalDate.of(2017, 1, 3), SETTINGS, List.of(big, big, big), people(), sent)
            .get(0);
    ReminderText.Text text =
        ReminderText.of(
            reminder,
            "https://ccr.example/p/x/my-actions",
            "https://ccr.example/account/reminders",
            java.util.Map.of());
    assertThat(text.body().length()).isLessThan(50_000);
    assertThat(text.body())
        .contains("- 1.50 " + "x".repeat(150) + "…\n- and 350 more")
        .doesNotContain("- 1.51 ")
        .endsWith("(emails about late updates come either way).\n");
    assertThat(reminder.actions()).isEqualTo(1200);
  }

  private List<Person> people() {
    return List.of(lena, dev, sam);
  }

  /** Runs the rules for the day on the VAWG plan, records what was sent, and lists it. */
  private List<String> send(LocalDate day) {
    List<Reminder> due =
        ReminderRules.due(day, SETTINGS, List.of(vawg), people(), sent).stream()
            .filter(
                r ->
                    r.template() != Template.WEEKLY_SUMMARY
                        && r.template() != Template.WEEKLY_DIGEST)
            .toList();
    due.forEach(r -> r.keys().forEach(k -> sent.add(r.to().accountId() + "|" + k)));
    return due.stream()
        .map(r -> r.to().email() + "," + r.template().id + "," + r.actions())
        .toList();
  }
}
