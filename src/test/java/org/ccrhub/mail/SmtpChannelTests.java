package org.ccrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** How the exceptions of Spring and Jakarta Mail become a plain reason, and whether to retry. */
class SmtpChannelTests {

  @Test
  void aServerThatCannotBeReachedIsTriedAgain() {
    DeliveryFailure failure =
        SmtpChannel.failure(
            connectionFailed(
                new MessagingException(
                    "Couldn't connect to host, port: localhost, 2525; timeout 10000",
                    new ConnectException("Connection refused"))));

    assertThat(failure.reason()).isEqualTo("Could not connect to the mail server");
    assertThat(failure.permanent()).isFalse();
  }

  @Test
  void namesATimeoutAndAnUnknownHost() {
    assertThat(
            SmtpChannel.failure(
                    connectionFailed(
                        new MessagingException("x", new SocketTimeoutException("Read timed out"))))
                .reason())
        .isEqualTo("The mail server did not answer in time");
    assertThat(
            SmtpChannel.failure(
                    connectionFailed(
                        new MessagingException("x", new UnknownHostException("smtp.example"))))
                .reason())
        .isEqualTo("The mail server's name was not found");
  }

  @Test
  void anAddressRefusedForGoodIsNotTriedAgainAndTheAddressIsNotInTheReason() throws Exception {
    Address[] refused = {new InternetAddress("gone@council.example")};
    DeliveryFailure failure =
        SmtpChannel.failure(
            failedMessage(
                new SendFailedException(
                    "Invalid Addresses gone@council.example",
                    null,
                    new Address[0],
                    null,
                    refused)));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason())
        .isEqualTo("The mail server refused the address")
        .doesNotContain("gone@");
  }

  @Test
  void anAddressRefusedForNowIsTriedAgain() throws Exception {
    Address[] later = {new InternetAddress("busy@council.example")};
    DeliveryFailure failure =
        SmtpChannel.failure(
            failedMessage(
                new SendFailedException("451 try later", null, new Address[0], later, null)));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).isEqualTo("The mail server did not accept the message just now");
  }

  @Test
  void aRefusedLoginIsTriedAgainOnceSomeoneFixesIt() {
    DeliveryFailure failure =
        SmtpChannel.failure(new MailAuthenticationException("535 authentication failed"));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason())
        .isEqualTo("The mail server refused CCR Hub's user name or password");
  }

  private static MailSendException connectionFailed(Exception cause) {
    Map<Object, Exception> failed = new LinkedHashMap<>();
    failed.put(new Object(), cause);
    // as JavaMailSenderImpl reports a failed connection
    return new MailSendException("Mail server connection failed", cause, failed);
  }

  private static MailSendException failedMessage(Exception cause) {
    Map<Object, Exception> failed = new LinkedHashMap<>();
    failed.put(new Object(), cause);
    return new MailSendException(failed);
  }
}
