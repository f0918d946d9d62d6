package org.ccrhub.tabular;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * XLSX and ODS files written by hand, part by part, so that tests can make the hostile ones (a
 * million repeated rows, a cell in column XFD on every row, a zip bomb) in milliseconds.
 */
final class SpreadsheetFiles {

  private SpreadsheetFiles() {}

  /** Writes one part of a zip archive: its text, or what the writer puts in it. */
  interface Part {
    void write(OutputStream out) throws IOException;
  }

  static byte[] zip(Object... namesAndParts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndParts.length; i += 2) {
        zip.putNextEntry(new ZipEntry((String) namesAndParts[i]));
        Object part = namesAndParts[i + 1];
        if (part instanceof Part writer) {
          writer.write(zip);
        } else {
          zip.write(((String) part).getBytes(StandardCharsets.UTF_8));
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** An XLSX file whose first sheet's sheetData is written by {@code rows}. */
  static byte[] xlsx(Part rows, String sharedStrings) {
    return zip(
        "[Content_Types].xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
        <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
        </Types>""",
        "_rels/.rels",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
        </Relationships>""",
        "xl/workbook.xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>""",
        "xl/_rels/workbook.xml.rels",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
        </Relationships>""",
        "xl/worksheets/sheet1.xml",
        (Part)
            out -> {
              out.write(
                  ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
                          + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                          + "<sheetData>")
                      .getBytes(StandardCharsets.UTF_8));
              rows.write(out);
              out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            },
        "xl/sharedStrings.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst"
            + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + sharedStrings
            + "</sst>");
  }

  /** An ODS file whose first table's rows are written by {@code rows}. */
  static byte[] ods(Part rows) {
    return zip(
        "mimetype",
        "application/vnd.oasis.opendocument.spreadsheet",
        "content.xml",
        (Part)
            out -> {
              out.write(
                  ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                          + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                          + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                          + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
                          + "<office:body><office:spreadsheet><table:table table:name=\"Plan\">"
                          + "<table:table-column table:number-columns-repeated=\"16384\"/>")
                      .getBytes(StandardCharsets.UTF_8));
              rows.write(out);
              out.write(
                  "</table:table></office:spreadsheet></office:body></office:document-content>"
                      .getBytes(StandardCharsets.UTF_8));
            });
  }

  static Part text(String text) {
    return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A row of ODS text cells. */
  static String odsRow(String... cells) {
    StringBuilder row = new StringBuilder("<table:table-row>");
    for (String cell : cells) {
      row.append("<table:table-cell office:value-type=\"string\"><text:p>")
          .append(cell)
          .append("</text:p></table:table-cell>");
    }
    return row.append("</table:table-row>").toString();
  }

  /** A row of XLSX inline-string cells from column A. */
  static String xlsxRow(int number, String... cells) {
    StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
    for (int c = 0; c < cells.length; c++) {
      row.append("<c r=\"")
          .append(ImportLimits.columnName(c))
          .append(number)
          .append("\" t=\"inlineStr\"><is><t>")
          .append(cells[c])
          .append("</t></is></c>");
    }
    return row.append("</row>").toString();
  }
}
