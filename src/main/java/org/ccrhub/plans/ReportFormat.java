package org.ccrhub.plans;

import java.util.Locale;
import org.ccrhub.shared.InvalidInputException;

/** The formats reports come in. */
public enum ReportFormat {
  CSV("text/csv; charset=UTF-8", "csv"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  PDF("application/pdf", "pdf"),
  HTML("text/html; charset=UTF-8", "html");

  private final String mediaType;
  private final String extension;

  ReportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  public static ReportFormat parse(String value) {
    for (ReportFormat format : values()) {
      if (format.extension.equals(value == null ? "" : value.strip().toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new InvalidInputException(
        "Format '" + value + "' is not valid: use csv, xlsx, pdf or html");
  }
}
