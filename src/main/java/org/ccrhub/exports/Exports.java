package org.ccrhub.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * The one way a file leaves CCR Hub: a download from a page, or a file written by an admin command.
 * Its content is made here, in full and in memory, at most {@code ccr.exports.concurrent} files at
 * once (spreadsheets and PDFs of a long plan take seconds and tens of megabytes each); a file that
 * finds every place taken waits up to {@code ccr.exports.max-wait} and is then refused with {@link
 * BusyException}. Each file is recorded in the audit trail (who, when, from where, and what the
 * file holds) once its content has been made, so a file that failed to render or was refused is not
 * recorded as sent. A file is kept in pieces ({@link FileBuffer}) and sent from them, so that it
 * takes its own size in memory and no more.
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
  public ResponseEntity<Resource> download(
      FileExport export, Supplier<byte[]> content, String mediaType, String fileName) {
    return download(export, out -> out.write(content.get()), mediaType, fileName);
  }

  /** Makes the file as its writer writes it and sends it as a download; recorded as downloaded. */
  public ResponseEntity<Resource> download(
      FileExport export, FileContent content, String mediaType, String fileName) {
    FileBuffer file = make(content);
    record(export, "Downloaded", "");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(mediaType))
        .contentLength(file.size())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(file.resource(fileName));
  }

  /** Makes the file a command was asked for and writes it; recorded once written. */
  public void write(FileExport export, Supplier<byte[]> content, Path out) {
    write(export, file -> file.write(content.get()), out);
  }

  /** Makes the file a command was asked for as its writer writes it; recorded once written. */
  public void write(FileExport export, FileContent content, Path out) {
    CommandFiles.write(out, make(content).toByteArray());
    record(export, "Exported", " to a file");
  }

  private FileBuffer make(FileContent content) {
    return making.run(
        () -> {
          FileBuffer file = new FileBuffer();
          try {
            content.writeTo(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return file;
        },
        () -> new BusyException(BUSY));
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
