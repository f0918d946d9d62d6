package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class MaracSettingsTests {

  @Test
  void defaultsAreSafeLivesPractice() {
    MaracSettings settings = MaracSettings.defaults(112_350);

    assertThat(settings.dashThreshold()).isEqualTo(14);
    assertThat(settings.escalationIncidents()).isEqualTo(3);
    assertThat(settings.escalationWindowMonths()).isEqualTo(12);
    assertThat(settings.repeatWindowMonths()).isEqualTo(12);
    assertThat(settings.researchReleaseDays()).isEqualTo(7);
    assertThat(settings.retentionYears()).isEqualTo(6);
    assertThat(settings.adultFemalePopulation()).isEqualTo(112_350);
    assertThat(settings.auditSampleSize()).isEqualTo(10);
    assertThat(settings.auditIntervalMonths()).isEqualTo(6);
  }

  @Test
  void needsAnAdultFemalePopulation() {
    assertThatThrownBy(() -> MaracSettings.defaults(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "The adult female population must be a whole number more than 0 and no more than"
                + " 100,000,000");
  }

  @Test
  void namesEveryWrongSettingAtOnce() {
    assertThatThrownBy(() -> new MaracSettings(25, 0, 12, 0, -1, 0, 5, -1, 0))
        .isInstanceOfSatisfying(
            MaracSettingsRejectedException.class,
            e ->
                assertThat(e.problems())
                    .extracting(MaracSettings.Problem::setting)
                    .containsExactly(
                        "dashThreshold",
                        "escalationIncidents",
                        "repeatWindowMonths",
                        "researchReleaseDays",
                        "retentionYears",
                        "auditSampleSize",
                        "auditIntervalMonths"))
        .hasMessageStartingWith("The DASH threshold must be a whole number from 1 to 24. ");
  }

  @Test
  void acceptsTheOtherThresholdsAreasUse() {
    MaracSettings settings =
        MaracSettings.defaults(50_000).withDashThreshold(12).withEscalation(5, 12);
    assertThat(settings.dashThreshold()).isEqualTo(12);
    assertThat(settings.escalationIncidents()).isEqualTo(5);
    assertThat(MaracSettings.defaults(50_000).withEscalation(3, 6).escalationWindowMonths())
        .isEqualTo(6);
  }

  @Test
  void countsTheIncidentsInTheEscalationWindowIncludingItsFirstDay() {
    MaracSettings settings = MaracSettings.defaults(50_000);
    LocalDate referral = LocalDate.of(2017, 5, 10);
    List<LocalDate> incidents =
        List.of(
            LocalDate.of(2016, 5, 9), // a day more than 12 months
            LocalDate.of(2016, 5, 10), // 12 months to the day
            LocalDate.of(2017, 1, 1),
            LocalDate.of(2017, 5, 10),
            LocalDate.of(2017, 5, 11)); // after the referral

    assertThat(settings.incidentsInEscalationWindow(incidents, referral)).isEqualTo(3);
    assertThat(settings.withEscalation(3, 6).incidentsInEscalationWindow(incidents, referral))
        .isEqualTo(2);
  }

  @Test
  void releasesResearchAndKeepsPersonalDetailsByItsSettings() {
    MaracSettings settings = MaracSettings.defaults(50_000);
    assertThat(settings.researchReleaseDate(LocalDate.of(2017, 3, 7)))
        .isEqualTo(LocalDate.of(2017, 2, 28));
    assertThat(settings.retainedUntil(LocalDate.of(2016, 2, 29)))
        .isEqualTo(LocalDate.of(2022, 2, 28));
    assertThat(settings.repeatWindow()).isEqualTo(new RepeatWindow(12));
  }
}
