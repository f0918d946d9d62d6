package org.ccrhub.marac;

import java.util.Objects;
import java.util.Optional;
import org.ccrhub.shared.InvalidInputException;

/**
 * How a referral's risk was assessed: a DASH checklist (whose score is the number of yes answers),
 * a DASH score alone (as records imported from spreadsheets carry it), a police DARA grade, or none
 * of them. A case is at visible high risk when its DASH score reaches the MARAC's threshold or its
 * DARA grade is high. Nothing lowers a score: professional judgement can only add a case ({@link
 * ReferralCriteria}).
 *
 * @param checklist the answers, when the checklist was completed in CCR Hub
 * @param dashScore the DASH score, 0 to 24: the checklist's score when there is one
 * @param daraGrade the DARA grade, when the police gave one
 */
public record RiskAssessment(
    Optional<DashChecklist> checklist, Optional<Integer> dashScore, Optional<DaraGrade> daraGrade) {

  public RiskAssessment {
    Objects.requireNonNull(checklist, "checklist");
    Objects.requireNonNull(dashScore, "dashScore");
    Objects.requireNonNull(daraGrade, "daraGrade");
    if (checklist.isPresent()) {
      int score = checklist.get().score();
      if (dashScore.isPresent() && dashScore.get() != score) {
        throw new InvalidInputException(
            "The DASH score is the number of yes answers: " + score + ", not " + dashScore.get());
      }
      dashScore = Optional.of(score);
    }
    if (dashScore.isPresent() && (dashScore.get() < 0 || dashScore.get() > DashQuestion.COUNT)) {
      throw new InvalidInputException(
          "The DASH score must be a whole number from 0 to " + DashQuestion.COUNT);
    }
  }

  /** No DASH checklist, score or DARA grade. */
  public static RiskAssessment none() {
    return new RiskAssessment(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static RiskAssessment of(DashChecklist checklist) {
    return new RiskAssessment(Optional.of(checklist), Optional.empty(), Optional.empty());
  }

  /** A DASH score without its answers, as imported records give it. */
  public static RiskAssessment ofDashScore(int score) {
    return new RiskAssessment(Optional.empty(), Optional.of(score), Optional.empty());
  }

  public static RiskAssessment ofDaraGrade(DaraGrade grade) {
    return new RiskAssessment(Optional.empty(), Optional.empty(), Optional.of(grade));
  }

  /**
   * This assessment with a DARA grade as well, as when an IDVA completes a DASH for a police case.
   */
  public RiskAssessment withDaraGrade(DaraGrade grade) {
    return new RiskAssessment(checklist, dashScore, Optional.of(grade));
  }

  /** The DASH score reaches the MARAC's threshold, or the DARA grade is high. */
  public boolean isVisibleHighRisk(MaracSettings settings) {
    return dashScore.map(s -> s >= settings.dashThreshold()).orElse(false)
        || daraGrade.map(g -> g == DaraGrade.HIGH).orElse(false);
  }
}
