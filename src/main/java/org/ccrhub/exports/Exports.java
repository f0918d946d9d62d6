package org.ccrhub.exports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.cli.CommandFiles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * The one way a file leaves CCR Hub: a download from a page, or a file written by an admin command.
 * Each is recorded in the audit trail (who, when, from where, and what the file holds) once its
 * content has been made, so a file that failed to render is not recorded as sent.
 */
@Service
public class Exports {

  private final AuditTrail audit;

  Exports(AuditTrail audit) {
    this.audit = audit;
  }

  /** The file as a download, with its name; recorded as downloaded. */
  public ResponseEntity<byte[]> download(
      FileExport export, byte[] content, String mediaType, String fileName) {
    record(export, "Downloaded", "");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(mediaType))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(content);
  }

  /** Writes the file a command was asked for; recorded once written. */
  public void write(FileExport export, byte[] content, Path out) {
    CommandFiles.write(out, content);
    record(export, "Exported", " to a file");
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
