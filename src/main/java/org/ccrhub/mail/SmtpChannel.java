package org.ccrhub.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Plain-text email (UTF-8) through the mail server Spring Boot's {@code spring.mail.*} settings
 * configure, from {@code ccr.mail.from}.
 */
final class SmtpChannel implements Channel {

  static final String NOT_AN_ADDRESS = "The email address is not valid";
  static final String ADDRESS_REFUSED = "The mail server refused the address";
  static final String NOT_NOW = "The mail server did not accept the message just now";
  static final String NO_CONNECTION = "Could not connect to the mail server";
  static final String UNKNOWN_HOST = "The mail server's name was not found";
  static final String TOO_SLOW = "The mail server did not answer in time";
  static final String NOT_SECURE = "Could not make a secure connection to the mail server";
  static final String LOGIN_REFUSED = "The mail server refused CCR Hub's user name or password";
  static final String REFUSED = "The mail server refused the message";

  private final JavaMailSender sender;
  private final InternetAddress from;

  SmtpChannel(JavaMailSender sender, InternetAddress from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public String name() {
    return "SMTP";
  }

  @Override
  public void send(Envelope envelope) throws DeliveryFailure {
    MimeMessage mime = sender.createMimeMessage();
    try {
      InternetAddress to = new InternetAddress(envelope.to(), true);
      to.validate();
      MimeMessageHelper message = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
      message.setFrom(from);
      message.setTo(to);
      message.setSubject(envelope.subject());
      message.setText(envelope.body(), false);
      // RFC 3834: sent by a program, so auto-replies (out of office) are not sent back
      mime.setHeader("Auto-Submitted", "auto-generated");
    } catch (AddressException e) {
      throw DeliveryFailure.permanent(NOT_AN_ADDRESS);
    } catch (MessagingException e) {
      throw DeliveryFailure.permanent(REFUSED);
    }
    try {
      sender.send(mime);
    } catch (MailException e) {
      throw failure(e);
    }
  }

  /** What went wrong, from the exceptions Spring and Jakarta Mail throw (never their messages). */
  static DeliveryFailure failure(MailException e) {
    if (e instanceof MailAuthenticationException) {
      return DeliveryFailure.temporary(LOGIN_REFUSED);
    }
    List<Throwable> causes = new ArrayList<>();
    collect(e, causes);
    if (e instanceof MailSendException send) {
      for (Exception each : send.getMessageExceptions()) {
        collect(each, causes);
      }
    }
    for (Throwable cause : causes) {
      if (cause instanceof AuthenticationFailedException) {
        return DeliveryFailure.temporary(LOGIN_REFUSED);
      }
      if (cause instanceof SendFailedException refused) {
        // Jakarta Mail puts addresses refused for good (5xx) among the invalid ones, and those
        // refused for now (4xx) among the valid ones not sent
        if (refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0) {
          return DeliveryFailure.permanent(ADDRESS_REFUSED);
        }
        return DeliveryFailure.temporary(NOT_NOW);
      }
      if (cause instanceof UnknownHostException) {
        return DeliveryFailure.temporary(UNKNOWN_HOST);
      }
      if (cause instanceof ConnectException) {
        return DeliveryFailure.temporary(NO_CONNECTION);
      }
      if (cause instanceof SocketTimeoutException) {
        return DeliveryFailure.temporary(TOO_SLOW);
      }
      if (cause instanceof SSLException) {
        return DeliveryFailure.temporary(NOT_SECURE);
      }
    }
    return DeliveryFailure.temporary(NOT_NOW);
  }

  private static void collect(Throwable e, List<Throwable> causes) {
    for (@Nullable Throwable t = e; t != null && !causes.contains(t); t = nextOf(t)) {
      causes.add(t);
    }
  }

  private static @Nullable Throwable nextOf(Throwable t) {
    if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
      return messaging.getNextException();
    }
    return t.getCause();
  }
}
