package org.ccrhub.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.RagRating;
import org.junit.jupiter.api.Test;

class UpdateJourneyTests {

  private static ProgressUpdate update(long id, String period, RagRating rating, String comment) {
    return new ProgressUpdate(
        id,
        7,
        ReportingPeriod.parse(period),
        rating,
        comment,
        "Sam Jones",
        Instant.parse("2016-06-14T14:45:00Z").plusSeconds(id));
  }

  @Test
  void theEarlierUpdatesAreTheOnesThatCountedForTheTwoLatestPeriodsBeforeThisOne() {
    List<ProgressUpdate> history =
        List.of(
            update(9, "2016/17 Q3", RagRating.GREEN, "This quarter"),
            update(8, "2016/17 Q2", RagRating.AMBER_GREEN, "Corrected"),
            update(7, "2016/17 Q2", RagRating.RED, "Replaced"),
            update(5, "2016/17 Q1", RagRating.AMBER_RED, "Funding gap"),
            update(3, "2015/16 Q4", RagRating.GREEN, "Too old"));

    assertThat(UpdateJourney.earlierUpdates(history, ReportingPeriod.parse("2016/17 Q3"), 2))
        .extracting(ProgressUpdate::comment)
        .containsExactly("Corrected", "Funding gap");
    assertThat(UpdateJourney.earlierUpdates(history, ReportingPeriod.parse("2016/17 Q1"), 2))
        .extracting(ProgressUpdate::comment)
        .containsExactly("Too old");
    assertThat(UpdateJourney.earlierUpdates(history, ReportingPeriod.parse("2015/16 Q4"), 2))
        .isEmpty();
  }
}
