package org.ccrhub.mail;

import java.util.regex.Pattern;

/**
 * An email to be sent to one person. It holds no more than a plan's and its actions' titles and a
 * link: whoever builds one keeps personal data, ratings and comments out of it.
 *
 * @param partnershipId the partnership it is about; its administrators see it on the Email page
 * @param to the recipient's email address
 * @param template what kind of message it is, a short name such as {@code updates-due-soon} ({@link
 *     TemplateNames} says it in words); with GOV.UK Notify it also chooses the template
 * @param subject one line
 * @param body plain text
 * @param actions how many actions the message is about (0 when none), kept for the record
 */
public record Message(
    long partnershipId, String to, String template, String subject, String body, int actions) {

  static final int MAX_SUBJECT = 200;
  static final int MAX_BODY = 50_000;
  private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@]+");
  private static final Pattern TEMPLATE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  public Message {
    if (partnershipId <= 0) {
      throw new IllegalArgumentException("A message belongs to a partnership");
    }
    to = checkAddress(to);
    template = checkTemplate(template);
    subject = checkSubject(subject);
    body = checkBody(body);
    if (actions < 0) {
      throw new IllegalArgumentException("A message is about 0 or more actions");
    }
  }

  static String checkAddress(String to) {
    String address = to.strip();
    if (address.length() < 3 || address.length() > 320 || !ADDRESS.matcher(address).matches()) {
      throw new IllegalArgumentException("A message goes to one email address");
    }
    return address;
  }

  static String checkTemplate(String template) {
    if (!TEMPLATE.matcher(template).matches()) {
      throw new IllegalArgumentException(
          "A template is a short name of lower-case letters, digits and hyphens");
    }
    return template;
  }

  static String checkSubject(String subject) {
    String line = subject.strip();
    if (line.isEmpty()
        || line.length() > MAX_SUBJECT
        || line.indexOf('\n') >= 0
        || line.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("A subject is one line of 1 to 200 characters");
    }
    return line;
  }

  static String checkBody(String body) {
    if (body.length() > MAX_BODY) {
      throw new IllegalArgumentException("A message's body is at most 50,000 characters");
    }
    return body;
  }
}
