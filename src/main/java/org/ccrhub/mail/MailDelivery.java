package org.ccrhub.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what is due, every {@code ccr.mail.delivery-interval} (a minute by default), on every node
 * of the server; never in the admin commands, which end before it would run.
 */
@Component
@ConditionalOnProperty(name = "ccr.command-line", havingValue = "false", matchIfMissing = true)
class MailDelivery {

  private final Mail mail;

  MailDelivery(Mail mail) {
    this.mail = mail;
  }

  @Scheduled(
      fixedDelayString = "${ccr.mail.delivery-interval:1m}",
      initialDelayString = "${ccr.mail.delivery-interval:1m}")
  void deliverPending() {
    mail.deliverPending();
  }
}
