package org.ccrhub.security;

/**
 * Sends a person a message with a one-time link they need: an invitation, or the link that unblocks
 * sign-in to their account after failed attempts. The mail module implements it: when CCR Hub is
 * configured to send email (SMTP or GOV.UK Notify) the message is sent at once, never queued, so
 * the link is never stored; what was sent is recorded without it. When no mail server is
 * configured, or sending fails, it answers {@code false} and the link is shown on screen instead
 * (an invitation to the administrator who made it, to pass on; an unblock link to the person at
 * their next sign-in).
 */
public interface AccountMail {

  /**
   * Sends an invitation to join a partnership.
   *
   * @return true when sent; false when this installation does not send email or sending failed
   */
  boolean sendInvitation(
      long partnershipId, String toEmail, String subject, String text, String link);

  /**
   * Sends the link that ends the waits on the person's sign-ins.
   *
   * @return true when sent; false when this installation does not send email or sending failed
   */
  boolean sendUnblockLink(String toEmail, String subject, String text, String link);

  /**
   * Queues a notice of a change to the person's sign-in (two-factor sign-in set up, turned off or
   * reset), with no link: sent when CCR Hub sends email, kept in the partnership's outbox if not.
   */
  void queueSecurityNotice(long partnershipId, String toEmail, String subject, String text);
}
