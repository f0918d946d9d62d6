package org.ccrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With no mail server configured (as in these tests and the demo), messages are kept in the outbox,
 * and administrators read them, and what became of every other message, on the Email page.
 */
@CcrHubTest
class MailPageIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Mail mail;
  @Autowired JdbcClient jdbc;

  Partnership ours;
  String page;
  MockHttpSession admin;

  @BeforeEach
  void anAdministrator() throws Exception {
    ours = fixtures.partnership();
    page = "/p/" + ours.slug() + "/admin/mail";
    admin = Fixtures.signIn(mvc, fixtures.user(ours, Role.PARTNERSHIP_ADMIN));
  }

  @Test
  void withoutAMailServerAMessageGoesToTheOutboxAndIsNeverTried() {
    long id =
        mail.queue(
            new Message(
                ours.id(),
                "lead@council.example",
                "updates-due-soon",
                "Updates due by 13 January 2017",
                "VAWG delivery plan 2016/17\n\nhttp://localhost/p/x/my-actions\n",
                3));

    assertThat(mail.canSend()).isFalse();
    assertThat(mail.deliverPending()).isZero();
    assertThat(
            jdbc.sql(
                    "select status || ',' || attempts || ',' || (next_attempt_at is null)"
                        + " from mail_message where id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("OUTBOX,0,true");
  }

  @Test
  void showsTheOutboxNewestFirstAndSaysThatNoEmailIsSent() throws Exception {
    Partnership theirs = fixtures.partnership();
    queue(ours, "first@council.example", "period-opened", "2016/17 Q3 is open", 0);
    queue(ours, "second@council.example", "updates-due-soon", "Updates due by 13 January", 4);
    queue(theirs, "stranger@elsewhere.example", "updates-due-soon", "Theirs", 1);

    String html = html(page);

    assertThat(html)
        .contains("<title>Email – CCR Hub</title>")
        .contains("No email is being sent, because no mail server is set up.")
        .contains("Updates due soon", "Reporting period opened", "In the outbox", "govuk-tag--grey")
        .doesNotContain("stranger@elsewhere.example");
    assertThat(html.indexOf("second@council.example"))
        .isPositive()
        .isLessThan(html.indexOf("first@council.example"));
    // the Email page is one of the Admin pages, so Admin is the current item of the navigation
    assertThat(html).containsPattern("aria-current=\"page\">\\s*<strong[^>]*>Admin</strong>");
  }

  @Test
  void opensOneMessageWithItsBodyAndRecordsTheReads() throws Exception {
    long id =
        queue(ours, "lead@council.example", "updates-overdue", "Updates overdue: 2 actions", 2);

    String html = html(page + "/" + id);

    assertThat(html)
        .contains("<h1 class=\"govuk-heading-l app-break-word\">Updates overdue: 2 actions</h1>")
        .contains("lead@council.example")
        .contains("Updates overdue")
        .contains("Line one of the body")
        .contains("In the outbox")
        // the message is not taken for the layout's success message, nor shown as a record
        .doesNotContain("govuk-notification-banner")
        .doesNotContain("MailMessage[");
    assertThat(
            jdbc.sql(
                    "select summary from audit_event where partnership_id = :p"
                        + " and action = 'READ' order by id")
                .param("p", ours.id())
                .query(String.class)
                .list())
        .containsExactly("Opened an email message");
    html(page);
    assertThat(
            jdbc.sql(
                    "select summary from audit_event where partnership_id = :p"
                        + " and action = 'READ' order by id desc limit 1")
                .param("p", ours.id())
                .query(String.class)
                .single())
        .isEqualTo("Listed the partnership's email messages (1)");
  }

  @Test
  void aMessageOfAnotherPartnershipOrNoneIsNotFound() throws Exception {
    Partnership theirs = fixtures.partnership();
    long theirMessage = queue(theirs, "stranger@elsewhere.example", "weekly-digest", "Theirs", 0);

    mvc.perform(get(page + "/" + theirMessage).session(admin)).andExpect(status().isNotFound());
    mvc.perform(get(page + "/999999999").session(admin)).andExpect(status().isNotFound());
  }

  @Test
  void filtersByStatusAndSaysWhyAMessageWasNotSent() throws Exception {
    queue(ours, "kept@council.example", "weekly-digest", "Kept", 0);
    long failed =
        jdbc.sql(
                """
                insert into mail_message (partnership_id, recipient, template, subject, body,
                    status, attempts, created_at, last_attempt_at, last_error)
                values (:p, 'gone@council.example', 'updates-overdue', 'Refused', 'Body',
                    'FAILED', 1, now(), now(), 'The mail server refused the address')
                returning id
                """)
            .param("p", ours.id())
            .query(Long.class)
            .single();

    String html = html(page + "?status=FAILED");

    assertThat(html)
        .contains("gone@council.example", "Not sent", "govuk-tag--red")
        .doesNotContain("kept@council.example")
        .contains("<option value=\"FAILED\" selected=\"selected\">Not sent</option>");
    assertThat(html(page + "/" + failed)).contains("The mail server refused the address");
    assertThat(html(page + "?status=SENT")).contains("No messages with this status.");
  }

  @Test
  void showsFiftyMessagesAPage() throws Exception {
    for (int i = 1; i <= 51; i++) {
      queue(ours, "lead" + i + "@council.example", "weekly-digest", "Digest " + i, i);
    }

    String first = html(page);
    String second = html(page + "?page=2");

    assertThat(first).contains("lead51@council.example", "lead2@council.example", "Older");
    assertThat(first).doesNotContain("lead1@council.example");
    assertThat(second).contains("lead1@council.example", "Newer", "Messages, page 2");
    assertThat(second).doesNotContain("lead2@council.example");
  }

  @Test
  void isForAdministratorsOnly() throws Exception {
    for (Role role : List.of(Role.STRATEGIC_LEAD, Role.ACTION_LEAD, Role.VIEWER)) {
      MockHttpSession other = Fixtures.signIn(mvc, fixtures.user(ours, role));
      mvc.perform(get(page).session(other)).andExpect(status().isForbidden());
    }
    MockHttpSession outsider =
        Fixtures.signIn(mvc, fixtures.user(fixtures.partnership(), Role.PARTNERSHIP_ADMIN));
    mvc.perform(get(page).session(outsider)).andExpect(status().isNotFound());
  }

  private long queue(Partnership partnership, String to, String template, String subject, int n) {
    return mail.queue(
        new Message(
            partnership.id(),
            to,
            template,
            subject,
            "Line one of the body\nhttp://localhost/p/" + partnership.slug(),
            n));
  }

  private String html(String path) throws Exception {
    return mvc.perform(get(path).session(admin))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
