package org.ccrhub.mail;

/** Where a message is. */
public enum MailStatus {
  /** Waiting to be sent: its first attempt, or the next after one that failed. */
  PENDING("Waiting to send", "govuk-tag--blue"),
  SENT("Sent", "govuk-tag--green"),
  /** Refused for good, or failed at every attempt: it will not be sent. */
  FAILED("Not sent", "govuk-tag--red"),
  /** No mail server is configured: kept here to be read, never sent. */
  OUTBOX("In the outbox", "govuk-tag--grey");

  private final String label;
  private final String tag;

  MailStatus(String label, String tag) {
    this.label = label;
    this.tag = tag;
  }

  /** In words, for the Email page. */
  public String label() {
    return label;
  }

  /** The GOV.UK tag's colour class. */
  public String tag() {
    return tag;
  }
}
