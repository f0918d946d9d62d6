package org.ccrhub.marac;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.shared.InvalidInputException;

/**
 * What a referral says about the MARAC's criteria, and {@link #assess which ones it meets} under a
 * MARAC's settings. A case may be referred on any one of them:
 *
 * <ul>
 *   <li><b>visible high risk</b>: the DASH score reaches the MARAC's threshold (14 by default) or
 *       the DARA grade is high;
 *   <li><b>potential escalation</b>: the police-reported incidents within the MARAC's window (12
 *       months before the referral by default) reach its number (3 by default);
 *   <li><b>professional judgement</b>: the referrer's serious concern, which needs a reason.
 * </ul>
 *
 * Professional judgement can add a case below the threshold; it never lowers a score, and nothing
 * here can take visible high risk away from a case that has it.
 *
 * @param risk the DASH checklist or score, or the DARA grade
 * @param policeIncidents the number of police-reported incidents within the MARAC's escalation
 *     window, when known ({@link MaracSettings#incidentsInEscalationWindow} counts them from dates)
 * @param professionalJudgement present when the referrer refers on professional judgement: the
 *     reason they give, which may still be blank
 */
public record ReferralCriteria(
    RiskAssessment risk,
    Optional<Integer> policeIncidents,
    Optional<String> professionalJudgement) {

  public ReferralCriteria {
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(policeIncidents, "policeIncidents");
    Objects.requireNonNull(professionalJudgement, "professionalJudgement");
    if (policeIncidents.isPresent() && policeIncidents.get() < 0) {
      throw new InvalidInputException(
          "The number of police-reported incidents must be a whole number, 0 or more");
    }
  }

  /** A referral with this risk assessment and nothing else. */
  public static ReferralCriteria of(RiskAssessment risk) {
    return new ReferralCriteria(risk, Optional.empty(), Optional.empty());
  }

  public ReferralCriteria withPoliceIncidents(int incidents) {
    return new ReferralCriteria(risk, Optional.of(incidents), professionalJudgement);
  }

  /** Referred on professional judgement, for this reason. */
  public ReferralCriteria withProfessionalJudgement(String reason) {
    return new ReferralCriteria(risk, policeIncidents, Optional.of(reason));
  }

  /**
   * Which criteria the referral meets under these settings, why not the others, and what is
   * missing.
   */
  public CriteriaAssessment assess(MaracSettings settings) {
    Set<Criterion> met = EnumSet.noneOf(Criterion.class);
    Map<Criterion, String> notMet = new EnumMap<>(Criterion.class);

    if (risk.isVisibleHighRisk(settings)) {
      met.add(Criterion.VISIBLE_HIGH_RISK);
    } else {
      notMet.put(Criterion.VISIBLE_HIGH_RISK, whyNotVisibleHighRisk(settings));
    }

    String window =
        "in the "
            + MaracSettings.months(settings.escalationWindowMonths())
            + " before the referral";
    int needed = settings.escalationIncidents();
    if (policeIncidents.isEmpty()) {
      notMet.put(
          Criterion.POTENTIAL_ESCALATION,
          "No number of police-reported incidents: potential escalation needs "
              + needed
              + " or more "
              + window);
    } else if (policeIncidents.get() < needed) {
      int incidents = policeIncidents.get();
      notMet.put(
          Criterion.POTENTIAL_ESCALATION,
          incidents
              + (incidents == 1 ? " police-reported incident " : " police-reported incidents ")
              + window
              + ": potential escalation needs "
              + needed
              + " or more");
    } else {
      met.add(Criterion.POTENTIAL_ESCALATION);
    }

    String missingReason = "Enter the reason for referring on professional judgement";
    if (professionalJudgement.isEmpty()) {
      notMet.put(
          Criterion.PROFESSIONAL_JUDGEMENT, "The referrer did not refer on professional judgement");
    } else if (professionalJudgement.get().isBlank()) {
      notMet.put(Criterion.PROFESSIONAL_JUDGEMENT, missingReason);
    } else {
      met.add(Criterion.PROFESSIONAL_JUDGEMENT);
    }

    List<String> problems = new ArrayList<>();
    if (professionalJudgement.map(String::isBlank).orElse(false)) {
      problems.add(missingReason);
    }
    if (met.isEmpty()) {
      problems.add(
          "This referral meets no MARAC criterion: it needs a DASH score of "
              + settings.dashThreshold()
              + " or more, a DARA grade of high, "
              + needed
              + " or more police-reported incidents "
              + window
              + ", or professional judgement with its reason");
    }
    return new CriteriaAssessment(met, notMet, problems);
  }

  private String whyNotVisibleHighRisk(MaracSettings settings) {
    int threshold = settings.dashThreshold();
    Optional<Integer> score = risk.dashScore();
    Optional<DaraGrade> grade = risk.daraGrade();
    String needs =
        "visible high risk needs a DASH score of "
            + threshold
            + " or more, or a DARA grade of high";
    if (score.isEmpty() && grade.isEmpty()) {
      return "No DASH score or DARA grade: " + needs;
    }
    String found =
        score.map(s -> "The DASH score is " + s).orElse("")
            + (score.isPresent() && grade.isPresent() ? " and the DARA grade is " : "")
            + (score.isEmpty() && grade.isPresent() ? "The DARA grade is " : "")
            + grade.map(g -> g.label().toLowerCase(Locale.ROOT)).orElse("");
    return found + ": " + needs;
  }
}
