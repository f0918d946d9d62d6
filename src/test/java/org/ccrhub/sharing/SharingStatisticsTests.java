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

  @Test
  void suppressesSmallCountsAndWhatWouldGiveThemAway() {
    List<SharingStatistics.Request> requests = new java.util.ArrayList<>();
    // 12 requests: 8 shared, 3 refused, 1 open; decided in 2 days each
    for (int i = 0; i < 12; i++) {
      requests.add(
          request(
              "Police",
              "Council",
              "2016-05-02",
              "2016-05-16",
              i < 8 ? DecisionOutcome.SHARE : i < 11 ? DecisionOutcome.REFUSE : null,
              i < 11 ? "2016-05-04" : null));
    }
    // a pair with 3 requests, all shared
    for (int i = 0; i < 3; i++) {
      requests.add(
          request(
              "Council",
              "Police",
              "2016-06-01",
              "2016-06-15",
              DecisionOutcome.SHARE,
              "2016-06-03"));
    }
    List<SharingStatistics.Row> rows = SharingStatistics.of(requests, FROM, TO);

    // refused 3 and open 1 are both hidden: two hidden, so no more is needed; the open one overdue
    assertThat(rows.get(1).cells(org.ccrhub.shared.SmallNumbers.STANDARD))
        .containsExactly("Police", "Council", "12", "8", "0", "<5", "<5", "<5", "2", "2");
    // all three shared are hidden, and the days of three decisions with them
    assertThat(rows.get(0).cells(org.ccrhub.shared.SmallNumbers.STANDARD))
        .containsExactly("Council", "Police", "<5", "<5", "0", "0", "0", "0", "[c]", "[c]");
    assertThat(rows.get(0).cells())
        .containsExactly("Council", "Police", "3", "3", "0", "0", "0", "0", "2", "2");
  }

  @Test
  void hidesTheNextSmallestWhenOnlyOneOutcomeIsHidden() {
    assertThat(
            SharingStatistics.parts(org.ccrhub.shared.SmallNumbers.STANDARD, List.of(20, 6, 2, 0)))
        .containsExactly("20", "[c]", "<5", "0");
    assertThat(
            SharingStatistics.parts(org.ccrhub.shared.SmallNumbers.STANDARD, List.of(20, 6, 7, 0)))
        .containsExactly("20", "6", "7", "0");
  }

  @Test
  void totalsByDecisionBasisAndUrgencyCountARequestUnderEachOfItsBases() {
    SharingStatistics.Totals totals =
        SharingStatistics.totals(
            List.of(
                new SharingStatistics.Request(
                    "A",
                    "B",
                    LocalDate.of(2016, 5, 2),
                    LocalDate.of(2016, 5, 16),
                    DecisionOutcome.SHARE,
                    LocalDate.of(2016, 5, 3),
                    true,
                    List.of("UK GDPR 6(1)(e)", "Crime and Disorder Act 1998 s115")),
                new SharingStatistics.Request(
                    "A",
                    "B",
                    LocalDate.of(2016, 5, 2),
                    LocalDate.of(2016, 5, 16),
                    null,
                    null,
                    false,
                    List.of("UK GDPR 6(1)(e)"))),
            FROM,
            TO);

    assertThat(totals.requests()).isEqualTo(2);
    assertThat(totals.byDecision())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("Share", 1),
            org.assertj.core.api.Assertions.entry("Share in part", 0),
            org.assertj.core.api.Assertions.entry("Refuse", 0),
            org.assertj.core.api.Assertions.entry("Still open", 1));
    assertThat(totals.byBasis())
        .containsEntry("UK GDPR 6(1)(e)", 2)
        .containsEntry("Crime and Disorder Act 1998 s115", 1);
    assertThat(totals.byUrgency()).containsEntry("Urgent", 1).containsEntry("Not urgent", 1);
  }
}
