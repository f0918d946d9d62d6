package org.ccrhub.tabular;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ccrhub.shared.InvalidInputException;

/** The file formats tables are exported in. */
public enum TableFormat {
  CSV("text/csv; charset=UTF-8", "csv"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  ODS("application/vnd.oasis.opendocument.spreadsheet", "ods");

  private final String mediaType;
  private final String extension;

  TableFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  public static TableFormat parse(String value) {
    return Arrays.stream(values())
        .filter(f -> f.extension.equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "Format '"
                        + value
                        + "' is not valid: use "
                        + Arrays.stream(values())
                            .map(f -> f.extension)
                            .collect(Collectors.joining(", "))));
  }
}
