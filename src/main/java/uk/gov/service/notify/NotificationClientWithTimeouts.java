package uk.gov.service.notify;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;

/**
 * GOV.UK Notify's client with a connect and read timeout on every request. The client sets none, so
 * a request to a Notify that stopped answering would hang for ever, and with it the delivery of
 * every other message (and the other scheduled jobs sharing its thread). Its only hook is the
 * package-private {@code getConnection}, hence this class in the client's package (CCR Hub's mail
 * module uses it; ADR 14).
 */
public class NotificationClientWithTimeouts extends NotificationClient {

  private final int connectTimeout;
  private final int readTimeout;

  public NotificationClientWithTimeouts(
      String apiKey, String baseUrl, Duration connectTimeout, Duration readTimeout) {
    super(apiKey, baseUrl);
    this.connectTimeout = Math.toIntExact(connectTimeout.toMillis());
    this.readTimeout = Math.toIntExact(readTimeout.toMillis());
  }

  @Override
  HttpURLConnection getConnection(URL url) throws IOException {
    HttpURLConnection connection = super.getConnection(url);
    connection.setConnectTimeout(connectTimeout);
    connection.setReadTimeout(readTimeout);
    return connection;
  }
}
