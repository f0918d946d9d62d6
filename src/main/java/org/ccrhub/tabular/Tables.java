package org.ccrhub.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads uploaded CSV and XLSX files into {@link Table}s. */
public final class Tables {

  /** Larger files are refused before they are read. */
  public static final int MAX_BYTES = 25 * 1024 * 1024;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private Tables() {}

  /**
   * Reads a CSV or XLSX file (told apart by content, not by name). The first non-blank row is the
   * header.
   */
  public static Table read(byte[] bytes) {
    if (bytes.length == 0) {
      throw new UnreadableFileException("The file is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new UnreadableFileException(
          "The file is "
              + (bytes.length / (1024 * 1024))
              + " MB: files of up to "
              + (MAX_BYTES / (1024 * 1024))
              + " MB can be imported");
    }
    List<List<String>> rows =
        !isZip(bytes) ? readCsv(bytes) : isOds(bytes) ? readOds(bytes) : readXlsx(bytes);
    int headerIndex = 0;
    while (headerIndex < rows.size() && rows.get(headerIndex).stream().allMatch(String::isBlank)) {
      headerIndex++;
    }
    if (headerIndex == rows.size()) {
      throw new UnreadableFileException("The file has no header row and no data");
    }
    List<String> header = rows.get(headerIndex).stream().map(String::strip).toList();
    List<Table.Row> data = new ArrayList<>();
    for (int i = headerIndex + 1; i < rows.size(); i++) {
      data.add(new Table.Row(i + 1, rows.get(i).stream().map(Tables::unneutralise).toList()));
    }
    return new Table(header, data);
  }

  /** Undoes {@link Formulas#neutralise}, so that an exported file imports unchanged. */
  static String unneutralise(String cell) {
    return cell.length() >= 2 && cell.charAt(0) == '\'' && Formulas.isRisky(cell.substring(1))
        ? cell.substring(1)
        : cell;
  }

  private static boolean isZip(byte[] bytes) {
    return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
  }

  /** An OpenDocument spreadsheet has a content.xml where an XLSX file has xl/workbook.xml. */
  private static boolean isOds(byte[] bytes) {
    try (java.util.zip.ZipInputStream zip =
        new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals("content.xml")) {
          return true;
        }
        if (entry.getName().startsWith("xl/")) {
          return false;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  private static List<List<String>> readOds(byte[] bytes) {
    try {
      com.github.miachm.sods.SpreadSheet spreadsheet =
          new com.github.miachm.sods.SpreadSheet(new ByteArrayInputStream(bytes));
      if (spreadsheet.getNumSheets() == 0) {
        throw new UnreadableFileException("The spreadsheet has no sheets");
      }
      com.github.miachm.sods.Sheet sheet = spreadsheet.getSheet(0);
      Object[][] values = sheet.getDataRange().getValues();
      List<List<String>> rows = new ArrayList<>();
      for (Object[] row : values) {
        List<String> cells = new ArrayList<>();
        for (Object value : row) {
          cells.add(value == null ? "" : value.toString());
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnreadableFileException u) {
        throw u;
      }
      throw new UnreadableFileException(
          "The file looks like an OpenDocument spreadsheet but could not be read");
    }
  }

  private static List<List<String>> readCsv(byte[] bytes) {
    String text = decode(bytes);
    if (text.indexOf('\0') >= 0) {
      throw new UnreadableFileException(
          "The file is not a CSV or XLSX spreadsheet (it contains binary data)");
    }
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(new StringReader(text))) {
      for (CSVRecord record : parser) {
        List<String> cells = new ArrayList<>();
        record.forEach(cells::add);
        rows.add(cells);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new UnreadableFileException(
          "The CSV file could not be read: check that quoted cells are closed with a quote");
    } catch (IllegalStateException e) {
      throw new UnreadableFileException(
          "The CSV file could not be read: check that quoted cells are closed with a quote");
    }
    return rows;
  }

  /** UTF-8 (with or without a byte order mark), or Windows-1252 when it is not valid UTF-8. */
  static String decode(byte[] bytes) {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, WINDOWS_1252);
    }
  }

  private static List<List<String>> readXlsx(byte[] bytes) {
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      if (workbook.getNumberOfSheets() == 0) {
        throw new UnreadableFileException("The spreadsheet has no sheets");
      }
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter();
      List<List<String>> rows = new ArrayList<>();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        List<String> cells = new ArrayList<>();
        var row = sheet.getRow(r);
        if (row != null) {
          for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            cells.add(cell == null ? "" : formatter.formatCellValue(cell));
          }
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnreadableFileException u) {
        throw u;
      }
      throw new UnreadableFileException(
          "The file looks like a spreadsheet but could not be read: save it as XLSX or CSV and"
              + " try again");
    }
  }
}
