package org.ccrhub.tabular;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a table as an OpenDocument spreadsheet (ODF 1.2), a row at a time, straight into the zip:
 * only the finished file is held in memory, however many rows there are. The package is what the
 * standard asks: the {@code mimetype} entry first and stored uncompressed (so that the type can be
 * read at a fixed place in the file), then {@code META-INF/manifest.xml}, then {@code content.xml}.
 *
 * <p>Every cell is text ({@code office:value-type="string"}), written as {@link TableWriter#cell}
 * makes it, with one {@code text:p} per line. White space is kept as the standard says it must be
 * written, because a reader collapses runs of spaces in a paragraph and drops leading ones: a tab
 * is {@code text:tab}, and spaces after the first of a run (or at the start of a line) are {@code
 * text:s}. The header row is bold, and repeated on every printed page ({@code
 * table:table-header-rows}); other cells wrap.
 */
final class OdsWriter {

  static final String MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

  private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
  private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
  private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
  private static final String FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
  private static final String MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
  private static final String VERSION = "1.2";

  /** The JDK's own writer, whatever else is on the class path. */
  private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

  private final XMLStreamWriter xml;

  private OdsWriter(XMLStreamWriter xml) {
    this.xml = xml;
  }

  /** Writes the file to the stream, which is left open. */
  static void write(
      String sheetName,
      List<String> header,
      Iterable<? extends List<String>> rows,
      OutputStream out) {
    try {
      ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
      stored(zip, "mimetype", MIMETYPE.getBytes(StandardCharsets.US_ASCII));
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      xml(zip, OdsWriter::manifest);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      xml(zip, xml -> new OdsWriter(xml).content(sheetName, header, rows));
      zip.closeEntry();
      zip.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An entry stored as it is, not compressed. */
  private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(content.length);
    entry.setCompressedSize(content.length);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  private interface Part {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  /** Writes one XML document into the current entry, leaving the zip open. */
  private static void xml(ZipOutputStream zip, Part part) throws IOException {
    OutputStream out = new BufferedOutputStream(zip, 1 << 16);
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      part.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    out.flush();
  }

  private static void manifest(XMLStreamWriter xml) throws XMLStreamException {
    xml.setPrefix("manifest", MANIFEST);
    xml.writeStartElement(MANIFEST, "manifest");
    xml.writeNamespace("manifest", MANIFEST);
    xml.writeAttribute(MANIFEST, "version", VERSION);
    xml.writeEmptyElement(MANIFEST, "file-entry");
    xml.writeAttribute(MANIFEST, "full-path", "/");
    xml.writeAttribute(MANIFEST, "version", VERSION);
    xml.writeAttribute(MANIFEST, "media-type", MIMETYPE);
    xml.writeEmptyElement(MANIFEST, "file-entry");
    xml.writeAttribute(MANIFEST, "full-path", "content.xml");
    xml.writeAttribute(MANIFEST, "media-type", "text/xml");
    xml.writeEndElement();
  }

  private void content(String sheetName, List<String> header, Iterable<? extends List<String>> rows)
      throws XMLStreamException {
    xml.setPrefix("office", OFFICE);
    xml.setPrefix("style", STYLE);
    xml.setPrefix("text", TEXT);
    xml.setPrefix("table", TABLE);
    xml.setPrefix("fo", FO);
    xml.writeStartElement(OFFICE, "document-content");
    xml.writeNamespace("office", OFFICE);
    xml.writeNamespace("style", STYLE);
    xml.writeNamespace("text", TEXT);
    xml.writeNamespace("table", TABLE);
    xml.writeNamespace("fo", FO);
    xml.writeAttribute(OFFICE, "version", VERSION);
    styles();
    xml.writeStartElement(OFFICE, "body");
    xml.writeStartElement(OFFICE, "spreadsheet");
    xml.writeStartElement(TABLE, "table");
    xml.writeAttribute(TABLE, "name", XlsxFile.sheetName(sheetName));
    xml.writeEmptyElement(TABLE, "table-column");
    xml.writeAttribute(TABLE, "number-columns-repeated", Integer.toString(header.size()));
    xml.writeAttribute(TABLE, "default-cell-style-name", "wrapped");
    xml.writeStartElement(TABLE, "table-header-rows");
    row(header, "header");
    xml.writeEndElement();
    for (List<String> cells : rows) {
      row(cells, null);
    }
    xml.writeEndElement(); // table
    xml.writeEndElement(); // spreadsheet
    xml.writeEndElement(); // body
    xml.writeEndElement(); // document-content
  }

  /** The two cell styles: bold for the header, wrapped for the rest. */
  private void styles() throws XMLStreamException {
    xml.writeStartElement(OFFICE, "automatic-styles");
    xml.writeStartElement(STYLE, "style");
    xml.writeAttribute(STYLE, "name", "header");
    xml.writeAttribute(STYLE, "family", "table-cell");
    xml.writeEmptyElement(STYLE, "text-properties");
    xml.writeAttribute(FO, "font-weight", "bold");
    xml.writeAttribute(STYLE, "font-weight-asian", "bold");
    xml.writeAttribute(STYLE, "font-weight-complex", "bold");
    xml.writeEndElement();
    xml.writeStartElement(STYLE, "style");
    xml.writeAttribute(STYLE, "name", "wrapped");
    xml.writeAttribute(STYLE, "family", "table-cell");
    xml.writeEmptyElement(STYLE, "table-cell-properties");
    xml.writeAttribute(FO, "wrap-option", "wrap");
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private void row(List<String> cells, String style) throws XMLStreamException {
    xml.writeStartElement(TABLE, "table-row");
    for (String cell : cells) {
      String text = TableWriter.cell(cell);
      if (text.isEmpty()) {
        xml.writeEmptyElement(TABLE, "table-cell");
        if (style != null) {
          xml.writeAttribute(TABLE, "style-name", style);
        }
        continue;
      }
      xml.writeStartElement(TABLE, "table-cell");
      if (style != null) {
        xml.writeAttribute(TABLE, "style-name", style);
      }
      xml.writeAttribute(OFFICE, "value-type", "string");
      for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
        paragraph(line);
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** One line as a paragraph, its tabs and runs of spaces written so that a reader keeps them. */
  private void paragraph(String line) throws XMLStreamException {
    if (line.isEmpty()) {
      xml.writeEmptyElement(TEXT, "p");
      return;
    }
    xml.writeStartElement(TEXT, "p");
    StringBuilder run = new StringBuilder();
    boolean spaceKept = false; // whether a space written as text would be kept
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\t') {
        flush(run);
        xml.writeEmptyElement(TEXT, "tab");
        spaceKept = false;
        i++;
      } else if (c == ' ') {
        int end = i;
        while (end < line.length() && line.charAt(end) == ' ') {
          end++;
        }
        int spaces = end - i;
        if (spaceKept) {
          run.append(' ');
          spaces--;
        }
        if (spaces > 0) {
          flush(run);
          xml.writeEmptyElement(TEXT, "s");
          if (spaces > 1) {
            xml.writeAttribute(TEXT, "c", Integer.toString(spaces));
          }
        }
        spaceKept = false;
        i = end;
      } else {
        run.append(c);
        spaceKept = true;
        i++;
      }
    }
    flush(run);
    xml.writeEndElement();
  }

  private void flush(StringBuilder run) throws XMLStreamException {
    if (!run.isEmpty()) {
      xml.writeCharacters(run.toString());
      run.setLength(0);
    }
  }
}
