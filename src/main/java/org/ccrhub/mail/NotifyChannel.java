package org.ccrhub.mail;

import java.util.Map;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * Email through GOV.UK Notify. Each kind of message has a template ({@code
 * ccr.mail.notify.templates.<kind>}, or {@code ccr.mail.notify.templates.default}) whose subject is
 * {@code ((subject))} and whose body is {@code ((body))}: CCR Hub writes both.
 */
final class NotifyChannel implements Channel {

  static final String DEFAULT_TEMPLATE = "default";
  static final String NO_TEMPLATE = "No GOV.UK Notify template is set up for this kind of message";
  static final String REFUSED =
      "GOV.UK Notify refused the message as not valid (the address or the template)";
  static final String KEY_REFUSED = "GOV.UK Notify refused CCR Hub's API key";
  static final String TOO_MANY = "GOV.UK Notify's sending limit was reached";
  static final String NOT_NOW = "GOV.UK Notify could not take the message just now";
  static final String UNREACHABLE = "Could not reach GOV.UK Notify";

  private final NotificationClient client;
  private final Map<String, String> templates;

  NotifyChannel(NotificationClient client, Map<String, String> templates) {
    this.client = client;
    this.templates = Map.copyOf(templates);
  }

  /** The template id of each kind of message, and the default one. */
  Map<String, String> templates() {
    return templates;
  }

  @Override
  public String name() {
    return "GOV.UK Notify";
  }

  @Override
  public void send(Envelope envelope) throws DeliveryFailure {
    String templateId =
        templates.getOrDefault(envelope.template(), templates.get(DEFAULT_TEMPLATE));
    if (templateId == null) {
      throw DeliveryFailure.permanent(NO_TEMPLATE);
    }
    try {
      client.sendEmail(
          templateId,
          envelope.to(),
          Map.of("subject", envelope.subject(), "body", envelope.body()),
          envelope.id() == null ? null : "ccr-hub-" + envelope.id());
    } catch (NotificationClientException e) {
      throw failure(e.getHttpResult());
    }
  }

  /** What Notify's answer means (never its text, which may hold the address). */
  static DeliveryFailure failure(int httpStatus) {
    return switch (httpStatus) {
      case 400 -> DeliveryFailure.permanent(REFUSED);
      case 401, 403 -> DeliveryFailure.temporary(KEY_REFUSED);
      case 429 -> DeliveryFailure.temporary(TOO_MANY);
      case 0 -> DeliveryFailure.temporary(UNREACHABLE);
      default -> DeliveryFailure.temporary(NOT_NOW);
    };
  }
}
