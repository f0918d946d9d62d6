package org.ccrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.HttpBrowser;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Email through a real SMTP server (GreenMail, in this JVM on a free port), from a node configured
 * with {@code spring.mail.host}, {@code spring.mail.port} and {@code ccr.mail.from}.
 */
@CcrHubTest
class SmtpMailIntegrationTests {

  private static final String FROM = "CCR Hub <ccr-hub@council.example>";

  private static MailNode node;
  private static GreenMail smtp;
  private static int smtpPort;

  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  Mail mail;
  Partnership partnership;

  @BeforeEach
  void aNodeThatSendsThroughSmtp() throws Exception {
    if (node == null) {
      try (ServerSocket socket = new ServerSocket(0)) {
        smtpPort = socket.getLocalPort();
      }
      startSmtp();
      node =
          MailNode.start(
              dataSource,
              environment,
              true,
              "--spring.mail.host=127.0.0.1",
              "--spring.mail.port=" + smtpPort,
              "--ccr.mail.from=" + FROM);
    }
    if (!smtp.isRunning()) {
      startSmtp();
    }
    smtp.purgeEmailFromAllMailboxes();
    // as PostgreSQL keeps it
    node.clock.set(Instant.now().truncatedTo(ChronoUnit.MICROS));
    mail = node.bean(Mail.class);
    partnership = fixtures.partnership();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
      node = null;
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void queuedMessagesAreSentWithTheirRecipientSubjectAndBodyAndRecorded() throws Exception {
    long first =
        mail.queue(
            new Message(
                partnership.id(),
                "lead." + partnership.slug() + "@council.example",
                "updates-due-soon",
                "Updates due by 13 January 2017 – VAWG delivery plan",
                "Please update your 2 actions in VAWG delivery plan 2016/17 by 13 January 2017:\n"
                    + "1.1 Refresh the strategy\n1.2 Train front-line staff in Café Street\n\n"
                    + "http://ccr-hub.test/p/"
                    + partnership.slug()
                    + "/my-actions\n",
                2));
    long second =
        mail.queue(
            new Message(
                partnership.id(),
                "chair." + partnership.slug() + "@council.example",
                "weekly-summary",
                "Weekly summary",
                "VAWG delivery plan 2016/17: 5 of 21 actions updated",
                0));
    assertThat(mail.canSend()).isTrue();
    assertThat(status(first)).isEqualTo("PENDING,0");

    assertThat(mail.deliverPending()).isEqualTo(2);

    MimeMessage received = receivedBy("lead." + partnership.slug() + "@council.example");
    assertThat(received.getSubject())
        .isEqualTo("Updates due by 13 January 2017 – VAWG delivery plan");
    assertThat(received.getFrom()[0].toString()).isEqualTo(FROM);
    assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(received.getContentType()).containsIgnoringCase("charset=UTF-8");
    // the mail server drops the final line break
    assertThat(((String) received.getContent()).replace("\r\n", "\n"))
        .isEqualTo(
            "Please update your 2 actions in VAWG delivery plan 2016/17 by 13 January 2017:\n"
                + "1.1 Refresh the strategy\n1.2 Train front-line staff in Café Street\n\n"
                + "http://ccr-hub.test/p/"
                + partnership.slug()
                + "/my-actions");
    assertThat(receivedBy("chair." + partnership.slug() + "@council.example").getSubject())
        .isEqualTo("Weekly summary");
    assertThat(status(first)).isEqualTo("SENT,1");
    assertThat(status(second)).isEqualTo("SENT,1");
    assertThat(
            jdbc.sql(
                    "select count(*) from mail_message where id = :id and sent_at is not null"
                        + " and next_attempt_at is null and last_error is null")
                .param("id", first)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // nothing is sent twice
    assertThat(mail.deliverPending()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  @Test
  void twoDeliveriesAtOnceAsOnTwoNodesNeverSendAMessageTwice() throws Exception {
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(queue("lead" + i + "." + partnership.slug() + "@council.example"));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(mail::deliverPending);
      var second = pool.submit(mail::deliverPending);

      assertThat(first.get() + second.get()).isEqualTo(20);
    } finally {
      pool.shutdown();
    }
    smtp.waitForIncomingEmail(5_000, 20);
    assertThat(smtp.getReceivedMessages()).hasSize(20);
    for (long id : ids) {
      assertThat(status(id)).isEqualTo("SENT,1");
    }
  }

  @Test
  void aMessageIsTriedAgainAfterAMinuteAndSentOnceTheServerIsBack() throws Exception {
    smtp.stop();
    long id = queue("back@council.example");

    assertThat(mail.deliverPending()).isZero();

    assertThat(status(id)).isEqualTo("PENDING,1");
    assertThat(lastError(id)).isEqualTo("Could not connect to the mail server");
    assertThat(nextAttempt(id)).isEqualTo(node.clock.instant().plus(Duration.ofMinutes(1)));
    startSmtp();
    node.clock.advance(Duration.ofSeconds(59));
    assertThat(mail.deliverPending()).isZero();
    assertThat(status(id)).isEqualTo("PENDING,1");
    node.clock.advance(Duration.ofSeconds(1));

    assertThat(mail.deliverPending()).isEqualTo(1);

    assertThat(status(id)).isEqualTo("SENT,2");
    assertThat(receivedBy("back@council.example").getSubject()).isEqualTo("Updates overdue");
  }

  @Test
  void aServerThatStaysDownIsTriedSixTimesWithLongerWaitsThenTheMessageIsNotSent()
      throws Exception {
    smtp.stop();
    long id = queue("never@council.example");
    List<Duration> waits =
        List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(12));

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(mail.deliverPending()).isZero();
      assertThat(status(id)).isEqualTo("PENDING," + attempt);
      assertThat(nextAttempt(id)).isEqualTo(node.clock.instant().plus(waits.get(attempt - 1)));
      node.clock.advance(waits.get(attempt - 1));
    }
    assertThat(mail.deliverPending()).isZero();

    assertThat(status(id)).isEqualTo("FAILED,6");
    assertThat(lastError(id)).isEqualTo("Could not connect to the mail server");
    assertThat(
            jdbc.sql("select next_attempt_at is null from mail_message where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single())
        .isTrue();
    node.clock.advance(Duration.ofDays(2));
    startSmtp();
    assertThat(mail.deliverPending()).isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void anAddressTheMailServerCannotTakeFailsAtOnce() {
    long id = queue("jo..bloggs@council.example");

    assertThat(mail.deliverPending()).isZero();

    assertThat(status(id)).isEqualTo("FAILED,1");
    assertThat(lastError(id)).isEqualTo("The email address is not valid");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void anInvitationIsEmailedWithItsLinkWhichIsNeitherShownOnScreenNorKept() throws Exception {
    String admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    String invitee = "nadia." + partnership.slug() + "@council.example";
    HttpBrowser browser = new HttpBrowser(node.port());
    browser.signIn(admin, Fixtures.PASSWORD, null);
    String users = "/p/" + partnership.slug() + "/admin/users";

    HttpResponse<String> invited =
        browser.post(
            users + "/new", "email=" + encode(invitee) + "&name=Nadia+New&roles=ACTION_LEAD", null);

    assertThat(invited.statusCode()).isEqualTo(302);
    String page = browser.get(users).body();
    assertThat(page)
        .contains("Invitation sent by email to " + invitee)
        .doesNotContain("ccr-hub.test/invitations/")
        .doesNotContain("Invitation link");
    MimeMessage email = receivedBy(invitee);
    assertThat(email.getSubject())
        .isEqualTo("You are invited to " + partnership.name() + " on CCR Hub");
    Matcher link =
        Pattern.compile("http://ccr-hub\\.test(/invitations/([\\w-]{43}))")
            .matcher(GreenMailUtil.getBody(email));
    assertThat(link.find()).as("the invitation link in the email").isTrue();
    assertThat(new HttpBrowser(node.port()).get(link.group(1)).body())
        .contains("Accept your invitation");
    Map<String, Object> recorded =
        jdbc.sql("select * from mail_message where partnership_id = :p and template = 'invitation'")
            .param("p", partnership.id())
            .query()
            .singleRow();
    assertThat(recorded)
        .containsEntry("recipient", invitee)
        .containsEntry("status", "SENT")
        .containsEntry("attempts", 1)
        .containsEntry(
            "body",
            "You have been invited to join "
                + partnership.name()
                + " on CCR Hub.\n\n(a one-time link, not kept)\n");
    assertThat(
            jdbc.sql("select count(*) from mail_message where body like :t or subject like :t")
                .param("t", "%" + link.group(2) + "%")
                .query(Long.class)
                .single())
        .isZero();
    // the Email page says how email is sent, and lists the invitation
    String emailPage = browser.get("/p/" + partnership.slug() + "/admin/mail").body();
    assertThat(emailPage)
        .contains("Email is being sent through your mail server (SMTP).")
        .contains(invitee, "Invitation", "Sent");
  }

  @Test
  void anInvitationThatCannotBeEmailedIsShownOnScreenAndRecordedAsNotSent() throws Exception {
    String admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    String invitee = "olu." + partnership.slug() + "@council.example";
    HttpBrowser browser = new HttpBrowser(node.port());
    browser.signIn(admin, Fixtures.PASSWORD, null);
    smtp.stop();

    browser.post(
        "/p/" + partnership.slug() + "/admin/users/new",
        "email=" + encode(invitee) + "&name=Olu&roles=VIEWER",
        null);

    assertThat(browser.get("/p/" + partnership.slug() + "/admin/users").body())
        .contains("Invitation made for " + invitee)
        .contains("The invitation was not sent by email")
        .containsPattern("http://ccr-hub\\.test/invitations/[\\w-]{43}");
    assertThat(
            jdbc.sql(
                    "select status || ',' || last_error from mail_message"
                        + " where partnership_id = :p and template = 'invitation'")
                .param("p", partnership.id())
                .query(String.class)
                .single())
        .isEqualTo("FAILED,Could not connect to the mail server");
  }

  @Test
  void theLinkThatUnblocksSignInIsEmailedWhenAnAddressStartsToWait() throws Exception {
    String member = fixtures.user(partnership, Role.VIEWER);
    HttpBrowser attacker = new HttpBrowser(node.port());
    for (int i = 0; i < 5; i++) {
      attacker.signIn(member, "wrong password " + i, null);
    }

    MimeMessage email = receivedBy(member);

    assertThat(email.getSubject()).isEqualTo("Failed attempts to sign in to your CCR Hub account");
    assertThat(GreenMailUtil.getBody(email))
        .containsPattern("http://ccr-hub\\.test/sign-in/unblock/[\\w-]{43}");
    assertThat(
            jdbc.sql(
                    "select template || ',' || status || ',' || (partnership_id is null)"
                        + " from mail_message where recipient = :to")
                .param("to", member)
                .query(String.class)
                .single())
        .isEqualTo("unblock,SENT,true");
  }

  private long queue(String to) {
    return mail.queue(
        new Message(partnership.id(), to, "updates-overdue", "Updates overdue", "Body", 1));
  }

  private MimeMessage receivedBy(String to) throws Exception {
    smtp.waitForIncomingEmail(5_000, 1);
    List<MimeMessage> found =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return Arrays.stream(m.getRecipients(RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(to));
                  } catch (Exception e) {
                    return false;
                  }
                })
            .toList();
    assertThat(found).as("messages received by " + to).hasSize(1);
    return found.get(0);
  }

  private String status(long id) {
    return jdbc.sql("select status || ',' || attempts from mail_message where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private String lastError(long id) {
    return jdbc.sql("select last_error from mail_message where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private Instant nextAttempt(long id) {
    return jdbc.sql("select next_attempt_at from mail_message where id = :id")
        .param("id", id)
        .query(java.time.OffsetDateTime.class)
        .single()
        .toInstant();
  }

  private static void startSmtp() {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
