package org.ccrhub.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SharingStatisticsTests {

  private static final LocalDate FROM = LocalDate.of(2016, 4, 1);
  private static final LocalDate TO = LocalDate.of(2017, 3, 31);

  private static SharingStatistics.Request request(
      String from,
      String to,
      String requestedOn,
      String dueOn,
      @Nullable DecisionOutcome outcome,
      @Nullable String decidedOn) {
    return new SharingStatistics.Request(
        from,
        to,
        LocalDate.parse(requestedOn),
        LocalDate.parse(dueOn),
        outcome,
        decidedOn == null ? null : LocalDate.parse(decidedOn));
  }

  @Test
  void countsEachPairByOutcomeWithNearestRankDays() {
    List<SharingStatistics.Row> rows =
        SharingStatistics.of(
            List.of(
                request(
                    "Police",
                    "Council",
                    "2016-05-02",
                    "2016-05-16",
                    DecisionOutcome.SHARE,
                    "2016-05-04"),
                request(
                    "Police",
                    "Council",
                    "2016-05-02",
                    "2016-05-16",
                    DecisionOutcome.SHARE_IN_PART,
                    "2016-05-06"),
                request(
                    "Police",
                    "Council",
                    "2016-05-02",
                    "2016-05-16",
                    DecisionOutcome.REFUSE,
                    "2016-05-08"),
                request(
                    "Police",
                    "Council",
                    "2016-05-02",
                    "2016-05-16",
                    DecisionOutcome.SHARE,
                    "2016-05-10"),
                request("Police", "Council", "2016-05-02", "2016-05-16", null, null)),
            FROM,
            TO);

    // days 2, 4, 6, 8: the median at rank 2, the 90th percentile at rank 4
    assertThat(rows)
        .extracting(SharingStatistics.Row::cells)
        .containsExactly(List.of("Police", "Council", "5", "2", "1", "1", "1", "1", "4", "8"));
  }

  @Test
  void countsAsOverdueTheOpenPastTheirDueDateAtTheEndAndTheDecidedLate() {
    List<SharingStatistics.Row> rows =
        SharingStatistics.of(
            List.of(
                // decided on its due date: on time
                request("A", "B", "2016-05-02", "2016-05-16", DecisionOutcome.SHARE, "2016-05-16"),
                // decided the day after: late
                request("A", "B", "2016-05-02", "2016-05-16", DecisionOutcome.SHARE, "2016-05-17"),
                // open and due on the last day: not yet overdue
                request("A", "B", "2017-03-17", "2017-03-31", null, null),
                // open and due the day before the last day: overdue
                request("A", "B", "2017-03-16", "2017-03-30", null, null)),
            FROM,
            TO);

    assertThat(rows.get(0).overdue()).isEqualTo(2);
    assertThat(rows.get(0).open()).isEqualTo(2);
  }

  @Test
  void countsOnlyRequestsMadeInThePeriodBothDaysIncludedSortedByRequestingThenAsked() {
    List<SharingStatistics.Row> rows =
        SharingStatistics.of(
            List.of(
                request("police", "Council", "2016-04-01", "2016-04-15", null, null),
                request("Council", "Police", "2017-03-31", "2017-04-14", null, null),
                request("Council", "Housing", "2016-03-31", "2016-04-14", null, null),
                request("Council", "Police", "2017-04-01", "2017-04-18", null, null)),
            FROM,
            TO);

    assertThat(rows)
        .extracting(r -> r.requestingAgency() + " to " + r.askedAgency() + ": " + r.requests())
        .containsExactly("Council to Police: 1", "police to Council: 1");
  }

  @Test
  void leavesTheDaysBlankWhenNothingIsDecidedAndCountsTheSameDayAsNone() {
    List<SharingStatistics.Row> rows =
        SharingStatistics.of(
            List.of(
                request("A", "B", "2016-05-02", "2016-05-16", null, null),
                request(
                    "C", "D", "2016-05-02", "2016-05-16", DecisionOutcome.REFUSE, "2016-05-02")),
            FROM,
            TO);

    assertThat(rows.get(0).cells()).endsWith("", "");
    assertThat(rows.get(1).cells()).endsWith("0", "0");
  }
}
