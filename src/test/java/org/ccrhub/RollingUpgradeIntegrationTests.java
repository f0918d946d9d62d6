package org.ccrhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rolling upgrade of two nodes, from this version to a newer one (ADR 26): the newer version's
 * first node migrates the database (here: this code with one more migration, {@code
 * db/future/V9999__future_expand.sql}, which only expands), and this version keeps serving on the
 * newer schema beside it, and starts again on it with Flyway as it is by default. One person's
 * requests go to either node. A separate installation in a schema of its own, with its own keys.
 */
@CcrHubTest
class RollingUpgradeIntegrationTests {

  private static final Pattern PREVIEW_KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");
  private static final Pattern SEEN_UPDATE =
      Pattern.compile("name=\"seenUpdateId\" value=\"([^\"]*)\"");

  @Autowired DatabaseAdministrator administrator;

  private String schema;
  private JdbcClient owner;
  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @BeforeEach
  void aSchemaOfItsOwn() {
    schema = "rolling_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    owner = JdbcClient.create(administrator.ownerDataSource());
  }

  @AfterEach
  void stopTheNodesAndDropTheSchema() {
    nodes.forEach(ConfigurableApplicationContext::close);
    JdbcClient.create(administrator.superuserDataSource().orElseGet(administrator::ownerDataSource))
        .sql("drop schema if exists " + schema + " cascade")
        .update();
  }

  @Test
  void thisVersionKeepsServingBesideANewerOneThatMigratedTheDatabaseAndStartsAgainOnIt()
      throws Exception {
    // the newer version's migrations, as its first node runs them
    migrations("classpath:db/migration", "classpath:db/future").load().migrate();
    ConfigurableApplicationContext newer =
        start("newer", "--spring.flyway.locations=classpath:db/migration,classpath:db/future");
    Partnership partnership =
        newer.getBean(Partnerships.class).create("rolling", "Rolling Upgrade Partnership");
    String manager = "manager@rolling.example";
    newer
        .getBean(Accounts.class)
        .addMember(partnership, manager, "Manager", Role.PARTNERSHIP_ADMIN, Fixtures.PASSWORD);

    // this version starts on the newer schema, Flyway as by default (validating, migrating)
    ConfigurableApplicationContext current = start("current");
    MigrationInfo newest = migrations("classpath:db/migration").load().info().current();
    assertThat(newest.getVersion().getVersion()).isEqualTo("9999");
    assertThat(newest.getState()).isEqualTo(MigrationState.FUTURE_SUCCESS);

    int portNewer = port(newer);
    int portCurrent = port(current);
    String base = "/p/rolling/plans";
    HttpBrowser browser = new HttpBrowser(portNewer);
    assertThat(browser.signIn(manager, Fixtures.PASSWORD, null).headers().firstValue("Location"))
        .hasValue("/");
    // previewed on this version, confirmed on the newer one
    HttpResponse<String> preview =
        browser
            .on(portCurrent)
            .postFile(
                base + "/import",
                base + "/import",
                Map.of("planName", "Rolling plan", "year", "2016/17", "period", "2016/17 Q2"),
                "file",
                "plan.csv",
                "ref,action,rag\n1.1,Train housing staff,Green\n1.2,Open a refuge,Green\n"
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    Matcher key = PREVIEW_KEY.matcher(preview.body());
    assertThat(key.find()).as(preview.body()).isTrue();
    HttpResponse<String> confirmed =
        browser
            .on(portNewer)
            .postForm(base + "/import", base + "/import/confirm", "key=" + key.group(1));
    assertThat(confirmed.statusCode()).isEqualTo(302);
    String plan = confirmed.headers().firstValue("Location").orElseThrow();
    String planPath = plan.substring(plan.indexOf("/p/"));
    long planId = Long.parseLong(planPath.substring(planPath.lastIndexOf('/') + 1));
    // the newer version writes what this one does not know
    owner
        .sql("update " + schema + ".delivery_plan set colour = 'teal' where id = :id")
        .param("id", planId)
        .update();
    owner
        .sql("insert into " + schema + ".plan_note (plan_id, body) values (:id, 'Board in May')")
        .param("id", planId)
        .update();

    // this version reads the plan and records a rating, which the newer one shows at once
    assertThat(browser.on(portCurrent).get(planPath).body())
        .contains("Rolling plan", "Train housing staff", "Open a refuge");
    current
        .getBean(ReportingPeriods.class)
        .open(
            partnership,
            current.getBean(DeliveryPlans.class).named(partnership, "Rolling plan"),
            ReportingPeriod.parse("2016/17 Q2"),
            Optional.empty(),
            Optional.empty());
    String form = planPath + "/actions/1.2/progress?period=2016/17%20Q2";
    Matcher seen = SEEN_UPDATE.matcher(browser.on(portCurrent).get(form).body());
    assertThat(seen.find()).isTrue();
    HttpResponse<String> rated =
        browser
            .on(portCurrent)
            .postForm(
                form,
                form,
                "rating=RED&comment=The+lease+fell+through&seenUpdateId=" + seen.group(1));
    assertThat(rated.statusCode()).as(rated.body()).isEqualTo(302);
    assertThat(browser.on(portNewer).get(planPath + "/exceptions.csv?period=2016/17%20Q2").body())
        .contains("1.2,Open a refuge", "Red", "The lease fell through");

    // and starts again on the newer schema, as a node restarted before it is replaced
    current.close();
    nodes.remove(current);
    ConfigurableApplicationContext again = start("current");
    assertThat(browser.on(port(again)).get(planPath).body())
        .contains("Rolling plan", "Open a refuge");
    assertThat(
            owner
                .sql(
                    "select d.colour || ' ' || n.body || ' ' || a.weight from "
                        + schema
                        + ".delivery_plan d join "
                        + schema
                        + ".plan_note n on n.plan_id = d.id join "
                        + schema
                        + ".plan_action a on a.plan_id = d.id and a.ref = '1.2'")
                .query(String.class)
                .single())
        .as(
            "what the newer version wrote is left as it was, and its defaults fill what this"
                + " version added")
        .isEqualTo("teal Board in May 1");
  }

  private org.flywaydb.core.api.configuration.FluentConfiguration migrations(String... locations) {
    List<String> connection = administrator.connectionTo(schema);
    return Flyway.configure()
        .dataSource(
            connection.get(0).substring("--spring.datasource.url=".length()),
            connection.get(3).substring("--spring.flyway.user=".length()),
            connection.get(4).substring("--spring.flyway.password=".length()))
        .schemas(schema)
        .locations(locations);
  }

  /**
   * A node of this installation, with the installation's keys and a data directory of its own,
   * which it keeps across restarts.
   */
  private ConfigurableApplicationContext start(String name, String... settings) throws Exception {
    Path directory =
        Files.createDirectories(
            Path.of("target", "test-data", schema + "-" + name).toAbsolutePath());
    List<String> args = new ArrayList<>(administrator.connectionTo(schema));
    args.addAll(
        List.of(
            "--spring.datasource.hikari.maximum-pool-size=4",
            "--server.port=0",
            "--ccr.documents.warm-up=false",
            "--ccr.imports.warm-up=false",
            "--ccr.data-dir=" + directory,
            "--ccr.audit.key=" + TestDatabase.AUDIT_KEY,
            "--ccr.two-factor.key=" + TestDatabase.TWO_FACTOR_KEY));
    args.addAll(List.of(settings));
    ConfigurableApplicationContext node =
        new SpringApplicationBuilder(CcrHubApplication.class).run(args.toArray(String[]::new));
    nodes.add(node);
    return node;
  }

  private static int port(ConfigurableApplicationContext node) {
    return ((WebServerApplicationContext) node).getWebServer().getPort();
  }
}
