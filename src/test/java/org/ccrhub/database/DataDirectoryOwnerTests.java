package org.ccrhub.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Data directories another user could have prepared, or could swap, are refused. */
class DataDirectoryOwnerTests {

  private final Path base =
      Path.of("target", "test-data", "owner-" + UUID.randomUUID()).toAbsolutePath();

  @Test
  void acceptsADirectoryOfItsOwnUnderFoldersOnlyRootAndItCanChange() throws Exception {
    Path dataDirectory = Files.createDirectories(base.resolve("ccr-data"));

    assertThatCode(() -> DataDirectoryOwner.check(dataDirectory)).doesNotThrowAnyException();
    assertThatCode(() -> DataDirectoryOwner.check(base.resolve("not-made-yet")))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesADirectoryThatBelongsToAnotherUser() throws Exception {
    assumeThat(System.getProperty("user.name"))
        .as("chown needs root (CI runs as root)")
        .isEqualTo("root");
    Path planted = Files.createDirectories(base.resolve("planted"));
    Files.setAttribute(planted, "unix:uid", 65534); // nobody

    assertThatThrownBy(() -> DataDirectoryOwner.check(planted))
        .hasMessage(
            "The data directory "
                + planted
                + " belongs to another user (uid 65534), who could have put files in it that CCR"
                + " Hub would run. Use a directory made by the user that runs CCR Hub.");
  }

  @Test
  void refusesAFolderAboveThatEveryoneMayChangeUnlessItIsSticky() throws Exception {
    Path shared = Files.createDirectories(base.resolve("shared"));
    Files.setAttribute(shared, "unix:mode", 0777);

    assertThatThrownBy(() -> DataDirectoryOwner.check(shared.resolve("ccr-data")))
        .hasMessageStartingWith(
            "The folder " + shared + " above the data directory can be changed by every user");

    Files.setAttribute(shared, "unix:mode", 01777); // like /tmp
    assertThatCode(() -> DataDirectoryOwner.check(shared.resolve("ccr-data")))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAFolderAboveThatBelongsToAnotherUser() throws Exception {
    assumeThat(System.getProperty("user.name"))
        .as("chown needs root (CI runs as root)")
        .isEqualTo("root");
    Path theirs = Files.createDirectories(base.resolve("theirs"));
    Files.setAttribute(theirs, "unix:uid", 65534);

    assertThatThrownBy(() -> DataDirectoryOwner.check(theirs.resolve("ccr-data")))
        .hasMessageStartingWith(
            "The folder "
                + theirs
                + " above the data directory belongs to another user (uid"
                + " 65534)");
  }
}
