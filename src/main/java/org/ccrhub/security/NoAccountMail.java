package org.ccrhub.security;

import org.springframework.stereotype.Component;

/**
 * Until CCR Hub sends email (issue 10), nothing is sent and links are shown on screen instead.
 * Issue 10 replaces this class with one that sends.
 */
@Component
class NoAccountMail implements AccountMail {

  @Override
  public boolean send(String toEmail, String subject, String text, String link) {
    return false;
  }
}
