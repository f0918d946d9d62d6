package org.ccrhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * compose.yaml, the way a council's IT starts CCR Hub with PostgreSQL 18 (ADR 25): what it promises
 * about the container, and that the settings it names are the ones CCR Hub reads.
 */
class ComposeFileTests {

  private final Map<String, Object> compose = yaml("compose.yaml");
  private final Map<String, Object> db = map(map(compose, "services"), "db");
  private final Map<String, Object> app = map(map(compose, "services"), "app");

  @Test
  void runsTheServerAsANumericUserOtherThanRootOnAReadOnlyRootWithATemporaryFolder()
      throws IOException {
    assertThat(app.get("read_only")).isEqualTo(true);
    String user = (String) app.get("user");
    assertThat(user).matches("\\d+(:\\d+)?");
    assertThat(user.split(":")[0]).isNotEqualTo("0");
    // the image runs as the same user when it is started without compose
    assertThat(Files.readString(Path.of("pom.xml"))).contains("<user>" + user + "</user>");
    assertThat(list(app, "tmpfs")).anySatisfy(t -> assertThat(t).asString().startsWith("/tmp"));
    assertThat(list(app, "volumes")).contains("app-data:/data");
  }

  @Test
  void usesPostgreSql18WithItsDataInTheFolderThatVersionKeepsIt() {
    Matcher image =
        Pattern.compile("postgres:(\\d+)(\\..*)?(@sha256:.*)?").matcher((String) db.get("image"));
    assertThat(image.matches()).isTrue();
    assertThat(image.group(1)).isEqualTo("18");
    assertThat(list(db, "volumes")).contains("db-data:/var/lib/postgresql");
  }

  @Test
  void startsTheServerOnceTheDatabaseIsHealthyAndChecksItsHealthWithoutSpring() throws Exception {
    assertThat(map(map(app, "depends_on"), "db")).containsEntry("condition", "service_healthy");
    assertThat(list(map(db, "healthcheck"), "test")).contains("pg_isready");
    List<Object> probe = list(map(app, "healthcheck"), "test");
    assertThat(probe).contains("CMD", "org.ccrhub.cli.HealthProbe", "8080");
    assertThat(Class.forName("org.ccrhub.cli.HealthProbe")).isNotNull();
    assertThat(list(app, "ports")).containsExactly("127.0.0.1:8080:8080");
  }

  @Test
  void keepsEveryPasswordAndKeyInAFileNeverInTheComposeFile() throws IOException {
    List<String> inline = new ArrayList<>();
    for (Map<String, Object> service : List.of(db, app)) {
      Map<String, Object> environment = map(service, "environment");
      environment.forEach(
          (name, value) -> {
            if (name.matches("(?i).*(PASSWORD|KEY|SECRET|TOKEN).*")
                && !(name.endsWith("_FILE") && String.valueOf(value).startsWith("/run/secrets/"))) {
              inline.add(name);
            }
          });
    }
    assertThat(inline).isEmpty();
    // every secret is a file that make-secrets.sh makes, in the folder git ignores
    String maker = Files.readString(Path.of("deploy/compose/make-secrets.sh"));
    map(compose, "secrets")
        .forEach(
            (name, secret) -> {
              assertThat(((Map<?, ?>) secret).get("file")).isEqualTo("./secrets/" + name);
              assertThat(maker).contains("make " + name + " ");
            });
    assertThat(Files.readAllLines(Path.of(".gitignore"))).contains("/secrets/");
  }

  @Test
  void namesTheSecretFilesAfterSettingsCcrHubReads() throws IOException {
    assertThat(map(app, "environment"))
        .containsEntry("SPRING_CONFIG_IMPORT", "configtree:/run/secrets/");
    List<Object> targets = new ArrayList<>();
    for (Object secret : list(app, "secrets")) {
      targets.add(((Map<?, ?>) secret).get("target"));
    }
    assertThat(targets)
        .containsExactlyInAnyOrder(
            "CCR_DB_PASSWORD", "spring.flyway.password", "CCR_AUDIT_KEY", "CCR_TWO_FACTOR_KEY");
    String settings = Files.readString(Path.of("src/main/resources/application.properties"));
    assertThat(settings)
        .contains("spring.datasource.password=${CCR_DB_PASSWORD:}")
        .contains("ccr.audit.key=${CCR_AUDIT_KEY:}")
        .contains("ccr.two-factor.key=${CCR_TWO_FACTOR_KEY:}")
        .contains("spring.datasource.username=${CCR_DB_USER:}")
        .contains("spring.datasource.url=${CCR_DB_URL:}");
  }

  private static Map<String, Object> yaml(String file) {
    try {
      return new Yaml().load(Files.readString(Path.of(file)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object parent, String key) {
    Object value = ((Map<String, Object>) parent).get(key);
    assertThat(value).as(key).isInstanceOf(List.class);
    return (List<Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object parent, String key) {
    Object value = ((Map<String, Object>) parent).get(key);
    assertThat(value).as(key).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
