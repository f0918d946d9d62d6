package org.ccrhub.tabular;

import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;

/**
 * Reads the first table of an OpenDocument spreadsheet as a stream (StAX over content.xml). A row
 * or cell that the file repeats ({@code table:number-rows-repeated}, {@code
 * table:number-columns-repeated}) is read once: a blank one costs nothing, however often it is
 * repeated (LibreOffice writes the empty rest of a sheet that way), and each repetition of a row
 * with text counts as a row. A cell shows the text a spreadsheet displays for it (its paragraphs,
 * one per line), or its value when it has no text; comments on cells are left out.
 */
final class OdsReader {

  private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
  private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
  private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  private static final int MOST_REPEATS = 1 << 24;

  private final XMLStreamReader xml;
  private final TableBuilder table;
  private final int most;

  private OdsReader(XMLStreamReader xml, TableBuilder table) {
    this.xml = xml;
    this.table = table;
    this.most = table.limits().maxCellCharacters();
  }

  static void read(ZipSecureFile zip, TableBuilder table) throws Exception {
    ZipArchiveEntry entry = zip.getEntry("content.xml");
    try (InputStream in = Zips.counted(zip.getInputStream(entry), table)) {
      XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
      try {
        new OdsReader(xml, table).firstTable();
      } finally {
        xml.close();
      }
    }
  }

  private void firstTable() throws Exception {
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT && is(TABLE, "table")) {
        rows();
        return;
      }
    }
    throw new UnreadableFileException("The spreadsheet has no sheets");
  }

  /** The rows of the table, at any depth (header rows, row groups), until the table ends. */
  private void rows() throws Exception {
    int row = 1;
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      table.tick();
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (is(TABLE, "table-row")) {
          int repeat = repeat("number-rows-repeated");
          table.startRow(row);
          cells();
          table.endRow(repeat);
          row = (int) Math.min((long) row + repeat, Integer.MAX_VALUE / 2);
        } else {
          depth++;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** The cells of a row, up to the end of the row. */
  private void cells() throws Exception {
    long column = 0;
    while (true) {
      int event = xml.next();
      table.tick();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      if (!is(TABLE, "table-cell") && !is(TABLE, "covered-table-cell")) {
        skip();
        continue;
      }
      int repeat = repeat("number-columns-repeated");
      if (column >= Integer.MAX_VALUE / 2 || !table.wants((int) column)) {
        skip();
      } else {
        String text = cell((int) column);
        if (!text.isEmpty()) {
          for (long c = column; c < column + repeat && table.wants((int) c); c++) {
            table.cell((int) c, text);
          }
        }
      }
      column += repeat;
    }
  }

  /** The text of a cell: its paragraphs, one a line; or its value when it has none. */
  private String cell(int column) throws Exception {
    String value = value();
    StringBuilder text = new StringBuilder();
    boolean paragraphs = false;
    int inParagraph = 0;
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      table.tick();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (is(OFFICE, "annotation") || is(TABLE, "table")) {
            skip();
            continue;
          }
          depth++;
          if (is(TEXT, "p") || is(TEXT, "h")) {
            if (paragraphs) {
              append(text, "\n", 1, column);
            }
            paragraphs = true;
            inParagraph++;
          } else if (inParagraph > 0 && is(TEXT, "s")) {
            append(text, " ", Math.max(1, repeat("c")), column);
          } else if (inParagraph > 0 && is(TEXT, "tab")) {
            append(text, "\t", 1, column);
          } else if (inParagraph > 0 && is(TEXT, "line-break")) {
            append(text, "\n", 1, column);
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (inParagraph > 0) {
            if (text.length() + xml.getTextLength() > most) {
              throw table.limits().cellTooLong(table.row(), column);
            }
            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          depth--;
          if (depth > 0 && (is(TEXT, "p") || is(TEXT, "h"))) {
            inParagraph--;
          }
        }
        default -> {}
      }
    }
    if (!paragraphs && value.length() > most) {
      throw table.limits().cellTooLong(table.row(), column);
    }
    return paragraphs ? text.toString() : value;
  }

  private void append(StringBuilder text, String piece, int times, int column) {
    if (text.length() + (long) piece.length() * times > most) {
      throw table.limits().cellTooLong(table.row(), column);
    }
    text.append(piece.repeat(times));
  }

  /** The value of the cell being started, from its attributes, for a cell without text. */
  private String value() {
    String type = attribute(OFFICE, "value-type");
    String value =
        switch (type == null ? "" : type) {
          case "float", "percentage", "currency" -> attribute(OFFICE, "value");
          case "date" -> attribute(OFFICE, "date-value");
          case "time" -> attribute(OFFICE, "time-value");
          case "boolean" -> attribute(OFFICE, "boolean-value");
          case "string" -> attribute(OFFICE, "string-value");
          default -> null;
        };
    return value == null ? "" : value;
  }

  /** Skips the element just started, with everything in it. */
  private void skip() throws Exception {
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      table.tick();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private int repeat(String name) {
    String value = attribute(name.equals("c") ? TEXT : TABLE, name);
    if (value == null) {
      return 1;
    }
    try {
      return (int) Math.max(1, Math.min(Long.parseLong(value.strip()), MOST_REPEATS));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private @org.jspecify.annotations.Nullable String attribute(String namespace, String name) {
    return xml.getAttributeValue(namespace, name);
  }

  private boolean is(String namespace, String name) {
    return name.equals(xml.getLocalName()) && namespace.equals(xml.getNamespaceURI());
  }
}
