package org.ccrhub.tabular;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX file as a stream with POI's event API ({@link XSSFReader} and
 * SAX): cells are read only in the columns the table wants, never allocated up to the last column
 * used; the shared strings are held packed, each cut at one character past the cell limit. Cells
 * show as Excel shows them (numbers and dates in their format); a formula cell shows its last
 * calculated value.
 */
final class XlsxReader {

  private XlsxReader() {}

  static void read(ZipSecureFile zip, TableBuilder table) throws Exception {
    OPCPackage pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
    try {
      XSSFReader reader = new XSSFReader(pkg);
      Formats formats = new Formats();
      try (InputStream styles = reader.getStylesData()) {
        parse(styles, formats, table);
      } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
        // no styles: every number in the General format
      }
      SharedStrings strings = new SharedStrings(table);
      try (InputStream shared = reader.getSharedStringsData()) {
        parse(shared, strings, table);
      } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
        // no shared strings
      }
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new UnreadableFileException("The spreadsheet has no sheets");
      }
      try (InputStream sheet = sheets.next()) {
        parse(sheet, new Sheet(table, formats, strings), table);
      }
    } finally {
      pkg.revert();
    }
  }

  private static void parse(InputStream in, ContentHandler handler, TableBuilder table)
      throws Exception {
    if (in == null) {
      return;
    }
    XMLReader xml = XMLHelper.newXMLReader();
    xml.setContentHandler(handler);
    xml.parse(new InputSource(Zips.counted(in, table)));
  }

  private static String local(String localName, String qName) {
    return localName.isEmpty() ? qName.substring(qName.indexOf(':') + 1) : localName;
  }

  /** The number format of each cell style (styles.xml: numFmts and cellXfs). */
  private static final class Formats extends DefaultHandler {
    private static final int MOST_STYLES = 100_000;
    private final Map<Integer, String> custom = new HashMap<>();
    private int[] styles = new int[64];
    private int count;
    private boolean inCellXfs;
    private final DataFormatter formatter = new DataFormatter();

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      switch (local(localName, qName)) {
        case "numFmt" -> {
          if (custom.size() < MOST_STYLES) {
            Integer id = integer(attributes.getValue("numFmtId"));
            String code = attributes.getValue("formatCode");
            if (id != null && code != null) {
              custom.put(id, code);
            }
          }
        }
        case "cellXfs" -> inCellXfs = true;
        case "xf" -> {
          if (inCellXfs && count < MOST_STYLES) {
            if (count == styles.length) {
              styles = Arrays.copyOf(styles, count * 2);
            }
            Integer id = integer(attributes.getValue("numFmtId"));
            styles[count++] = id == null ? 0 : id;
          }
        }
        default -> {}
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (local(localName, qName).equals("cellXfs")) {
        inCellXfs = false;
      }
    }

    String format(String number, int style) {
      double value;
      try {
        value = Double.parseDouble(number);
      } catch (NumberFormatException e) {
        return number;
      }
      int id = style >= 0 && style < count ? styles[style] : 0;
      if (id == 0 && value == Math.rint(value) && Math.abs(value) < 1e15) {
        return Long.toString((long) value); // General: what DataFormatter says, much faster
      }
      String code = custom.get(id);
      if (code == null) {
        code = ukShortDate(id).orElse(BuiltinFormats.getBuiltinFormat(id));
      }
      return formatter.formatRawCellContents(value, id, code == null ? "General" : code);
    }
  }

  /**
   * Excel's built-in short date (14) and date and time (22) show in the reader's own locale: a UK
   * Excel shows 30/11/2026 where POI would write 11/30/26, which would then read as another day.
   */
  static java.util.Optional<String> ukShortDate(int id) {
    return switch (id) {
      case 14 -> java.util.Optional.of("dd/mm/yyyy");
      case 22 -> java.util.Optional.of("dd/mm/yyyy hh:mm");
      default -> java.util.Optional.empty();
    };
  }

  /**
   * The shared strings table, packed: the strings' characters in blocks of about 64K characters and
   * where each string ends, instead of a string object each.
   */
  private static final class SharedStrings extends DefaultHandler {
    private final TableBuilder table;
    private final int most;
    private final List<String> blocks = new ArrayList<>();
    private final StringBuilder block = new StringBuilder();
    private final List<Integer> firstOfBlock = new ArrayList<>(List.of(0));
    private int[] ends = new int[256];
    private int count;
    private final StringBuilder item = new StringBuilder();
    private boolean inItem;
    private boolean inText;
    private int phonetic;

    SharedStrings(TableBuilder table) {
      this.table = table;
      this.most = table.limits().maxCellCharacters() + 1;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      table.tick();
      switch (local(localName, qName)) {
        case "si" -> {
          inItem = true;
          item.setLength(0);
        }
        case "t" -> inText = inItem && phonetic == 0;
        case "rPh" -> phonetic++;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inText) {
        item.append(ch, start, Math.min(length, most - item.length()));
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (local(localName, qName)) {
        case "t" -> inText = false;
        case "rPh" -> phonetic--;
        case "si" -> {
          inItem = false;
          add(item);
        }
        default -> {}
      }
    }

    @Override
    public void endDocument() {
      blocks.add(block.toString());
      block.setLength(0);
    }

    private void add(CharSequence text) {
      if (block.length() + text.length() > 64 * 1024 && block.length() > 0) {
        blocks.add(block.toString());
        block.setLength(0);
        firstOfBlock.add(count);
      }
      block.append(text);
      if (count == ends.length) {
        ends = Arrays.copyOf(ends, count * 2);
      }
      ends[count++] = block.length();
    }

    String get(int index) {
      if (index < 0 || index >= count) {
        return "";
      }
      int b = blockOf(index);
      int start = index == firstOfBlock.get(b) ? 0 : ends[index - 1];
      return blocks.get(b).substring(start, ends[index]);
    }

    private int blockOf(int index) {
      int low = 0;
      int high = firstOfBlock.size() - 1;
      while (low < high) {
        int mid = (low + high + 1) >>> 1;
        if (firstOfBlock.get(mid) <= index) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      return low;
    }
  }

  /** The cells of the sheet (sheetN.xml), row by row, in the columns the table wants. */
  private static final class Sheet extends DefaultHandler {
    private final TableBuilder table;
    private final Formats formats;
    private final SharedStrings strings;
    private final int most;
    private final StringBuilder value = new StringBuilder();
    private int row;
    private int column;
    private boolean wanted;
    private String type = "n";
    private int style;
    private boolean inValue;
    private boolean inInline;
    private int phonetic;

    Sheet(TableBuilder table, Formats formats, SharedStrings strings) {
      this.table = table;
      this.formats = formats;
      this.strings = strings;
      this.most = table.limits().maxCellCharacters();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      table.tick();
      switch (local(localName, qName)) {
        case "row" -> {
          Integer r = integer(attributes.getValue("r"));
          row = r == null ? row + 1 : r;
          column = -1;
          table.startRow(row);
        }
        case "c" -> {
          int c = columnOf(attributes.getValue("r"));
          column = c < 0 ? column + 1 : c;
          wanted = table.wants(column);
          String t = attributes.getValue("t");
          type = t == null ? "n" : t;
          Integer s = integer(attributes.getValue("s"));
          style = s == null ? 0 : s;
          value.setLength(0);
        }
        case "v" -> inValue = wanted;
        case "is" -> inInline = wanted;
        case "t" -> inValue = inInline && phonetic == 0;
        case "rPh" -> phonetic++;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        if (value.length() + length > most) {
          throw table.limits().cellTooLong(row, column);
        }
        value.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (local(localName, qName)) {
        case "v", "t" -> inValue = false;
        case "is" -> inInline = false;
        case "rPh" -> phonetic--;
        case "c" -> {
          if (wanted) {
            table.cell(column, text());
          }
          wanted = false;
        }
        case "row" -> table.endRow(1);
        default -> {}
      }
    }

    private String text() {
      String raw = value.toString();
      return switch (type) {
        case "s" -> {
          Integer index = integer(raw.strip());
          yield index == null ? "" : strings.get(index);
        }
        case "b" -> raw.isEmpty() ? "" : raw.equals("0") ? "FALSE" : "TRUE";
        case "inlineStr", "str", "e", "d" -> raw;
        default -> raw.isEmpty() ? "" : formats.format(raw.strip(), style);
      };
    }

    /** The column of a cell reference such as "C7" (0 is A), or -1 without one. */
    private static int columnOf(@Nullable String reference) {
      if (reference == null) {
        return -1;
      }
      int column = 0;
      int i = 0;
      for (; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
        column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        if (column > 1_000_000) {
          return -1;
        }
      }
      return i == 0 ? -1 : column - 1;
    }
  }

  private static @Nullable Integer integer(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
