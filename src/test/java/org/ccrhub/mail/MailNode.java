package org.ccrhub.mail;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.ccrhub.CcrHubApplication;
import org.ccrhub.TestClock;
import org.ccrhub.TestNode;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second CCR Hub node on the tests' database, configured to send email (the shared test
 * application keeps it in the outbox), with its own clock moved by hand. Its delivery job does not
 * run by itself: tests call {@link Mail#deliverPending()}.
 */
final class MailNode implements AutoCloseable {

  final ConfigurableApplicationContext context;
  final TestClock clock;

  private MailNode(ConfigurableApplicationContext context, TestClock clock) {
    this.context = context;
    this.clock = clock;
  }

  /** Starts a node on the database and audit key of the test application, with these settings. */
  static MailNode start(
      DataSource dataSource, Environment environment, boolean web, String... settings) {
    TestClock clock = new TestClock(Instant.now());
    List<String> args = TestNode.settings(environment, dataSource);
    args.add("--ccr.base-url=http://ccr-hub.test");
    args.add("--ccr.mail.delivery-interval=1d");
    args.addAll(List.of(settings));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CcrHubApplication.class)
            .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
            .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock))
            .run(args.toArray(String[]::new));
    return new MailNode(context, clock);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @Override
  public void close() {
    context.close();
  }
}
