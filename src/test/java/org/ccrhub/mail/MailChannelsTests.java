package org.ccrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

/** Email settings that cannot work stop CCR Hub at start, naming the setting to fix. */
class MailChannelsTests {

  private static final String KEY =
      "ccr_hub_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";
  private static final String TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";
  private static final String OTHER_TEMPLATE = "4c8d8f8a-0a55-4b1d-9a7e-2c1f0e6d7b31";

  @Test
  void withNothingSetMessagesAreKeptInTheOutbox() {
    assertThat(channel("", "", "").sends()).isFalse();
  }

  @Test
  void smtpNeedsTheAddressEmailComesFrom() {
    assertThatThrownBy(() -> channel("smtp.example", "", ""))
        .isInstanceOf(MailSettingsException.class)
        .hasMessageContaining("ccr.mail.from (CCR_MAIL_FROM) is not")
        .satisfies(
            e ->
                assertThat(new MailSettingsException.Analyzer().analyze(e).getDescription())
                    .as("shown at start-up as its plain message")
                    .isEqualTo(e.getMessage()));
    assertThatThrownBy(() -> channel("smtp.example", "not an address", ""))
        .hasMessageStartingWith("ccr.mail.from 'not an address' is not an email address");
    assertThat(channel("smtp.example", "CCR Hub <ccr-hub@council.example>", "").name())
        .isEqualTo("SMTP");
  }

  @Test
  void refusesSmtpAndNotifyTogether() {
    assertThatThrownBy(() -> channel("smtp.example", "ccr-hub@council.example", KEY))
        .isInstanceOf(MailSettingsException.class)
        .hasMessageStartingWith("Email is set up twice");
  }

  @Test
  void notifyNeedsAWholeKeyAndATemplateAndNeverShowsTheKey() {
    assertThatThrownBy(() -> channel("", "", "half-a-key"))
        .hasMessageStartingWith("ccr.mail.notify.api-key is not a GOV.UK Notify API key")
        .message()
        .doesNotContain("half-a-key");
    assertThatThrownBy(() -> channel("", "", KEY))
        .hasMessageStartingWith("ccr.mail.notify.api-key is set but no template is");
    assertThatThrownBy(() -> MailChannels.checkTemplates(new TreeMap<>(Map.of("default", "x"))))
        .hasMessageStartingWith("ccr.mail.notify.templates.default is not a GOV.UK Notify");
    assertThat(channel("", "", KEY, Map.of("ccr.mail.notify.templates.default", TEMPLATE)).name())
        .isEqualTo("GOV.UK Notify");
  }

  @Test
  void takesTheTemplateOfEachKindFromTheEnvironmentToo() {
    MockEnvironment environment = new MockEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(
                    "CCR_MAIL_NOTIFY_TEMPLATES_DEFAULT", TEMPLATE,
                    "CCR_MAIL_NOTIFY_TEMPLATES_UPDATES_DUE_SOON", OTHER_TEMPLATE)));
    Channel channel =
        new MailChannels()
            .mailChannel(
                environment,
                new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class),
                "",
                "",
                KEY,
                "");

    assertThat(((NotifyChannel) channel).templates())
        .isEqualTo(Map.of("default", TEMPLATE, "updates-due-soon", OTHER_TEMPLATE));
  }

  private static Channel channel(String host, String from, String key) {
    return channel(host, from, key, Map.of());
  }

  private static Channel channel(
      String host, String from, String key, Map<String, String> properties) {
    MockEnvironment environment = new MockEnvironment();
    properties.forEach(environment::setProperty);
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    if (!host.isEmpty()) {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost(host);
      beans.registerSingleton("mailSender", sender);
    }
    return new MailChannels()
        .mailChannel(environment, beans.getBeanProvider(JavaMailSender.class), host, from, key, "");
  }
}
