package org.ccrhub.sharing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Document control of the register's protocols, for {@link Protocols}, which locks the protocol
 * before any change here: each version as approved, and its signed PDFs kept with their SHA-256.
 * Both are only ever added (the database refuses anything else). Recording a version ends a review.
 */
final class ProtocolRegisterVersions {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  ProtocolRegisterVersions(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The protocol's versions, newest first, each with its signed PDFs. */
  List<ProtocolRegister.Version> of(long protocolId) {
    Map<Long, List<ProtocolRegister.Document>> documents = new LinkedHashMap<>();
    jdbc.sql(
            """
            select d.id, d.version_id, d.file_name, octet_length(d.pdf) as size, d.sha256,
                d.uploaded_by, d.uploaded_at
            from sharing_protocol_document d
            join sharing_protocol_version v on v.id = d.version_id
            where v.protocol_id = :id
            order by d.id
            """)
        .param("id", protocolId)
        .query(
            (ResultSet rs) -> {
              documents
                  .computeIfAbsent(rs.getLong("version_id"), k -> new ArrayList<>())
                  .add(
                      new ProtocolRegister.Document(
                          rs.getLong("id"),
                          rs.getString("file_name"),
                          rs.getLong("size"),
                          rs.getString("sha256"),
                          rs.getString("uploaded_by"),
                          rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()));
            });
    return jdbc.sql(
            """
            select id, label, author, approved_by, approved_on, review_on, notes, recorded_by,
                recorded_at
            from sharing_protocol_version where protocol_id = :id
            order by id desc
            """)
        .param("id", protocolId)
        .query(
            (rs, n) ->
                new ProtocolRegister.Version(
                    rs.getLong("id"),
                    rs.getString("label"),
                    rs.getString("author"),
                    rs.getString("approved_by"),
                    Optional.ofNullable(rs.getObject("approved_on", LocalDate.class)),
                    Optional.ofNullable(rs.getObject("review_on", LocalDate.class)),
                    rs.getString("notes"),
                    rs.getString("recorded_by"),
                    rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                    documents.getOrDefault(rs.getLong("id"), List.of())))
        .list();
  }

  long record(
      Partnership partnership,
      long id,
      Protocols.LockedProtocol protocol,
      ProtocolRegisterChanges.NewVersion version,
      Optional<ProtocolRegisterChanges.SignedDocument> document,
      String by) {
    long versionId =
        jdbc.sql(
                """
                insert into sharing_protocol_version (protocol_id, label, author, approved_by,
                    approved_on, review_on, notes, recorded_by)
                values (:protocol, :label, :author, :approvedBy, :approvedOn, :reviewOn, :notes,
                    :by)
                returning id
                """)
            .param("protocol", id)
            .param("label", version.label())
            .param("author", version.author())
            .param("approvedBy", version.approvedBy())
            .param("approvedOn", version.approvedOn().orElse(null))
            .param("reviewOn", version.reviewOn().orElse(null))
            .param("notes", version.notes())
            .param("by", actor(by))
            .query(Long.class)
            .single();
    String sha = document.map(d -> saveDocument(versionId, d, by)).orElse("");
    boolean endsReview = protocol.reviewStartedOn() != null;
    if (endsReview) {
      jdbc.sql("update sharing_protocol set review_started_on = null where id = :id")
          .param("id", id)
          .update();
    }
    audit.record(
        AuditEntry.success(
            "RECORD_VERSION",
            Protocols.PROTOCOL,
            id,
            partnership.id(),
            "Recorded version "
                + version.label()
                + " of "
                + protocol.title()
                + version
                    .approvedOn()
                    .map(d -> ", approved on " + Dates.date(d))
                    .orElse(", not approved")
                + version.reviewOn().map(d -> ", next review " + Dates.date(d)).orElse("")
                + (sha.isEmpty() ? "" : ", with its signed PDF (SHA-256 " + sha + ")")
                + (endsReview ? "; the review is over" : "")));
    return versionId;
  }

  void addDocument(
      Partnership partnership,
      long id,
      Protocols.LockedProtocol protocol,
      long versionId,
      ProtocolRegisterChanges.SignedDocument document,
      String by) {
    String label =
        jdbc.sql("select label from sharing_protocol_version where protocol_id = :p and id = :v")
            .param("p", id)
            .param("v", versionId)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("Version"));
    String sha = saveDocument(versionId, document, by);
    audit.record(
        AuditEntry.success(
            "UPLOAD",
            Protocols.PROTOCOL,
            id,
            partnership.id(),
            "Uploaded a signed PDF of version "
                + label
                + " of "
                + protocol.title()
                + " (SHA-256 "
                + sha
                + ")"));
  }

  private String saveDocument(
      long versionId, ProtocolRegisterChanges.SignedDocument document, String by) {
    String sha = sha256(document.pdf());
    jdbc.sql(
            """
            insert into sharing_protocol_document (version_id, file_name, pdf, sha256, uploaded_by)
            values (:version, :name, :pdf, :sha, :by)
            """)
        .param("version", versionId)
        .param("name", document.fileName())
        .param("pdf", document.pdf())
        .param("sha", sha)
        .param("by", actor(by))
        .update();
    return sha;
  }

  /** Who did it, as kept: at most the 300 characters the register keeps. */
  static String actor(String by) {
    String name = by.strip();
    if (name.isEmpty()) {
      return "unknown";
    }
    return name.length() > 300 ? name.substring(0, 300) : name;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
