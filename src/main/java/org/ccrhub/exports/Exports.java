package org.ccrhub.exports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.cli.CommandFiles;
import org.ccrhub.shared.BusyException;
import org.ccrhub.shared.Gate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * The one way a file leaves CCR Hub: a download from a page, or a file written by an admin command.
 * Its content is made here, at most {@code ccr.exports.concurrent} files at once (spreadsheets and
 * PDFs of a long plan take seconds and tens of megabytes each); a file that finds every place taken
 * waits up to {@code ccr.exports.max-wait} and is then refused with {@link BusyException}. Each
 * file is recorded in the audit trail (who, when, from where, and what the file holds) once its
 * content has been made, so a file that failed to render or was refused is not recorded as sent.
 */
@Service
public class Exports {

  static final String BUSY = "Too many files are being made just now. Try again in a minute.";

  private final AuditTrail audit;
  private final Gate making;

  Exports(
      AuditTrail audit,
      @Value("${ccr.exports.concurrent:2}") int concurrent,
      @Value("${ccr.exports.max-wait:5s}") Duration maxWait) {
    this.audit = audit;
    this.making = new Gate("ccr.exports.concurrent", concurrent, maxWait);
  }

  /** Makes the file and sends it as a download with its name; recorded as downloaded. */
  public ResponseEntity<byte[]> download(
      FileExport export, Supplier<byte[]> content, String mediaType, String fileName) {
    byte[] bytes = make(content);
    record(export, "Downloaded", "");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(mediaType))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }

  /** Makes the file a command was asked for and writes it; recorded once written. */
  public void write(FileExport export, Supplier<byte[]> content, Path out) {
    CommandFiles.write(out, make(content));
    record(export, "Exported", " to a file");
  }

  private byte[] make(Supplier<byte[]> content) {
    return making.run(content, () -> new BusyException(BUSY));
  }

  /** The places files are made in, for tests that hold them. */
  Gate gate() {
    return making;
  }

  private void record(FileExport export, String verb, String where) {
    audit.record(
        AuditEntry.success(
            export.action(),
            export.objectType(),
            export.objectId(),
            export.partnership().id(),
            export.summary(verb, where)));
  }
}
