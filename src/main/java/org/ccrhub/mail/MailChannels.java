package org.ccrhub.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import uk.gov.service.notify.NotificationClientWithTimeouts;

/**
 * Chooses how email leaves from the settings: SMTP when {@code spring.mail.host} is set, GOV.UK
 * Notify when {@code ccr.mail.notify.api-key} is, neither (the outbox) when nothing is. Settings
 * that cannot work stop CCR Hub at start, naming the setting, rather than losing messages later.
 */
@Configuration(proxyBeanMethods = false)
class MailChannels {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  static final String NOTIFY_API = "https://api.notifications.service.gov.uk";

  @Bean
  Channel mailChannel(
      Environment environment,
      ObjectProvider<JavaMailSender> smtp,
      @Value("${spring.mail.host:}") String smtpHost,
      @Value("${ccr.mail.from:}") String from,
      @Value("${ccr.mail.notify.api-key:}") String notifyKey,
      @Value("${ccr.mail.notify.base-url:}") String notifyBaseUrl) {
    boolean useSmtp = !smtpHost.isBlank() && smtp.getIfAvailable() != null;
    boolean useNotify = !notifyKey.isBlank();
    if (useSmtp && useNotify) {
      throw new MailSettingsException(
          "Email is set up twice: both spring.mail.host (SMTP) and ccr.mail.notify.api-key (GOV.UK"
              + " Notify) are set. Keep one.");
    }
    if (useSmtp) {
      return new SmtpChannel(smtp.getObject(), fromAddress(from));
    }
    if (useNotify) {
      Map<String, String> templates =
          Binder.get(environment)
              .bind("ccr.mail.notify.templates", Bindable.mapOf(String.class, String.class))
              .map(TreeMap::new)
              .orElseGet(TreeMap::new);
      return new NotifyChannel(
          notifyClient(notifyKey.strip(), notifyBaseUrl.strip()), checkTemplates(templates));
    }
    return Channel.NONE;
  }

  static InternetAddress fromAddress(String from) {
    if (from.isBlank()) {
      throw new MailSettingsException(
          "spring.mail.host is set but ccr.mail.from (CCR_MAIL_FROM) is not: give the address"
              + " CCR Hub's email comes from, e.g. ccr-hub@example.gov.uk or"
              + " \"CCR Hub <ccr-hub@example.gov.uk>\".");
    }
    try {
      InternetAddress address = new InternetAddress(from.strip(), true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new MailSettingsException(
          "ccr.mail.from '"
              + from.strip()
              + "' is not an email address: use the form ccr-hub@example.gov.uk or"
              + " \"CCR Hub <ccr-hub@example.gov.uk>\".");
    }
  }

  private static NotificationClientWithTimeouts notifyClient(String key, String baseUrl) {
    // the client reads the service id and secret from the key's last 73 characters
    if (key.length() < 74) {
      throw new MailSettingsException(
          "ccr.mail.notify.api-key is not a GOV.UK Notify API key: copy the whole key from the"
              + " API integration page of your Notify service.");
    }
    try {
      UUID.fromString(key.substring(key.length() - 73, key.length() - 37));
      UUID.fromString(key.substring(key.length() - 36));
    } catch (IllegalArgumentException e) {
      throw new MailSettingsException(
          "ccr.mail.notify.api-key is not a GOV.UK Notify API key: copy the whole key from the"
              + " API integration page of your Notify service.");
    }
    return new NotificationClientWithTimeouts(
        key, baseUrl.isEmpty() ? NOTIFY_API : baseUrl, CONNECT_TIMEOUT, READ_TIMEOUT);
  }

  static Map<String, String> checkTemplates(Map<String, String> templates) {
    if (templates.isEmpty()) {
      throw new MailSettingsException(
          "ccr.mail.notify.api-key is set but no template is: give GOV.UK Notify's template id as"
              + " ccr.mail.notify.templates.default (a template whose subject is ((subject)) and"
              + " whose body is ((body))), and optionally one per kind of message.");
    }
    templates.forEach(
        (kind, id) -> {
          try {
            UUID.fromString(id.strip());
          } catch (IllegalArgumentException e) {
            throw new MailSettingsException(
                "ccr.mail.notify.templates."
                    + kind
                    + " is not a GOV.UK Notify template id: copy the template's ID from Notify,"
                    + " e.g. f33517ff-2a88-4f6e-b855-c550268ce08a.");
          }
        });
    // a kind set through the environment (CCR_MAIL_NOTIFY_TEMPLATES_UPDATES_DUE_SOON) arrives as
    // updates.due.soon
    Map<String, String> byKind = new TreeMap<>();
    templates.forEach(
        (kind, id) -> byKind.put(kind.toLowerCase(Locale.ROOT).replace('.', '-'), id.strip()));
    return byKind;
  }
}
