package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The data return's figures recorded as the partnership's quarterly indicators. */
@CcrHubTest
class MaracIndicatorsIntegrationTests {

  @Autowired AdminCommands commands;
  @Autowired Fixtures fixtures;
  @Autowired Maracs maracs;
  @Autowired MaracIndicators maracIndicators;
  @Autowired Indicators indicators;
  @TempDir Path dir;

  @Test
  void recordsTheCompletedQuartersAsIndicatorsAndAgainChangesNothing() throws Exception {
    Partnership partnership = fixtures.partnership();
    Marac marac =
        maracs.create(
            partnership, "MARAC", MaracSettings.defaults(40_000), MeetingFrequency.MONTHLY);
    Path csv = dir.resolve("history.csv");
    Files.writeString(
        csv,
        MaracCommandsIntegrationTests.HEADER
            // 2016/17 Q1: two cases, one a repeat of 2015/16, one from a partner agency
            + "2015-06-10,2015-06-20,Ann Alpha,1980-01-01,,female,White,no,no,,,,,,"
            + "Police,Police,16,visible high risk,2\r\n"
            + "2016-05-10,2016-05-16,Ann Alpha,1980-01-01,,female,White,no,no,,,,,,"
            + "Police,Police,15,visible high risk,1\r\n"
            + "2016-05-11,2016-05-16,Bea Beta,1990-02-02,,female,\"Black, Black British,"
            + " Black Welsh, Caribbean or African: African\",no,no,,,,,,"
            + "Housing,Housing,15,visible high risk,0\r\n",
        StandardCharsets.UTF_8);
    AdminCommands.Result imported =
        commands.run(
            "marac", "import", "--partnership", partnership.slug(), "--file", csv.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    Indicators.Recorded first =
        maracIndicators.publish(partnership, marac, LocalDate.of(2016, 8, 1), "test");
    assertThat(first.recorded()).isPositive();
    IndicatorData data = indicators.data(partnership);
    Indicator cases = data.byRef("MARAC" + marac.id() + "-CASES").orElseThrow();
    IndicatorPeriod q1 = IndicatorPeriod.of(ReportingPeriod.parse("2016/17 Q1"));
    assertThat(value(data, cases, q1)).isEqualByComparingTo("2");
    Indicator repeatRate = data.byRef("MARAC" + marac.id() + "-REPEAT-PCT").orElseThrow();
    assertThat(value(data, repeatRate, q1)).isEqualByComparingTo("50");
    Indicator bame = data.byRef("MARAC" + marac.id() + "-BAME-PCT").orElseThrow();
    assertThat(value(data, bame, q1)).isEqualByComparingTo("50");
    Indicator children = data.byRef("MARAC" + marac.id() + "-CHILDREN").orElseThrow();
    assertThat(value(data, children, q1)).isEqualByComparingTo("1");

    Indicators.Recorded again =
        maracIndicators.publish(partnership, marac, LocalDate.of(2016, 8, 1), "test");
    assertThat(again.recorded()).isZero();

    AdminCommands.Result command =
        commands.run("marac", "indicators", "--partnership", partnership.slug());
    assertThat(command.exitCode()).as(command.err()).isZero();
    assertThat(command.out()).contains("as indicators");
  }

  private static BigDecimal value(IndicatorData data, Indicator indicator, IndicatorPeriod period) {
    org.ccrhub.indicators.Series series = data.series(indicator, "");
    return series.figure(series.at(period).orElseThrow()).ratio().rounded(1);
  }
}
