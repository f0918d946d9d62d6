package org.ccrhub.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubApplication;
import org.ccrhub.Fixtures;
import org.ccrhub.HttpBrowser;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code backup} and {@code restore} as an operator uses them: the demo installation (plans with
 * progress, indicators, MARAC, information sharing), with an issued board pack, backed up while it
 * serves, restored into a new data directory, and the restored installation compared with the
 * original: its tables byte for byte, its pages, and its audit trail. Embedded databases only:
 * restoring needs a second database, which CI's external owner role cannot create.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupAndRestoreTests {

  private static final String SLUG = "northbridge";
  private static final String ADMIN = "backup.admin@northbridge.test";

  @TempDir static Path root;
  private Path source;
  private Path backup;
  private BackupManifest manifest;
  private final Map<String, byte[]> sourcePages = new LinkedHashMap<>();
  private String sourceAudit;
  private final List<String> paths = new ArrayList<>();

  @BeforeAll
  void backUpADemoInstallationWhileItServes() throws Exception {
    source = root.resolve("source");
    backup = root.resolve("ccr-hub.backup");
    try (ConfigurableApplicationContext app = start(source, true)) {
      Partnership northbridge = app.getBean(Partnerships.class).findBySlug(SLUG).orElseThrow();
      app.getBean(Accounts.class)
          .addMember(northbridge, ADMIN, "Backup Admin", Role.PARTNERSHIP_ADMIN, Fixtures.PASSWORD);
      AdminCommands.Result issued =
          command(
              source,
              "report",
              "board-pack",
              "--partnership",
              SLUG,
              "--period",
              "2025/26 Q4",
              "--meeting-date",
              "2026-05-12",
              "--format",
              "pdf",
              "--out",
              root.resolve("issued.pdf").toString(),
              "--issue");
      assertThat(issued.exitCode()).as(issued.err()).isZero();

      AdminCommands.Result result = command(source, "backup", "--out", backup.toString());
      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).contains("Backup written to " + backup);
      sourceAudit = command(source, "audit", "verify").out(); // as the backup holds it

      JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
      long planId =
          jdbc.sql("select min(id) from delivery_plan where partnership_id = :p")
              .param("p", northbridge.id())
              .query(Long.class)
              .single();
      long packId =
          jdbc.sql("select max(id) from issued_board_pack where partnership_id = :p")
              .param("p", northbridge.id())
              .query(Long.class)
              .single();
      String p = "/p/" + SLUG;
      paths.addAll(
          List.of(
              "/public/" + SLUG + "/plans",
              p,
              p + "/plans/" + planId,
              p + "/plans/" + planId + "/exceptions.csv",
              p + "/plans/" + planId + "/exceptions",
              p + "/indicators",
              p + "/reports",
              p + "/board-pack",
              p + "/board-pack/issued/" + packId + ".pdf",
              p + "/admin"));
      sourcePages.putAll(pages(port(app)));
    }
  }

  @Test
  void aRestoredInstallationHasEveryRecordPageAndFileOfTheBackedUpOne() throws Exception {
    manifest = Restores.checked(new ZipFile(backup.toFile()));
    assertThat(Files.getPosixFilePermissions(backup))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(manifest.tables())
        .extracting(BackupManifest.Table::name)
        .contains("audit_event", "issued_board_pack", "sharing_attachment", "marac_referral")
        .doesNotContain(
            "spring_session", "spring_session_attributes", "pending_upload", "api_rate");
    assertThat(manifest.files())
        .extracting(BackupManifest.DataFile::name)
        .containsExactly("audit-checkpoint", "audit.key", "two-factor.key");
    assertThat(rows("issued_board_pack")).isEqualTo(1);

    Path restored = root.resolve("restored");
    AdminCommands.Result result = command(restored, "restore", "--file", backup.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Restored " + manifest.tables().size() + " tables");
    assertThat(Files.getPosixFilePermissions(restored.resolve("two-factor.key")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));

    // the restored tables, backed up again, are byte for byte those of the backup
    Path again = root.resolve("again.backup");
    assertThat(command(restored, "backup", "--out", again.toString()).exitCode()).isZero();
    BackupManifest copy = Restores.checked(new ZipFile(again.toFile()));
    assertThat(copy.tables()).isEqualTo(manifest.tables());
    assertThat(copy.sequences()).isEqualTo(manifest.sequences());

    AdminCommands.Result verified = command(restored, "audit", "verify");
    assertThat(verified.exitCode()).as(verified.err()).isZero();
    assertThat(verified.out()).startsWith("Audit trail intact").isEqualTo(sourceAudit);

    try (ConfigurableApplicationContext app = start(restored, false)) {
      Map<String, byte[]> restoredPages = pages(port(app));
      for (String path : paths) {
        assertThat(text(restoredPages.get(path))).as(path).isEqualTo(text(sourcePages.get(path)));
      }
    }
  }

  @Test
  void refusesADataDirectoryThatIsNotEmpty() throws Exception {
    Path used = root.resolve("used");
    Files.createDirectories(used);
    Files.writeString(used.resolve("notes.txt"), "mine");
    AdminCommands.Result result = command(used, "restore", "--file", backup.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("The data directory " + used + " is not empty (it has notes.txt)");
    assertThat(used.resolve("postgres")).doesNotExist();
  }

  @Test
  void refusesABackupChangedAfterItWasWritten() throws Exception {
    Path altered = root.resolve("altered.backup");
    try (ZipFile original = new ZipFile(backup.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(altered))) {
      Enumeration<? extends ZipEntry> entries = original.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        byte[] bytes;
        try (InputStream in = original.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        if (entry.getName().equals("tables/audit_event.copy")) {
          String text = new String(bytes, StandardCharsets.UTF_8);
          bytes = text.replaceFirst("CREATE", "DELETE").getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    Path target = root.resolve("from-altered");
    AdminCommands.Result result = command(target, "restore", "--file", altered.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("is damaged or was altered, so nothing was restored")
        .contains("tables/audit_event.copy is not as it was written");
    assertThat(target).doesNotExist();
  }

  private long rows(String table) {
    return manifest.tables().stream()
        .filter(t -> t.name().equals(table))
        .findFirst()
        .orElseThrow()
        .rows();
  }

  private Map<String, byte[]> pages(int port) throws Exception {
    HttpBrowser browser = new HttpBrowser(port);
    HttpResponse<String> signedIn = browser.signIn(ADMIN, Fixtures.PASSWORD, null);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    HttpClient http = HttpClient.newHttpClient();
    Map<String, byte[]> pages = new LinkedHashMap<>();
    for (String path : paths) {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Cookie", browser.cookie())
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      pages.put(path, response.body());
    }
    return pages;
  }

  /**
   * A page without what differs with each session: its CSRF token, script nonce, and the time the
   * session ends.
   */
  private static String text(byte[] body) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    return text.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
        .replaceAll("data-csrf-token=\"[^\"]*\"", "data-csrf-token")
        .replaceAll("nonce=\"[^\"]*\"", "nonce")
        .replaceAll("data-ends-in=\"[^\"]*\"", "data-ends-in")
        .replaceAll("signed out at [^.]*\\.", "signed out at.");
  }

  private static ConfigurableApplicationContext start(Path dataDirectory, boolean demo) {
    // as arguments, which override application.properties (default properties would not)
    return new SpringApplicationBuilder(CcrHubApplication.class)
        .run(
            "--ccr.data-dir=" + dataDirectory,
            "--spring.datasource.url=",
            "--server.port=0",
            "--ccr.demo=" + demo,
            "--ccr.documents.warm-up=false",
            "--ccr.imports.warm-up=false");
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  private static AdminCommands.Result command(Path dataDirectory, String... args) {
    return AdminCommands.runWith(List.of("--ccr.data-dir=" + dataDirectory), "", args);
  }
}
