package org.ccrhub.exports;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What a file holds, written out when {@link Exports} makes it: a spreadsheet writer streaming its
 * rows, say. It must not close the stream.
 */
@FunctionalInterface
public interface FileContent {

  void writeTo(OutputStream out) throws IOException;
}
