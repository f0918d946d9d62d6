package org.ccrhub.mail;

import java.time.Instant;
import java.util.Optional;

/** A message as recorded: to whom, when, which kind, and what became of it. */
public record MailMessage(
    long id,
    String recipient,
    String template,
    String subject,
    String body,
    int actions,
    MailStatus status,
    int attempts,
    Instant createdAt,
    Optional<Instant> lastAttemptAt,
    Optional<Instant> nextAttemptAt,
    Optional<Instant> sentAt,
    Optional<String> lastError) {

  /** The kind of message in words, e.g. "Updates due soon". */
  public String templateName() {
    return TemplateNames.of(template);
  }
}
