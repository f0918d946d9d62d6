package org.ccrhub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ccrhub.shared.InvalidInputException;

/** Files that commands read and write, with plain messages when they cannot. */
public final class CommandFiles {

  private CommandFiles() {}

  /** The file's bytes; refused with a message when it is missing, unreadable or too large. */
  public static byte[] read(Path file, long maxBytes) {
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new InvalidInputException(
            "File '"
                + file
                + "' is "
                + size / (1024 * 1024)
                + " MB: files of up to "
                + maxBytes / (1024 * 1024)
                + " MB can be imported");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("File '" + file + "' does not exist");
    } catch (IOException e) {
      throw new InvalidInputException("File '" + file + "' cannot be read");
    }
  }

  public static void write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new InvalidInputException("File '" + file + "' cannot be written");
    }
  }
}
