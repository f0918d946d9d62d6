package org.ccrhub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.ccrhub.shared.InstallationKeys;
import org.ccrhub.shared.KeyFiles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key that encrypts two-factor secrets at rest (AES-256-GCM), so that a copy of the database
 * alone (a backup, a dump, someone with read access) cannot make anyone's codes. Like the audit key
 * it is never in the database: {@code ccr.two-factor.key} ({@code CCR_TWO_FACTOR_KEY}, Base64 of 32
 * bytes), which every server of an installation shares, or else {@code <data-dir>/two-factor.key}
 * (0600), created at the first start. The first server to have the key records its fingerprint in
 * the database ({@link InstallationKeys}), and a server with another key, or with none when the
 * installation has one, does not start: secrets sealed on one server must open on every other. Each
 * secret is bound to its account (the account id is authenticated with it), so a secret copied to
 * another account's row does not decrypt.
 *
 * <p>A secret that does not decrypt (the key was lost or changed) is treated as unreadable: that
 * person signs in with a recovery code, or an administrator resets their two-factor sign-in. It
 * never lets anyone in without a code.
 */
@Component
class TwoFactorKey {

  static final String FILE_NAME = "two-factor.key";
  private static final String INSTALLATION_KEY = "two-factor";
  private static final String PROPERTY = "ccr.two-factor.key (CCR_TWO_FACTOR_KEY)";
  private static final String VERSION = "v1:";
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger log = LoggerFactory.getLogger(TwoFactorKey.class);
  private static final Object JVM_LOCK = new Object();

  private final String configured;
  private final Path file;
  private final LongSupplier enrolledAccounts;
  private final @Nullable JdbcClient installation;
  private final boolean replaceLostKey;
  private volatile @Nullable SecretKeySpec key;

  /** The key of a server: had, and checked against the installation's, at start. */
  @Autowired
  TwoFactorKey(
      @Value("${ccr.two-factor.key:}") String configured,
      @Value("${ccr.data-dir}") String dataDirectory,
      @Value("${ccr.two-factor.replace-lost-key:false}") boolean replaceLostKey,
      JdbcClient jdbc) {
    this.configured = configured;
    this.file = Path.of(dataDirectory).toAbsolutePath().resolve(FILE_NAME);
    this.enrolledAccounts =
        () -> jdbc.sql("select count(*) from two_factor").query(Long.class).single();
    this.installation = jdbc;
    this.replaceLostKey = replaceLostKey;
    key();
  }

  /**
   * A key on its own, had when first needed and not checked against any installation.
   *
   * @param enrolledAccounts how many accounts have two-factor sign-in (told when the key is new)
   */
  TwoFactorKey(String configured, Path dataDirectory, LongSupplier enrolledAccounts) {
    this.configured = configured;
    this.file = dataDirectory.toAbsolutePath().resolve(FILE_NAME);
    this.enrolledAccounts = enrolledAccounts;
    this.installation = null;
    this.replaceLostKey = false;
  }

  /** Encrypts a secret for one account: {@code v1:} and Base64 of the nonce and ciphertext. */
  String seal(byte[] plain, String boundTo) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return VERSION
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  /**
   * The secret sealed for this account, or empty when it was sealed with another key or changed.
   */
  Optional<byte[]> open(String sealed, String boundTo) {
    if (!sealed.startsWith(VERSION)) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length <= IV_BYTES) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      return Optional.of(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec loaded = key;
    if (loaded == null) {
      synchronized (JVM_LOCK) {
        loaded = key;
        if (loaded == null) {
          boolean made = configured.isBlank() && !Files.exists(file);
          byte[] bytes = configured.isBlank() ? fromFile() : decode(configured, PROPERTY);
          checkAgainstInstallation(bytes, made && Files.exists(file));
          loaded = new SecretKeySpec(bytes, "AES");
          key = loaded;
        }
      }
    }
    return loaded;
  }

  private static byte[] decode(String text, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          source + " is not Base64. Make a key with: openssl rand -base64 32");
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalStateException(
          source
              + " is "
              + bytes.length
              + " bytes long; the two-factor key is "
              + KEY_BYTES
              + " bytes (44 Base64 characters). Make one with: openssl rand -base64 32");
    }
    return bytes;
  }

  /**
   * Reads the key file, or creates it, under a lock that a command running beside the server
   * shares.
   */
  private byte[] fromFile() {
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
              FileChannel.open(
                  file.resolveSibling(FILE_NAME + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (Files.exists(file)) {
          if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
              && !KeyFiles.OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn(
                "The two-factor key {} can be read by others: make it readable by its owner only",
                file);
          }
          return decode(Files.readString(file, StandardCharsets.US_ASCII), "" + file);
        }
        return create();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the two-factor key " + file, e);
    }
  }

  /**
   * Records the key's fingerprint as the installation's, or refuses a key other than the one the
   * installation's other servers use: they could not open what this server sealed.
   */
  private void checkAgainstInstallation(byte[] bytes, boolean made) {
    JdbcClient jdbc = installation;
    if (jdbc == null) {
      return;
    }
    String fingerprint = fingerprint(bytes);
    if (made && replaceLostKey) {
      InstallationKeys.replace(jdbc, INSTALLATION_KEY, fingerprint);
      return;
    }
    Optional<String> refusal =
        shared()
            .refusal(
                jdbc,
                fingerprint,
                !configured.isBlank(),
                made,
                "they could not open the secrets this server sealed, and people would be refused"
                    + " their codes");
    if (refusal.isPresent()) {
      throw new TwoFactorKeyException(refusal.get());
    }
  }

  private InstallationKeys.SharedKey shared() {
    return new InstallationKeys.SharedKey(INSTALLATION_KEY, "two-factor key", PROPERTY, file);
  }

  /** Tells two keys apart without revealing either. */
  static String fingerprint(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(
              mac.doFinal("CCR Hub two-factor key fingerprint".getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }

  private byte[] create() throws IOException {
    JdbcClient jdbc = installation;
    Optional<String> missing =
        jdbc == null || replaceLostKey
            ? Optional.empty()
            : shared()
                .missing(
                    jdbc,
                    "If the key is lost for good, start once with"
                        + " --ccr.two-factor.replace-lost-key=true: a new key is made, and everyone"
                        + " with two-factor sign-in then signs in with a recovery code or has it"
                        + " reset.");
    if (missing.isPresent()) {
      throw new TwoFactorKeyException(missing.get());
    }
    byte[] bytes = KeyFiles.create(file, KEY_BYTES);
    long enrolled = enrolledAccounts.getAsLong();
    if (enrolled > 0) {
      log.error(
          "The two-factor key {} was missing and a new one has been made: the {} accounts with"
              + " two-factor sign-in can no longer use their authenticator apps. Restore the file"
              + " from a backup (and restart), or they sign in with a recovery code, or an"
              + " administrator resets their two-factor sign-in.",
          file,
          enrolled);
    } else {
      log.info("Created the two-factor key {}: keep it with the backups", file);
    }
    return bytes;
  }
}
