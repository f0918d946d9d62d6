package org.ccrhub.tabular;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Uploaded files waiting for the person to confirm their import after its preview, each under a
 * random key that only the uploader's session holds, with the few details the confirmation needs
 * (plan name, kind of file). The file itself is kept in the database, not in the session, which is
 * read on every request. Only a file that can be imported is kept (a refused one is not, and may
 * hold personal data), one of each kind per person: a new upload replaces their earlier one, in any
 * session. A file not confirmed within two hours is dropped.
 */
@Service
public class PendingUploads {

  static final Duration KEPT = Duration.ofHours(2);
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
    String kind = details.getClass().getName();
    String prefix = kind + ".";
    for (String name : Collections.list(session.getAttributeNames())) {
      if (name.startsWith(prefix)) {
        session.removeAttribute(name);
      }
    }
    String key = keep(partnershipId, uploader(), kind, content);
    session.setAttribute(prefix + key, details);
    return key;
  }

  /** Forgets what an upload was, in the session, once it is found to be unimportable. */
  public void forget(HttpSession session, Class<?> type) {
    String prefix = type.getName() + ".";
    for (String name : Collections.list(session.getAttributeNames())) {
      if (name.startsWith(prefix)) {
        session.removeAttribute(name);
        discard(name.substring(prefix.length()));
      }
    }
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

  String keep(long partnershipId, String uploader, String kind, byte[] content) {
    dropExpired();
    jdbc.sql("delete from pending_upload where uploaded_by = :u and kind = :k")
        .param("u", uploader)
        .param("k", kind)
        .update();
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String key = HexFormat.of().formatHex(random);
    jdbc.sql(
            """
            insert into pending_upload (key, partnership_id, uploaded_by, kind, content)
            values (:key, :p, :u, :k, :c)
            """)
        .param("key", key)
        .param("p", partnershipId)
        .param("u", uploader)
        .param("k", kind)
        .param("c", content)
        .update();
    return key;
  }

  /**
   * Drops files left unconfirmed longer than they are kept: every ten minutes, and at each upload.
   */
  @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
  public void dropExpired() {
    jdbc.sql("delete from pending_upload where uploaded_at < now() - make_interval(secs => :s)")
        .param("s", KEPT.toSeconds())
        .update();
  }

  private static String uploader() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "" : authentication.getName();
  }

  Optional<byte[]> content(long partnershipId, String key) {
    if (!isKey(key)) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select content from pending_upload where key = :k and partnership_id = :p
                and uploaded_by = :u and uploaded_at >= now() - make_interval(secs => :s)
            """)
        .param("k", key)
        .param("p", partnershipId)
        .param("u", uploader())
        .param("s", KEPT.toSeconds())
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
