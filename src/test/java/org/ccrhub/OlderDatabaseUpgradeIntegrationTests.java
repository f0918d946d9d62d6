package org.ccrhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.audit.EarlierTrail;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * This version starts on the database of an earlier one and migrates it: an installation at V0028
 * (before the decision log was recorded as made, API tokens and the installation's keys), with a
 * partnership, an administrator, a plan rated for a quarter and an audit trail with its checkpoint
 * as that version left them. After the upgrade the plan and its report read as before, a new rating
 * is recorded, and {@code audit verify} finds the earlier records and the new ones intact. A
 * separate installation in a schema of its own, with its own data directory and keys.
 */
@CcrHubTest
class OlderDatabaseUpgradeIntegrationTests {

  private static final String EARLIER_VERSION = "28";
  private static final Pattern SEEN_UPDATE =
      Pattern.compile("name=\"seenUpdateId\" value=\"([^\"]*)\"");

  @Autowired DatabaseAdministrator administrator;

  private final String schema =
      "older_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final Path dataDirectory = Path.of("target", "test-data", schema).toAbsolutePath();

  @AfterEach
  void dropTheSchema() {
    JdbcClient.create(administrator.superuserDataSource().orElseGet(administrator::ownerDataSource))
        .sql("drop schema if exists " + schema + " cascade")
        .update();
  }

  @Test
  void migratesAnEarlierVersionsDatabaseWhosePlansReportsAndAuditTrailCarryOn() throws Exception {
    FluentConfiguration flyway = migrations();
    flyway.target(EARLIER_VERSION).load().migrate();
    JdbcClient owner = JdbcClient.create(flyway.getDataSource());
    String s = schema + ".";
    long partnership =
        id(owner, "insert into " + s + "partnership (slug, name) values ('older', 'Older CSP')");
    long account =
        id(
            owner,
            "insert into "
                + s
                + "user_account (email, display_name, password_hash) values"
                + " ('olive@older.example', 'Olive Older', '"
                + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(Fixtures.PASSWORD)
                + "')");
    owner
        .sql(
            "insert into "
                + s
                + "membership (user_account_id, partnership_id, role)"
                + " values (:a, :p, 'PARTNERSHIP_ADMIN')")
        .param("a", account)
        .param("p", partnership)
        .update();
    long plan =
        id(
            owner,
            "insert into "
                + s
                + "delivery_plan (partnership_id, name, first_year, last_year) values ("
                + partnership
                + ", 'Older plan', 2016, 2016)");
    long outcome =
        id(
            owner,
            "insert into "
                + s
                + "plan_outcome (plan_id, ref, title, position) values ("
                + plan
                + ", '1', 'Safer housing', 1)");
    owner
        .sql(
            "insert into "
                + s
                + "reporting_period (partnership_id, plan_id, year, quarter, due_date)"
                + " values (:p, :plan, 2016, 2, date '2016-10-14')")
        .param("p", partnership)
        .param("plan", plan)
        .update();
    String[][] actions = {
      {"1.1", "Train housing staff", "GREEN", null},
      {"1.2", "Open a refuge", "AMBER_RED", "Planning permission is late"}
    };
    for (int i = 0; i < actions.length; i++) {
      long action =
          id(
              owner,
              "insert into "
                  + s
                  + "plan_action (plan_id, outcome_id, ref, text, position) values ("
                  + plan
                  + ", "
                  + outcome
                  + ", '"
                  + actions[i][0]
                  + "', '"
                  + actions[i][1]
                  + "', "
                  + (i + 1)
                  + ")");
      owner
          .sql(
              "insert into "
                  + s
                  + "progress_update (action_id, year, quarter, rating, comment, recorded_by,"
                  + " recorded_at) values (:a, 2016, 2, :r, :c, 'Olive Older',"
                  + " timestamptz '2016-09-30 10:00:00+00')")
          .param("a", action)
          .param("r", actions[i][2])
          .param("c", actions[i][3])
          .update();
    }
    Instant at = Instant.parse("2026-11-30T09:00:00.000001Z");
    new EarlierTrail(owner, schema, dataDirectory, TestDatabase.AUDIT_KEY, at)
        .record(
            at.plusSeconds(60),
            "olive@older.example",
            account,
            null,
            "SIGN_IN",
            "Account",
            String.valueOf(account),
            "Signed in")
        .record(
            at.plusSeconds(120),
            "olive@older.example",
            account,
            partnership,
            "IMPORT",
            "DeliveryPlan",
            String.valueOf(plan),
            "Imported Older plan")
        .record(
            at.plusSeconds(180),
            "olive@older.example",
            account,
            partnership,
            "RATE",
            "Action",
            "1.2",
            "Rated 1.2 Amber/Red for 2016/17 Q2");

    try (ConfigurableApplicationContext upgraded = start()) {
      MigrationInfoService migrated = flyway.target("latest").load().info();
      assertThat(migrated.pending()).as("nothing left to migrate").isEmpty();
      assertThat(migrated.current().getVersion())
          .as("migrated to this version's last migration")
          .isEqualTo(
              Arrays.stream(migrated.all())
                  .map(MigrationInfo::getVersion)
                  .filter(java.util.Objects::nonNull)
                  .max(Comparator.naturalOrder())
                  .orElseThrow());
      int port = ((WebServerApplicationContext) upgraded).getWebServer().getPort();
      HttpBrowser browser = new HttpBrowser(port);
      assertThat(
              browser
                  .signIn("olive@older.example", Fixtures.PASSWORD, null)
                  .headers()
                  .firstValue("Location"))
          .hasValue("/");
      String planPath = "/p/older/plans/" + plan;
      assertThat(browser.get(planPath).body())
          .contains("Older plan", "Safer housing", "Train housing staff", "Open a refuge");
      String report = planPath + "/exceptions.csv?period=2016/17%20Q2";
      assertThat(browser.get(report).body())
          .contains("1.2,Open a refuge", "Amber/Red", "Planning permission is late")
          .doesNotContain("Train housing staff");

      String form = planPath + "/actions/1.1/progress?period=2016/17%20Q2";
      Matcher seen = SEEN_UPDATE.matcher(browser.get(form).body());
      assertThat(seen.find()).isTrue();
      HttpResponse<String> rated =
          browser.postForm(
              form, form, "rating=RED&comment=Trainer+left&seenUpdateId=" + seen.group(1));
      assertThat(rated.statusCode()).as(rated.body()).isEqualTo(302);
      assertThat(browser.get(report).body())
          .contains("1.1,Train housing staff", "Red", "Trainer left", "1.2,Open a refuge");
    }

    AdminCommands.Result verified = verify();
    assertThat(verified.exitCode()).as(verified.err()).isZero();
    assertThat(verified.out())
        .containsPattern(
            "Audit trail intact: ([4-9]|\\d\\d+) records checked in 2 chains; the end of each chain"
                + " matches the checkpoint of ");
    assertThat(
            owner
                .sql(
                    "select coalesce(partnership_id, 0) || ' ' || chain_seq || ' ' || summary from "
                        + s
                        + "audit_event order by id")
                .query(String.class)
                .list())
        .as("the earlier records as they were, and each chain carried on from them")
        .startsWith(
            "0 1 Signed in",
            "1 1 Imported Older plan",
            "1 2 Rated 1.2 Amber/Red for 2016/17 Q2",
            "0 2 Signed in");
  }

  private FluentConfiguration migrations() {
    List<String> connection = administrator.connectionTo(schema);
    return Flyway.configure()
        .dataSource(
            connection.get(0).substring("--spring.datasource.url=".length()),
            connection.get(3).substring("--spring.flyway.user=".length()),
            connection.get(4).substring("--spring.flyway.password=".length()))
        .schemas(schema)
        .locations("classpath:db/migration");
  }

  private static long id(JdbcClient owner, String insert) {
    return owner.sql(insert + " returning id").query(Long.class).single();
  }

  /** This version, as the earlier one ran: the keys in its data directory. */
  private ConfigurableApplicationContext start() throws Exception {
    Files.createDirectories(dataDirectory);
    List<String> args = new ArrayList<>(settings());
    args.addAll(
        List.of(
            "--spring.datasource.hikari.maximum-pool-size=4",
            "--server.port=0",
            "--ccr.documents.warm-up=false",
            "--ccr.imports.warm-up=false"));
    return new SpringApplicationBuilder(CcrHubApplication.class).run(args.toArray(String[]::new));
  }

  private AdminCommands.Result verify() {
    return AdminCommands.runWith(settings(), "", "audit", "verify");
  }

  private List<String> settings() {
    List<String> settings = new ArrayList<>(administrator.connectionTo(schema));
    settings.add("--ccr.data-dir=" + dataDirectory);
    settings.add("--ccr.audit.key=");
    settings.add("--ccr.two-factor.key=");
    return settings;
  }
}
