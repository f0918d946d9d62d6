package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.ccrhub.CcrHubTest;
import org.ccrhub.DatabaseAdministrator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An installation from before reporting periods belonged to plans is upgraded (V0011): each plan
 * takes over the partnership's periods, open or closed. Runs in a schema of its own.
 */
@CcrHubTest
class PlanPeriodsUpgradeIntegrationTests {

  @Autowired DatabaseAdministrator administrator;

  @Test
  void everyPlanTakesOverThePartnershipsPeriods() {
    String schema =
        "periods_upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    List<String> connection = administrator.connectionTo(schema);
    FluentConfiguration flyway =
        Flyway.configure()
            .dataSource(
                connection.get(0).substring("--spring.datasource.url=".length()),
                connection.get(3).substring("--spring.flyway.user=".length()),
                connection.get(4).substring("--spring.flyway.password=".length()))
            .schemas(schema)
            .locations("classpath:db/migration");
    flyway.target("10").load().migrate();
    JdbcClient jdbc = JdbcClient.create(flyway.getDataSource());
    String s = schema + ".";
    long partnership =
        jdbc.sql(
                "insert into "
                    + s
                    + "partnership (slug, name) values ('old', 'Old CSP') returning id")
            .query(Long.class)
            .single();
    for (String plan : List.of("VAWG plan", "Accommodation plan")) {
      jdbc.sql(
              "insert into "
                  + s
                  + "delivery_plan (partnership_id, name, first_year, last_year)"
                  + " values (:p, :n, 2016, 2016)")
          .param("p", partnership)
          .param("n", plan)
          .update();
    }
    jdbc.sql(
            "insert into "
                + s
                + "reporting_period (partnership_id, year, quarter, closed_at)"
                + " values (:p, 2016, 1, now()), (:p, 2016, 2, null)")
        .param("p", partnership)
        .update();

    flyway.target("latest").load().migrate();

    assertThat(
            jdbc.sql(
                    "select d.name || ' ' || r.year || ' Q' || r.quarter || ' '"
                        + " || case when r.closed_at is null then 'open' else 'closed' end"
                        + " from "
                        + s
                        + "reporting_period r join "
                        + s
                        + "delivery_plan d"
                        + " on d.id = r.plan_id order by d.name, r.quarter")
                .query(String.class)
                .list())
        .containsExactly(
            "Accommodation plan 2016 Q1 closed",
            "Accommodation plan 2016 Q2 open",
            "VAWG plan 2016 Q1 closed",
            "VAWG plan 2016 Q2 open");
  }
}
