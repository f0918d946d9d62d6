package org.ccrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.AccountMail;
import org.ccrhub.shared.Partnership;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Email through GOV.UK Notify's Java client, against a local HTTP server that answers as Notify's
 * API does ({@code POST /v2/notifications/email}), from a node configured with {@code
 * ccr.mail.notify.api-key}, {@code ccr.mail.notify.base-url} and template ids.
 */
@CcrHubTest
class NotifyMailIntegrationTests {

  private static final String DEFAULT_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";
  private static final String DUE_SOON_TEMPLATE = "4c8d8f8a-0a55-4b1d-9a7e-2c1f0e6d7b31";

  private static MailNode node;
  private static HttpServer notify;
  private static final List<Request> requests = new CopyOnWriteArrayList<>();
  private static final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

  record Request(String path, String authorization, JSONObject body) {}

  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  Mail mail;
  Partnership partnership;

  @BeforeEach
  void aNodeThatSendsThroughNotify() throws Exception {
    if (node == null) {
      notify = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      notify.createContext("/", NotifyMailIntegrationTests::answer);
      notify.start();
      node =
          MailNode.start(
              dataSource,
              environment,
              false,
              "--ccr.mail.notify.api-key=ccr_hub_test-"
                  + UUID.randomUUID()
                  + "-"
                  + UUID.randomUUID(),
              "--ccr.mail.notify.base-url=http://127.0.0.1:" + notify.getAddress().getPort(),
              "--ccr.mail.notify.templates.default=" + DEFAULT_TEMPLATE,
              "--ccr.mail.notify.templates.updates-due-soon=" + DUE_SOON_TEMPLATE);
    }
    requests.clear();
    answers.clear();
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
    if (notify != null) {
      notify.stop(0);
    }
  }

  @Test
  void sendsTheSubjectAndBodyAsPersonalisationOfTheTemplateForItsKind() {
    long dueSoon =
        mail.queue(
            new Message(
                partnership.id(),
                "lead@council.example",
                "updates-due-soon",
                "Updates due by 13 January 2017",
                "1.1 Refresh the strategy\n\nhttp://ccr-hub.test/p/x/my-actions",
                1));
    long digest =
        mail.queue(
            new Message(
                partnership.id(), "chair@council.example", "weekly-digest", "Digest", "Body", 0));

    assertThat(mail.canSend()).isTrue();
    assertThat(mail.sentThrough()).hasValue("GOV.UK Notify");
    assertThat(mail.deliverPending()).isEqualTo(2);

    assertThat(requests).hasSize(2);
    Request first = requests.get(0);
    assertThat(first.path()).isEqualTo("/v2/notifications/email");
    assertThat(first.authorization()).startsWith("Bearer ey");
    assertThat(first.body().getString("template_id")).isEqualTo(DUE_SOON_TEMPLATE);
    assertThat(first.body().getString("email_address")).isEqualTo("lead@council.example");
    assertThat(first.body().getString("reference")).isEqualTo("ccr-hub-" + dueSoon);
    JSONObject personalisation = first.body().getJSONObject("personalisation");
    assertThat(personalisation.getString("subject")).isEqualTo("Updates due by 13 January 2017");
    assertThat(personalisation.getString("body"))
        .isEqualTo("1.1 Refresh the strategy\n\nhttp://ccr-hub.test/p/x/my-actions");
    assertThat(requests.get(1).body().getString("template_id")).isEqualTo(DEFAULT_TEMPLATE);
    assertThat(status(dueSoon)).isEqualTo("SENT,1");
    assertThat(status(digest)).isEqualTo("SENT,1");
  }

  @Test
  void aMessageNotifyRefusesAsNotValidFailsAtOnceAndAnOutageIsTriedAgain() {
    answers.add(400);
    long refused = queue("someone@council.example");
    assertThat(mail.deliverPending()).isZero();
    assertThat(status(refused)).isEqualTo("FAILED,1");
    assertThat(lastError(refused))
        .isEqualTo("GOV.UK Notify refused the message as not valid (the address or the template)");

    answers.add(500);
    long retried = queue("other@council.example");
    assertThat(mail.deliverPending()).isZero();
    assertThat(status(retried)).isEqualTo("PENDING,1");
    assertThat(lastError(retried)).isEqualTo("GOV.UK Notify could not take the message just now");

    node.clock.advance(Duration.ofMinutes(1));
    assertThat(mail.deliverPending()).isEqualTo(1);
    assertThat(status(retried)).isEqualTo("SENT,2");
    assertThat(requests).hasSize(3);
  }

  @Test
  void anInvitationGoesThroughNotifyAtOnceAndItsLinkIsNotKept() {
    String link = "http://ccr-hub.test/invitations/" + "a".repeat(43);

    boolean sent =
        node.bean(AccountMail.class)
            .sendInvitation(
                partnership.id(),
                "new.person@council.example",
                "You are invited to " + partnership.name() + " on CCR Hub",
                "You have been invited to join " + partnership.name() + " on CCR Hub.",
                link);

    assertThat(sent).isTrue();
    JSONObject body = requests.get(0).body();
    assertThat(body.getString("template_id")).isEqualTo(DEFAULT_TEMPLATE);
    assertThat(body.has("reference")).isFalse();
    assertThat(body.getJSONObject("personalisation").getString("body")).contains(link);
    assertThat(
            jdbc.sql(
                    "select status || ',' || body from mail_message"
                        + " where partnership_id = :p and template = 'invitation'")
                .param("p", partnership.id())
                .query(String.class)
                .single())
        .isEqualTo(
            "SENT,You have been invited to join "
                + partnership.name()
                + " on CCR Hub.\n\n(a one-time link, not kept)\n");
  }

  private long queue(String to) {
    return mail.queue(
        new Message(partnership.id(), to, "updates-overdue", "Updates overdue", "Body", 1));
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

  /** Answers as Notify does: 201 with the notification, or the status asked for with its error. */
  private static void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    JSONObject body =
        new JSONObject(
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    requests.add(
        new Request(
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            body));
    Integer status = answers.poll();
    String response;
    if (status == null) {
      status = 201;
      String id = UUID.randomUUID().toString();
      JSONObject personalisation = body.getJSONObject("personalisation");
      response =
          new JSONObject()
              .put("id", id)
              .put("reference", body.opt("reference"))
              .put("uri", "https://api.notifications.service.gov.uk/v2/notifications/" + id)
              .put(
                  "content",
                  new JSONObject()
                      .put("subject", personalisation.getString("subject"))
                      .put("body", personalisation.getString("body"))
                      .put("from_email", "ccr.hub@notifications.service.gov.uk")
                      .put("one_click_unsubscribe_url", JSONObject.NULL))
              .put(
                  "template",
                  new JSONObject()
                      .put("id", body.getString("template_id"))
                      .put("version", 1)
                      .put(
                          "uri",
                          "https://api.notifications.service.gov.uk/services/s/templates/"
                              + body.getString("template_id")))
              .toString();
    } else {
      response =
          new JSONObject()
              .put("status_code", status)
              .put(
                  "errors",
                  List.of(
                      new JSONObject()
                          .put("error", status == 400 ? "BadRequestError" : "Exception")
                          .put(
                              "message",
                              status == 400
                                  ? "email_address Not a valid email address"
                                  : "Internal server error")))
              .toString();
    }
    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
