package org.ccrhub.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns typed email text into a {@link TypedEmail}. The HMAC key is made by migration V0007 and
 * kept in the database, the same for every node.
 */
@Component
class TypedEmails {

  /** The longest email address there can be; longer text matches no account. */
  static final int MAX_LENGTH = 254;

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private volatile @Nullable SecretKeySpec key;

  TypedEmails(JdbcClient jdbc, Accounts accounts) {
    this.jdbc = jdbc;
    this.accounts = accounts;
  }

  TypedEmail of(@Nullable String typed) {
    String normalised = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    return new TypedEmail(
        hmac(normalised),
        normalised.isEmpty() || normalised.length() > MAX_LENGTH
            ? java.util.Optional.empty()
            : accounts.findByEmail(normalised));
  }

  TypedEmail of(Account account) {
    return new TypedEmail(hmac(account.email()), java.util.Optional.of(account));
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec loaded = key;
    if (loaded == null) {
      String hex =
          jdbc.sql("select hmac_key from sign_in_secret where id = 1").query(String.class).single();
      loaded = new SecretKeySpec(HexFormat.of().parseHex(hex), "HmacSHA256");
      key = loaded;
    }
    return loaded;
  }
}
