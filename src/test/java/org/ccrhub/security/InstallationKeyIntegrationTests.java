package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Consumer;
import org.ccrhub.CcrHubTest;
import org.ccrhub.TestDatabase;
import org.ccrhub.shared.InstallationKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every server of an installation must have its two-factor key: the test application (the first
 * server) recorded its key's fingerprint, and servers started with another key, or with none, are
 * refused at start with what to do, instead of sealing secrets that the others cannot open.
 */
@CcrHubTest
class InstallationKeyIntegrationTests {

  private static final String OTHER_KEY =
      Base64.getEncoder().encodeToString("another-key-made-by-node-b-32byt".getBytes());

  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @TempDir Path nodeB;
  @TempDir Path nodeC;

  @Test
  void aServerWithTheInstallationsKeyStartsAndOneWithAnotherIsRefusedSayingWhatToDo() {
    assertThat(InstallationKeys.recorded(jdbc, "two-factor"))
        .hasValue(
            TwoFactorKey.fingerprint(Base64.getDecoder().decode(TestDatabase.TWO_FACTOR_KEY)));
    new TwoFactorKey(TestDatabase.TWO_FACTOR_KEY, nodeB.toString(), false, jdbc);

    assertThatThrownBy(() -> new TwoFactorKey(OTHER_KEY, nodeB.toString(), false, jdbc))
        .isInstanceOf(TwoFactorKeyException.class)
        .hasMessageStartingWith("This server's two-factor key (ccr.two-factor.key")
        .hasMessageContaining(
            "is not the key of the other servers of this installation (fingerprint "
                + InstallationKeys.recorded(jdbc, "two-factor").orElseThrow())
        .hasMessageContaining("set ccr.two-factor.key (CCR_TWO_FACTOR_KEY) to it on each");
  }

  @Test
  void aServerWithNoKeyIsRefusedRatherThanMakingItsOwnUnlessTheKeyIsLostForGood() {
    assertThatThrownBy(() -> new TwoFactorKey("", nodeB.toString(), false, jdbc))
        .isInstanceOf(TwoFactorKeyException.class)
        .hasMessageStartingWith("This server has no two-factor key")
        .hasMessageContaining("--ccr.two-factor.replace-lost-key=true");
    assertThat(nodeB.resolve(TwoFactorKey.FILE_NAME)).doesNotExist();

    inARolledBackTransaction(
        jdbc -> {
          new TwoFactorKey("", nodeB.toString(), true, jdbc);
          byte[] made = read(nodeB.resolve(TwoFactorKey.FILE_NAME));
          assertThat(InstallationKeys.recorded(jdbc, "two-factor"))
              .hasValue(TwoFactorKey.fingerprint(made));
        });
  }

  @Test
  void twoServersStartingOnANewInstallationWithoutAKeyShareTheFirstsKeyOrAreRefused()
      throws Exception {
    inARolledBackTransaction(
        jdbc -> {
          jdbc.sql("delete from installation_key where name = 'two-factor'").update();
          new TwoFactorKey("", nodeB.toString(), false, jdbc);
          assertThat(InstallationKeys.recorded(jdbc, "two-factor"))
              .hasValue(TwoFactorKey.fingerprint(read(nodeB.resolve(TwoFactorKey.FILE_NAME))));

          // the second made no key of its own
          assertThatThrownBy(() -> new TwoFactorKey("", nodeC.toString(), false, jdbc))
              .hasMessageStartingWith("This server has no two-factor key");
          assertThat(nodeC.resolve(TwoFactorKey.FILE_NAME)).doesNotExist();
          // given the first's file, it starts
          copy(nodeB, nodeC);
          new TwoFactorKey("", nodeC.toString(), false, jdbc);
        });
  }

  private void inARolledBackTransaction(Consumer<JdbcClient> work) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              work.accept(jdbc);
              status.setRollbackOnly();
            });
  }

  private static byte[] read(Path file) {
    try {
      return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from.resolve(TwoFactorKey.FILE_NAME), to.resolve(TwoFactorKey.FILE_NAME));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
