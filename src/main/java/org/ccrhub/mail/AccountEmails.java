package org.ccrhub.mail;

import org.ccrhub.security.AccountMail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Emails one-time links (invitations, links that unblock sign-in) at once, never through the queue:
 * the link must never be stored, and is no use to anyone if it arrives hours late. What was sent is
 * recorded with {@link #LINK_NOT_KEPT} in place of the link. Without a mail server nothing is sent
 * or recorded, and the link is shown on screen instead.
 */
@Component
class AccountEmails implements AccountMail {

  static final String INVITATION = "invitation";
  static final String UNBLOCK = "unblock";
  static final String SECURITY_NOTICE = "two-factor-changed";
  static final String LINK_NOT_KEPT = "(a one-time link, not kept)";

  private final Mail mail;

  AccountEmails(Mail mail) {
    this.mail = mail;
  }

  @Override
  public boolean sendInvitation(
      long partnershipId, String toEmail, String subject, String text, String link) {
    return send(partnershipId, INVITATION, toEmail, subject, text, link);
  }

  @Override
  public boolean sendUnblockLink(String toEmail, String subject, String text, String link) {
    return send(null, UNBLOCK, toEmail, subject, text, link);
  }

  @Override
  public void queueSecurityNotice(long partnershipId, String toEmail, String subject, String text) {
    try {
      mail.queue(new Message(partnershipId, toEmail, SECURITY_NOTICE, subject, text.strip(), 0));
    } catch (IllegalArgumentException e) {
      // an address email cannot go to: there is no one to tell
    }
  }

  private boolean send(
      @Nullable Long partnershipId,
      String template,
      String toEmail,
      String subject,
      String text,
      String link) {
    if (!mail.canSend()) {
      return false;
    }
    String to;
    String line;
    try {
      to = Message.checkAddress(toEmail);
      line = Message.checkSubject(subject);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return mail.sendAtOnce(
        partnershipId, to, template, line, body(text, link), body(text, LINK_NOT_KEPT));
  }

  static String body(String text, String link) {
    return text.strip() + "\n\n" + link + "\n";
  }
}
