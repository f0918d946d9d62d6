package org.ccrhub.tabular;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Uploaded files waiting for the person to confirm their import after its preview, each under a
 * random key that only the uploader's session holds, with the few details the confirmation needs
 * (plan name, kind of file). The file itself is kept in the database, not in the session, which is
 * read on every request; a file not confirmed within a day is dropped at the next upload.
 */
@Service
public class PendingUploads {

  private static final Duration KEPT = Duration.ofDays(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  PendingUploads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An upload waiting for confirmation: its key, and the details kept in the session. */
  public record Pending<T>(String key, T details, byte[] content) {}

  /**
   * Keeps a file with its details for the person's confirmation, replacing any earlier upload of
   * the same kind in their session, and returns its key.
   */
  public <T extends Serializable> String keep(
      HttpSession session, long partnershipId, T details, byte[] content) {
    String prefix = details.getClass().getName() + ".";
    for (String name : Collections.list(session.getAttributeNames())) {
      if (name.startsWith(prefix)) {
        session.removeAttribute(name);
        discard(name.substring(prefix.length()));
      }
    }
    String key = keep(partnershipId, content);
    session.setAttribute(prefix + key, details);
    return key;
  }

  /** The upload under a key in this session and partnership, if it is still kept. */
  public <T> Optional<Pending<T>> find(
      HttpSession session, Class<T> type, long partnershipId, String key) {
    if (!isKey(key) || !type.isInstance(session.getAttribute(type.getName() + "." + key))) {
      return Optional.empty();
    }
    T details = type.cast(session.getAttribute(type.getName() + "." + key));
    return content(partnershipId, key).map(content -> new Pending<>(key, details, content));
  }

  /** Drops an upload once imported. */
  public void discard(HttpSession session, Class<?> type, String key) {
    session.removeAttribute(type.getName() + "." + key);
    discard(key);
  }

  String keep(long partnershipId, byte[] content) {
    jdbc.sql("delete from pending_upload where uploaded_at < now() - make_interval(secs => :s)")
        .param("s", KEPT.toSeconds())
        .update();
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String key = HexFormat.of().formatHex(random);
    jdbc.sql("insert into pending_upload (key, partnership_id, content) values (:k, :p, :c)")
        .param("k", key)
        .param("p", partnershipId)
        .param("c", content)
        .update();
    return key;
  }

  Optional<byte[]> content(long partnershipId, String key) {
    if (!isKey(key)) {
      return Optional.empty();
    }
    return jdbc.sql("select content from pending_upload where key = :k and partnership_id = :p")
        .param("k", key)
        .param("p", partnershipId)
        .query(byte[].class)
        .optional();
  }

  void discard(String key) {
    jdbc.sql("delete from pending_upload where key = :k").param("k", key).update();
  }

  private static boolean isKey(String key) {
    return key.matches("[0-9a-f]{32}");
  }
}
