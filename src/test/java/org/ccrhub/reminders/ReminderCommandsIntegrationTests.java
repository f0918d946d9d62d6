package org.ccrhub.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code reminders send} as an operator runs it, against a real SMTP server (GreenMail): days
 * before, on and after the due date of an opened period, counting the messages and their actions.
 */
@CcrHubTest
class ReminderCommandsIntegrationTests {

  private static final String PLAN_CSV =
      """
      outcome,ref,action,due,lead,rag,comment,period
      1 Prevention,1.1,Run a campaign in schools,Q3,Council,,,
      1 Prevention,1.2,Train GPs to ask about abuse,Q4,Council; Health,,,
      2 Provision,2.1,Open a second refuge,Q4,Housing,Red,Protocol not signed by Health,2016/17 Q2
      """;

  @Autowired AdminCommands commands;
  @Autowired Fixtures fixtures;
  @Autowired DeliveryPlans plans;
  @Autowired ActionProgress progress;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired Reminders reminders;
  @Autowired ReportingPeriods periods;

  @TempDir Path dir;
  GreenMail smtp;
  int smtpPort;
  Partnership partnership;
  DeliveryPlan plan;
  String lena;
  String dev;
  String sam;

  @BeforeEach
  void aPlanWithLeadsAndAMailServer() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      smtpPort = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    partnership = fixtures.partnership();
    lena = fixtures.user(partnership, Role.ACTION_LEAD);
    dev = fixtures.user(partnership, Role.ACTION_LEAD);
    sam = fixtures.user(partnership, Role.STRATEGIC_LEAD);
    Path csv = dir.resolve("plan.csv");
    Files.writeString(csv, PLAN_CSV);
    ok(
        commands.run(
            "plan",
            "import",
            "--partnership",
            partnership.slug(),
            "--plan",
            "VAWG plan",
            "--year",
            "2016/17",
            "--file",
            csv.toString()));
    plan = plans.named(partnership, "VAWG plan");
    progress.assignUpdaters(partnership, plan, action("1.1"), Set.of(account(lena)));
    progress.assignUpdaters(partnership, plan, action("1.2"), Set.of(account(lena), account(dev)));
    ok(
        commands.run(
            "period",
            "open",
            "--partnership",
            partnership.slug(),
            "--plan",
            "VAWG plan",
            "--period",
            "2016/17 Q3",
            "--due",
            "2017-01-13"));
  }

  @AfterEach
  void stopTheMailServer() {
    smtp.stop();
  }

  @Test
  void remindsTheUpdatersBeforeOnAndAfterTheDueDateAndNeverTwiceOnADay() throws Exception {
    // Tuesday 3 January 2017: the period is open
    assertThat(send("2017-01-03"))
        .containsExactlyInAnyOrder(lena + ",period-opened,2", dev + ",period-opened,1");
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    MimeMessage toLena = receivedBy(lena).get(0);
    assertThat(toLena.getSubject()).isEqualTo("Updates open: due by Friday 13 January 2017");
    String body = body(toLena);
    assertThat(body)
        .contains("VAWG plan, 2016/17 Q3: updates due by Friday 13 January 2017")
        .contains("- 1.1 Run a campaign in schools")
        .contains("- 1.2 Train GPs to ask about abuse")
        .contains("/p/" + partnership.slug() + "/my-actions")
        .doesNotContain("Open a second refuge")
        .doesNotContain("Protocol not signed");

    assertThat(send("2017-01-03")).isEmpty();
    assertThat(smtp.getReceivedMessages()).hasSize(2);

    // Sunday 8 January: five days before
    assertThat(send("2017-01-08"))
        .containsExactlyInAnyOrder(lena + ",updates-due-soon,2", dev + ",updates-due-soon,1");
    // Monday 9 January: the strategic lead's weekly summary names who has not updated
    assertThat(send("2017-01-09")).containsExactly(sam + ",weekly-summary,3");
    String summary = body(receivedBy(sam).get(0));
    assertThat(summary)
        .contains("0 of 3 actions updated (0%)")
        .contains("Nobody to update the actions of: Housing (1 action)");

    // Lena updates 1.1; 1.2 still waits for her or Dev
    jdbc.sql(
            "insert into progress_update (action_id, year, quarter, rating, comment, recorded_by)"
                + " values (:a, 2016, 3, 'GREEN', '', 'test')")
        .param("a", action("1.1").id())
        .update();
    assertThat(send("2017-01-13"))
        .containsExactlyInAnyOrder(lena + ",updates-due-today,1", dev + ",updates-due-today,1");
    assertThat(body(receivedBy(lena).get(2))).doesNotContain("1.1 Run a campaign");
  }

  @Test
  void theDueDateAndLatenessAreRemindedToThoseWithActionsStillWaiting() {
    jdbc.sql(
            "insert into progress_update (action_id, year, quarter, rating, comment, recorded_by)"
                + " values (:a, 2016, 3, 'GREEN', '', 'test')")
        .param("a", action("1.1").id())
        .update();
    assertThat(sendInServer("2017-01-13"))
        .containsExactlyInAnyOrder(lena + ",updates-due-today,1", dev + ",updates-due-today,1");
    assertThat(sendInServer("2017-01-14"))
        .containsExactlyInAnyOrder(lena + ",updates-overdue,1", dev + ",updates-overdue,1");
    assertThat(sendInServer("2017-01-15")).isEmpty();
    assertThat(sendInServer("2017-01-21"))
        .containsExactlyInAnyOrder(lena + ",updates-overdue,1", dev + ",updates-overdue,1");
    assertThat(
            jdbc.sql(
                    "select subject from mail_message where partnership_id = :p and recipient = :r"
                        + " order by id")
                .param("p", partnership.id())
                .param("r", dev)
                .query(String.class)
                .list())
        .containsExactly(
            "Your updates are due today",
            "Your updates are late: they were due by Friday 13 January 2017",
            "Your updates are late: they were due by Friday 13 January 2017");
  }

  @Test
  void aDryRunSaysWhatWouldGoAndSendsNothingAndWithoutAMailServerTheyWaitInTheOutbox()
      throws Exception {
    AdminCommands.Result dry =
        commands.run(
            "reminders",
            "send",
            "--partnership",
            partnership.slug(),
            "--as-of",
            "2017-01-03",
            "--dry-run");
    ok(dry);
    assertThat(dry.out().lines())
        .containsExactlyInAnyOrder(lena + ",period-opened,2", dev + ",period-opened,1");
    assertThat(dry.err()).contains("2 messages would be sent for 2017-01-03");
    assertThat(smtp.getReceivedMessages()).isEmpty();

    AdminCommands.Result kept =
        commands.run(
            "reminders", "send", "--partnership", partnership.slug(), "--as-of", "2017-01-03");
    ok(kept);
    assertThat(kept.out().lines()).hasSize(2);
    assertThat(kept.err()).contains("they are in the outbox");
    assertThat(
            jdbc.sql(
                    "select status || ' ' || template || ' ' || actions from mail_message"
                        + " where partnership_id = :p order by recipient")
                .param("p", partnership.id())
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder("OUTBOX period-opened 1", "OUTBOX period-opened 2");
    assertThat(send("2017-01-03")).isEmpty();
  }

  @Test
  void aPeriodPastItsCloseDateIsClosedAndRemindsNobody() {
    ok(
        commands.run(
            "period",
            "open",
            "--partnership",
            partnership.slug(),
            "--plan",
            "VAWG plan",
            "--period",
            "2016/17 Q3",
            "--due",
            "2017-01-13",
            "--closes",
            "2017-01-20"));
    assertThat(sendInServer("2017-01-20")).hasSize(2);
    assertThat(sendInServer("2017-01-21")).isEmpty();
    assertThat(periods.find(plan, ReportingPeriod.parse("2016/17 Q3")).orElseThrow().closed())
        .isTrue();
  }

  /** What the daily job does, in the server (which has no mail server: the outbox). */
  private List<String> sendInServer(String day) {
    return reminders.send(partnership, LocalDate.parse(day), false).stream()
        .map(r -> r.to() + "," + r.template() + "," + r.actions())
        .toList();
  }

  private List<String> send(String day) {
    AdminCommands.Result result =
        commands.run(
            "reminders",
            "send",
            "--partnership",
            partnership.slug(),
            "--as-of",
            day,
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtpPort,
            "--ccr.mail.from=CCR Hub <ccr-hub@council.example>");
    ok(result);
    return result.out().lines().toList();
  }

  private List<MimeMessage> receivedBy(String email) throws Exception {
    List<MimeMessage> theirs = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (Arrays.stream(m.getRecipients(RecipientType.TO))
          .anyMatch(a -> a.toString().equals(email))) {
        theirs.add(m);
      }
    }
    return theirs;
  }

  private static String body(MimeMessage message) throws Exception {
    return ((String) message.getContent()).replace("\r\n", "\n");
  }

  private org.ccrhub.plans.PlanAction action(String ref) {
    return progress.action(plan, ref);
  }

  private long account(String email) {
    return accounts.members(partnership.id()).stream()
        .filter(m -> m.email().equals(email))
        .findFirst()
        .orElseThrow()
        .accountId();
  }

  private static void ok(AdminCommands.Result result) {
    assertThat(result.exitCode()).as(result.err()).isZero();
  }
}
