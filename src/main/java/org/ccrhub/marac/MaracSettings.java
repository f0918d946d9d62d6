package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How one MARAC works. Every area writes its own operating protocol, so each threshold is a setting
 * with the SafeLives default rather than a constant: a referral is at visible high risk from a DASH
 * score of {@code dashThreshold}; potential escalation is {@code escalationIncidents}
 * police-reported incidents within {@code escalationWindowMonths}; a referral is a repeat when the
 * same victim was referred within {@code repeatWindowMonths} before it; the case list for research
 * is released {@code researchReleaseDays} before the meeting; a victim's personal details are kept
 * for {@code retentionYears} after their last referral; {@code auditSampleSize} cases are audited
 * every {@code auditIntervalMonths}. {@code adultFemalePopulation} (women and girls aged 16 and
 * over in the MARAC's area) has no default: the data return's rate per 10,000 needs it.
 *
 * <p>The constructor checks every setting and, when any is wrong, throws {@link
 * MaracSettingsRejectedException} naming each one, so a form can show every problem at once.
 */
public record MaracSettings(
    int dashThreshold,
    int escalationIncidents,
    int escalationWindowMonths,
    int repeatWindowMonths,
    int researchReleaseDays,
    int retentionYears,
    long adultFemalePopulation,
    int auditSampleSize,
    int auditIntervalMonths) {

  public static final int DEFAULT_DASH_THRESHOLD = 14;
  public static final int DEFAULT_ESCALATION_INCIDENTS = 3;
  public static final int DEFAULT_ESCALATION_WINDOW_MONTHS = 12;
  public static final int DEFAULT_REPEAT_WINDOW_MONTHS = 12;
  public static final int DEFAULT_RESEARCH_RELEASE_DAYS = 7;
  public static final int DEFAULT_RETENTION_YEARS = 6;
  public static final int DEFAULT_AUDIT_SAMPLE_SIZE = 10;
  public static final int DEFAULT_AUDIT_INTERVAL_MONTHS = 6;

  /** More people than live in England and Wales: a population above it is a typing error. */
  static final long MOST_POPULATION = 100_000_000L;

  /** One problem with a setting, named as the record component it is about. */
  public record Problem(String setting, String message) {}

  public MaracSettings {
    List<Problem> problems = new ArrayList<>();
    within(
        problems,
        "dashThreshold",
        dashThreshold,
        1,
        DashQuestion.COUNT,
        "The DASH threshold must be a whole number from 1 to " + DashQuestion.COUNT);
    within(
        problems,
        "escalationIncidents",
        escalationIncidents,
        1,
        100,
        "The number of police-reported incidents for potential escalation must be a whole number"
            + " from 1 to 100");
    within(
        problems,
        "escalationWindowMonths",
        escalationWindowMonths,
        1,
        60,
        "The months in which incidents count towards potential escalation must be a whole number"
            + " from 1 to 60");
    within(
        problems,
        "repeatWindowMonths",
        repeatWindowMonths,
        1,
        60,
        "The months within which a new referral is a repeat must be a whole number from 1 to 60");
    within(
        problems,
        "researchReleaseDays",
        researchReleaseDays,
        0,
        90,
        "The days before a meeting that the case list is released must be a whole number from 0"
            + " to 90");
    within(
        problems,
        "retentionYears",
        retentionYears,
        1,
        100,
        "The years personal details are kept after a victim's last referral must be a whole number"
            + " from 1 to 100");
    if (adultFemalePopulation < 1 || adultFemalePopulation > MOST_POPULATION) {
      problems.add(
          new Problem(
              "adultFemalePopulation",
              "The adult female population must be a whole number more than 0 and no more than"
                  + " 100,000,000"));
    }
    within(
        problems,
        "auditSampleSize",
        auditSampleSize,
        0,
        1000,
        "The number of cases in each audit sample must be a whole number from 0 to 1,000");
    within(
        problems,
        "auditIntervalMonths",
        auditIntervalMonths,
        1,
        60,
        "The months between audit samples must be a whole number from 1 to 60");
    if (!problems.isEmpty()) {
      throw new MaracSettingsRejectedException(problems);
    }
  }

  private static void within(
      List<Problem> problems, String setting, int value, int least, int most, String message) {
    if (value < least || value > most) {
      problems.add(new Problem(setting, message));
    }
  }

  /** The SafeLives defaults, for a MARAC whose area has this many women aged 16 and over. */
  public static MaracSettings defaults(long adultFemalePopulation) {
    return new MaracSettings(
        DEFAULT_DASH_THRESHOLD,
        DEFAULT_ESCALATION_INCIDENTS,
        DEFAULT_ESCALATION_WINDOW_MONTHS,
        DEFAULT_REPEAT_WINDOW_MONTHS,
        DEFAULT_RESEARCH_RELEASE_DAYS,
        DEFAULT_RETENTION_YEARS,
        adultFemalePopulation,
        DEFAULT_AUDIT_SAMPLE_SIZE,
        DEFAULT_AUDIT_INTERVAL_MONTHS);
  }

  public MaracSettings withDashThreshold(int threshold) {
    return new MaracSettings(
        threshold,
        escalationIncidents,
        escalationWindowMonths,
        repeatWindowMonths,
        researchReleaseDays,
        retentionYears,
        adultFemalePopulation,
        auditSampleSize,
        auditIntervalMonths);
  }

  /** Potential escalation as {@code incidents} police-reported incidents within {@code months}. */
  public MaracSettings withEscalation(int incidents, int months) {
    return new MaracSettings(
        dashThreshold,
        incidents,
        months,
        repeatWindowMonths,
        researchReleaseDays,
        retentionYears,
        adultFemalePopulation,
        auditSampleSize,
        auditIntervalMonths);
  }

  public MaracSettings withRepeatWindowMonths(int months) {
    return new MaracSettings(
        dashThreshold,
        escalationIncidents,
        escalationWindowMonths,
        months,
        researchReleaseDays,
        retentionYears,
        adultFemalePopulation,
        auditSampleSize,
        auditIntervalMonths);
  }

  /** The repeat window: which earlier referrals make a new referral a repeat. */
  public RepeatWindow repeatWindow() {
    return new RepeatWindow(repeatWindowMonths);
  }

  /**
   * How many of the police-reported incidents fall in the escalation window of a referral: on or
   * after the referral date less {@code escalationWindowMonths}, and not after the referral date.
   */
  public int incidentsInEscalationWindow(Collection<LocalDate> incidents, LocalDate referralDate) {
    LocalDate from = referralDate.minusMonths(escalationWindowMonths);
    return (int)
        incidents.stream().filter(d -> !d.isBefore(from) && !d.isAfter(referralDate)).count();
  }

  /** The day the case list of a meeting is released to the members for research. */
  public LocalDate researchReleaseDate(LocalDate meetingDate) {
    return meetingDate.minusDays(researchReleaseDays);
  }

  /**
   * The last day a victim's personal details are kept, counted from their last referral; from the
   * day after, only the anonymous counts of the data return remain.
   */
  public LocalDate retainedUntil(LocalDate lastReferralDate) {
    return lastReferralDate.plusYears(retentionYears);
  }

  /** "12 months", "1 month": a number of months in words for messages. */
  static String months(int months) {
    return months == 1 ? "1 month" : months + " months";
  }
}
