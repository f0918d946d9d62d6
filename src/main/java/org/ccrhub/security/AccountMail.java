package org.ccrhub.security;

/**
 * Sends a person a message with a link they need: an invitation, or the link that unblocks sign-in
 * to their account after failed attempts. This is the seam for email (issue 10): until CCR Hub
 * sends email the only implementation sends nothing and answers {@code false}, and the link is
 * shown on screen instead (an invitation to the administrator who made it, to pass on; an unblock
 * link to the person at their next sign-in).
 */
public interface AccountMail {

  /** Sends the message; {@code false} when this installation cannot send email. */
  boolean send(String toEmail, String subject, String text, String link);
}
