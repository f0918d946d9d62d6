package org.ccrhub.exports;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;

/**
 * A file made in memory in pieces of at most {@value #MOST} bytes, so that it takes its own size
 * and no more: a growing array doubles and copies (a 22 MB CSV of a long plan took up to 54 MB that
 * way), and turning it into one array at the end would copy it again. It is sent from the pieces.
 */
final class FileBuffer extends OutputStream {

  private static final int FIRST = 8 * 1024;
  private static final int MOST = 1024 * 1024;

  private final List<byte[]> pieces = new ArrayList<>();
  private byte[] current = new byte[FIRST];
  private int used;
  private long size;

  @Override
  public void write(int b) {
    if (used == current.length) {
      next();
    }
    current[used++] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    while (length > 0) {
      if (used == current.length) {
        next();
      }
      int n = Math.min(length, current.length - used);
      System.arraycopy(bytes, offset, current, used, n);
      used += n;
      offset += n;
      length -= n;
      size += n;
    }
  }

  /** Keeps the full piece and starts one twice its size, up to the most. */
  private void next() {
    pieces.add(current);
    current = new byte[Math.min(MOST, current.length * 2)];
    used = 0;
  }

  long size() {
    return size;
  }

  InputStream inputStream() {
    List<InputStream> streams = new ArrayList<>();
    pieces.forEach(piece -> streams.add(new ByteArrayInputStream(piece)));
    streams.add(new ByteArrayInputStream(current, 0, used));
    return new SequenceInputStream(Collections.enumeration(streams));
  }

  byte[] toByteArray() {
    byte[] all = new byte[Math.toIntExact(size)];
    int at = 0;
    for (byte[] piece : pieces) {
      System.arraycopy(piece, 0, all, at, piece.length);
      at += piece.length;
    }
    System.arraycopy(current, 0, all, at, used);
    return all;
  }

  /** The file to send, read from the pieces, with its length. */
  Resource resource(String name) {
    return new AbstractResource() {
      @Override
      public String getDescription() {
        return "file " + name + " made in memory";
      }

      @Override
      public InputStream getInputStream() {
        return inputStream();
      }

      @Override
      public long contentLength() {
        return size;
      }

      @Override
      public boolean exists() {
        return true;
      }
    };
  }
}
