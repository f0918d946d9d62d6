package org.ccrhub.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads CSV (RFC 4180: fields separated by commas, quoted with double quotes, a doubled quote for a
 * quote, records ended by CRLF, LF or CR) as a stream of characters, keeping only the cells the
 * table needs and refusing an over-long cell as soon as it passes the limit, so that no cell or
 * record is ever held whole before it is checked. The text is UTF-8 (with or without a byte order
 * mark), or Windows-1252 (as Excel writes it) when it is not valid UTF-8.
 */
final class CsvReader {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final String UNCLOSED =
      "The CSV file could not be read: check that quoted cells are closed with a quote";

  private enum State {
    START,
    UNQUOTED,
    QUOTED,
    QUOTE_IN_QUOTED,
    AFTER_QUOTED
  }

  private final TableBuilder table;
  private final int maxCell;
  private final StringBuilder field = new StringBuilder();
  private State state = State.START;
  private int row = 1;
  private int column;
  private boolean recordStarted;
  private boolean skipLineFeed;

  private CsvReader(TableBuilder table) {
    this.table = table;
    this.maxCell = table.limits().maxCellCharacters();
  }

  static void read(byte[] bytes, TableBuilder table) {
    for (byte b : bytes) {
      if (b == 0) {
        throw new UnreadableFileException(
            "The file is not a CSV or XLSX spreadsheet (it contains binary data)");
      }
    }
    int start = hasByteOrderMark(bytes) ? 3 : 0;
    Charset charset = isUtf8(bytes, start) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    try (Reader reader =
        new InputStreamReader(
            new ByteArrayInputStream(bytes, start, bytes.length - start), charset)) {
      new CsvReader(table).parse(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void parse(Reader reader) throws IOException {
    char[] buffer = new char[16 * 1024];
    table.startRow(row);
    for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
      for (int i = 0; i < n; i++) {
        accept(buffer[i]);
      }
      table.tick();
    }
    if (state == State.QUOTED) {
      throw new UnreadableFileException(UNCLOSED);
    }
    if (recordStarted) {
      endField();
      table.endRow(1);
    }
  }

  private void accept(char c) {
    if (skipLineFeed) {
      skipLineFeed = false;
      if (c == '\n') {
        return;
      }
    }
    recordStarted = true;
    switch (state) {
      case START -> {
        if (c == '"') {
          state = State.QUOTED;
        } else {
          state = State.UNQUOTED;
          plain(c);
        }
      }
      case UNQUOTED -> plain(c);
      case QUOTED -> {
        if (c == '"') {
          state = State.QUOTE_IN_QUOTED;
        } else {
          append(c);
        }
      }
      case QUOTE_IN_QUOTED -> {
        if (c == '"') {
          append('"');
          state = State.QUOTED;
        } else {
          state = State.AFTER_QUOTED;
          afterQuoted(c);
        }
      }
      case AFTER_QUOTED -> afterQuoted(c);
    }
  }

  private void plain(char c) {
    if (c == ',') {
      endField();
    } else if (c == '\r' || c == '\n') {
      endRecord(c);
    } else {
      append(c);
    }
  }

  private void afterQuoted(char c) {
    if (c == ',' || c == '\r' || c == '\n') {
      plain(c);
    } else if (!Character.isWhitespace(c)) {
      throw new UnreadableFileException(UNCLOSED);
    }
  }

  private void append(char c) {
    if (table.wants(column)) {
      if (field.length() == maxCell) {
        throw table.limits().cellTooLong(row, column);
      }
      field.append(c);
    }
  }

  private void endField() {
    if (table.wants(column)) {
      table.cell(column, field.toString());
    }
    field.setLength(0);
    column++;
    state = State.START;
  }

  private void endRecord(char c) {
    endField();
    table.endRow(1);
    column = 0;
    recordStarted = false;
    skipLineFeed = c == '\r';
    table.startRow(++row);
  }

  private static boolean hasByteOrderMark(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
  }

  /** Whether the bytes are valid UTF-8, checked a piece at a time (never decoded whole). */
  private static boolean isUtf8(byte[] bytes, int start) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(16 * 1024);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return false;
      }
      if (result.isUnderflow()) {
        return !decoder.flush(out.clear()).isError();
      }
      out.clear();
    }
  }
}
