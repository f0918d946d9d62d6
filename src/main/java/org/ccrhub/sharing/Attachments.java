package org.ccrhub.sharing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.FileSizes;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files kept with a decision or a consent record (ADR 20). The information shared is not stored by
 * default: a decision to share may carry a file only when its protocol allows it, and the file's
 * content is removed on its protocol's retention day (or sooner, by hand); a consent record may
 * carry the scan of its signed form, removed with the record's details. Each file is marked
 * OFFICIAL-SENSITIVE, read through the gate of its request or record, and every upload, download
 * (through {@code exports.Exports}) and removal is in the audit trail under the request or record
 * (so "who looked" shows it), by number, never with the file's name, which may name someone.
 */
@Service
public class Attachments {

  /** The largest file kept, as the table allows. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  private final Requests requests;
  private final Consents consents;
  private final SharingAccess access;
  private final AuditTrail audit;
  private final JdbcClient jdbc;

  Attachments(
      Requests requests,
      Consents consents,
      SharingAccess access,
      AuditTrail audit,
      JdbcClient jdbc) {
    this.requests = requests;
    this.consents = consents;
    this.access = access;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /**
   * A kept file, without its content.
   *
   * @param removeOn the day its content goes; none for a consent form's scan, which goes with its
   *     record's details
   */
  public record Attachment(
      long id,
      String fileName,
      long size,
      String marking,
      String uploadedBy,
      Instant uploadedAt,
      @Nullable LocalDate removeOn,
      @Nullable Instant removedAt,
      String removedBy) {

    /** Whether its content is still kept. */
    public boolean available() {
      return removedAt == null;
    }

    public String sizeText() {
      return FileSizes.text(size);
    }
  }

  /** A file as uploaded. */
  public record Upload(String fileName, byte[] content) {

    public Upload {
      fileName = fileName(fileName);
    }

    /** What is wrong with an upload of this size, or null. */
    public static @Nullable String problem(long size) {
      if (size <= 0) {
        return "The selected file is empty";
      }
      if (size > MAX_BYTES) {
        return "The selected file must be smaller than 10MB";
      }
      return null;
    }

    /**
     * The name without any folders, control characters or the marks that turn text right to left
     * (U+202E would show "report", the mark, "fdp.exe" as "reportexe.pdf"), at most 255 characters.
     */
    static String fileName(@Nullable String uploaded) {
      String name = uploaded == null ? "" : uploaded;
      name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
      name =
          name.replaceAll("[\\p{Cntrl}\"\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "");
      name = name.strip();
      if (name.isEmpty()) {
        return "file";
      }
      if (name.length() > 255) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        name = name.substring(0, 255 - extension.length()) + extension;
      }
      return name;
    }
  }

  /**
   * A file's content to send, with the name it is sent under (its marking first) and its extension,
   * for the audit trail.
   */
  public record Content(long id, String fileName, byte[] bytes) {

    /** The file name's extension, lower case, or "file". */
    public String extension() {
      int dot = fileName.lastIndexOf('.');
      String extension =
          dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
      return extension.matches("[a-z0-9]{1,10}") ? extension : "file";
    }
  }

  /** Whether files may be added to the request's decision by this reader, and for how long. */
  public record Allowance(boolean allowed, int retentionDays, String why) {}

  /**
   * Whether the reader may attach a file to the request's decision in force: they decide for the
   * asked agency, the decision shares, and the protocol allows files.
   */
  @Transactional(readOnly = true)
  public Allowance allowance(SharingReader reader, SharingRequest request) {
    record Protocol(boolean allowed, int days, String title) {}
    Protocol protocol =
        jdbc.sql(
                """
                select attachments_allowed, attachment_retention_days, title
                from sharing_protocol where partnership_id = :p and id = :id
                """)
            .param("p", reader.partnership().id())
            .param("id", request.protocolId())
            .query((rs, n) -> new Protocol(rs.getBoolean(1), rs.getInt(2), rs.getString(3)))
            .single();
    DecisionLog.Entry decision = request.decision();
    if (!request.decides()) {
      return new Allowance(
          false,
          protocol.days(),
          "Only the asked agency's SPOC, deputy or a delegate can add files");
    }
    if (!protocol.allowed()) {
      return new Allowance(
          false,
          protocol.days(),
          protocol.title() + " does not allow the information shared to be kept here");
    }
    if (decision == null || !decision.outcome().shares()) {
      return new Allowance(
          false, protocol.days(), "A file can only be added to a decision to share");
    }
    if (request.imported()) {
      return new Allowance(false, protocol.days(), "This request came from an imported log");
    }
    return new Allowance(true, protocol.days(), "");
  }

  /** The files of the request's decisions, for a reader who sees its subjects' details. */
  @Transactional(readOnly = true)
  public List<Attachment> ofRequest(SharingReader reader, SharingRequest request) {
    if (!request.details()) {
      return List.of();
    }
    return query(
        "a.decision_id in (select d.id from sharing_decision d where d.request_id = :owner)",
        request.id(),
        reader);
  }

  /**
   * Keeps a file with the request's decision in force, to be removed after the protocol's days.
   *
   * @throws NotFoundException when the reader may not see the request
   * @throws InvalidInputException when the reader may not add a file to it, or the file is empty or
   *     too large
   */
  @Transactional
  public long attachToDecision(SharingReader reader, int number, Upload upload) {
    SharingRequest request = requests.read(reader, number);
    Allowance allowance = allowance(reader, request);
    if (!allowance.allowed()) {
      throw new InvalidInputException(allowance.why());
    }
    checkSize(upload);
    LocalDate removeOn = access.today().plusDays(allowance.retentionDays());
    long id = insert(reader, "decision_id", request.decision().id(), upload, removeOn);
    record(
        reader,
        "CREATE",
        SharingAccess.REQUEST,
        request.id(),
        "Added file "
            + id
            + " to the decision of request "
            + number
            + ", to be removed on "
            + org.ccrhub.shared.Dates.date(removeOn));
    return id;
  }

  /**
   * The content of a file of the request's decision. The caller sends it through {@code
   * exports.Exports}, which records the download under the request.
   *
   * @throws NotFoundException when the reader may not see the request's details, the file is not
   *     the request's, or its content has been removed
   */
  @Transactional(readOnly = true)
  public Content fileOfRequest(SharingReader reader, SharingRequest request, long attachmentId) {
    return content(find(ofRequest(reader, request), attachmentId, true));
  }

  /**
   * Removes a file's content before its day: the requester once they have it, or the asked agency.
   *
   * @throws NotFoundException when the reader may not see the request's details or the file is not
   *     the request's
   */
  @Transactional
  public void removeOfRequest(SharingReader reader, int number, long attachmentId) {
    SharingRequest request = requests.read(reader, number);
    Attachment file = find(ofRequest(reader, request), attachmentId, false);
    if (remove(file.id(), reader.name())) {
      record(
          reader,
          "DELETE",
          SharingAccess.REQUEST,
          request.id(),
          "Removed file " + file.id() + " of the decision of request " + number);
    }
  }

  /** The scans of a consent record the reader may see. */
  @Transactional(readOnly = true)
  public List<Attachment> ofConsent(SharingReader reader, ConsentRecord record) {
    return query("a.consent_id = :owner", record.id(), reader);
  }

  /**
   * Whether the reader keeps the record: a user of the agency that holds it. They add and remove
   * its scans.
   */
  public static boolean keeps(SharingReader reader, ConsentRecord record) {
    return reader.agencyId() != null && reader.agencyId() == record.agencyId();
  }

  /**
   * Keeps the scan of the signed consent form.
   *
   * @throws NotFoundException when the reader may not see the record, or does not keep it
   * @throws InvalidInputException when its details have been removed, or the file is empty or too
   *     large
   */
  @Transactional
  public long attachToConsent(SharingReader reader, long consentId, Upload upload) {
    ConsentRecord record = consents.read(reader, consentId);
    if (!keeps(reader, record)) {
      throw new NotFoundException("No such consent record");
    }
    boolean purged =
        jdbc.sql("select purged_at is not null from sharing_consent where id = :id")
            .param("id", consentId)
            .query(Boolean.class)
            .single();
    if (purged) {
      throw new InvalidInputException(
          "This record's details were removed at the end of its retention period");
    }
    checkSize(upload);
    long id = insert(reader, "consent_id", consentId, upload, null);
    record(
        reader,
        "CREATE",
        Consents.CONSENT,
        consentId,
        "Added file " + id + " (the signed form) to consent record " + consentId);
    return id;
  }

  /**
   * The content of a scan. The caller sends it through {@code exports.Exports}, which records the
   * download under the record.
   *
   * @throws NotFoundException when the reader may not see the record, or the file is not its or has
   *     been removed
   */
  @Transactional(readOnly = true)
  public Content fileOfConsent(SharingReader reader, long consentId, long attachmentId) {
    ConsentRecord record = consents.read(reader, consentId);
    return content(find(ofConsent(reader, record), attachmentId, true));
  }

  /**
   * Removes a scan's content: by the agency that keeps the record or the data protection lead.
   *
   * @throws NotFoundException when the reader may not do so or the file is not the record's
   */
  @Transactional
  public void removeOfConsent(SharingReader reader, long consentId, long attachmentId) {
    ConsentRecord record = consents.read(reader, consentId);
    if (!keeps(reader, record) && !reader.dataProtectionLead()) {
      throw new NotFoundException("No such file");
    }
    Attachment file = find(ofConsent(reader, record), attachmentId, false);
    if (remove(file.id(), reader.name())) {
      record(
          reader,
          "DELETE",
          Consents.CONSENT,
          consentId,
          "Removed file " + file.id() + " of consent record " + consentId);
    }
  }

  /**
   * The file of the list, kept or (unless {@code kept}) removed.
   *
   * @throws NotFoundException when it is not there
   */
  private static Attachment find(List<Attachment> files, long id, boolean kept) {
    return files.stream()
        .filter(a -> a.id() == id && (!kept || a.available()))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No such file"));
  }

  private static void checkSize(Upload upload) {
    String problem = Upload.problem(upload.content().length);
    if (problem != null) {
      throw new InvalidInputException(problem);
    }
  }

  private long insert(
      SharingReader reader,
      String owner,
      long ownerId,
      Upload upload,
      @Nullable LocalDate removeOn) {
    return jdbc.sql(
            "insert into sharing_attachment (partnership_id, "
                + owner
                + ", file_name, media_type, size, sha256, content, uploaded_by, remove_on)"
                + " values (:p, :owner, :name, 'application/octet-stream', :size, :sha, :content,"
                + " :by, :removeOn) returning id")
        .param("p", reader.partnership().id())
        .param("owner", ownerId)
        .param("name", upload.fileName())
        .param("size", upload.content().length)
        .param("sha", sha256(upload.content()))
        .param("content", upload.content())
        .param("by", reader.name())
        .param("removeOn", removeOn)
        .query(Long.class)
        .single();
  }

  /** Removes the file's content; false when it was removed already. */
  private boolean remove(long id, String by) {
    return jdbc.sql(
                """
                update sharing_attachment set content = null, removed_at = now(), removed_by = :by
                where id = :id and removed_at is null
                """)
            .param("id", id)
            .param("by", by)
            .update()
        == 1;
  }

  private List<Attachment> query(String condition, long ownerId, SharingReader reader) {
    return jdbc.sql(
            """
            select a.id, a.file_name, a.size, a.marking, a.uploaded_by, a.uploaded_at,
                   a.remove_on, a.removed_at, coalesce(a.removed_by, '') as removed_by
            from sharing_attachment a
            where a.partnership_id = :p and """
                + " "
                + condition
                + " order by a.id")
        .param("p", reader.partnership().id())
        .param("owner", ownerId)
        .query(
            (rs, n) ->
                new Attachment(
                    rs.getLong("id"),
                    rs.getString("file_name"),
                    rs.getLong("size"),
                    rs.getString("marking"),
                    rs.getString("uploaded_by"),
                    rs.getTimestamp("uploaded_at").toInstant(),
                    rs.getObject("remove_on", LocalDate.class),
                    instant(rs.getTimestamp("removed_at")),
                    rs.getString("removed_by")))
        .list();
  }

  private Content content(Attachment file) {
    byte[] bytes =
        jdbc.sql("select content from sharing_attachment where id = :id and content is not null")
            .param("id", file.id())
            .query(byte[].class)
            .optional()
            .orElseThrow(() -> new NotFoundException("No such file"));
    return new Content(file.id(), file.marking() + " - " + file.fileName(), bytes);
  }

  private void record(SharingReader reader, String action, String type, long id, String summary) {
    audit.recordFor(
        reader.actorName(),
        reader.accountId(),
        AuditEntry.success(action, type, id, reader.partnership().id(), summary));
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
