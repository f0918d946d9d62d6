package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ReferralCriteriaTests {

  private final MaracSettings settings = MaracSettings.defaults(112_350);

  private static DashChecklist yesTo(int count) {
    DashChecklist checklist = DashChecklist.allNotKnown();
    for (int n = 1; n <= count; n++) {
      checklist = checklist.with(n, Answer.YES);
    }
    return checklist;
  }

  @Test
  void aDashScoreReachingTheThresholdIsVisibleHighRisk() {
    CriteriaAssessment fourteen =
        ReferralCriteria.of(RiskAssessment.of(yesTo(14))).assess(settings);
    CriteriaAssessment thirteen =
        ReferralCriteria.of(RiskAssessment.of(yesTo(13))).assess(settings);

    assertThat(fourteen.met()).containsExactly(Criterion.VISIBLE_HIGH_RISK);
    assertThat(fourteen.isComplete()).isTrue();
    assertThat(thirteen.met()).isEmpty();
    assertThat(thirteen.whyNot(Criterion.VISIBLE_HIGH_RISK))
        .contains(
            "The DASH score is 13: visible high risk needs a DASH score of 14 or more, or a DARA"
                + " grade of high");
  }

  @Test
  void theThresholdIsTheMaracsSetting() {
    ReferralCriteria twelve = ReferralCriteria.of(RiskAssessment.ofDashScore(12));
    assertThat(twelve.assess(settings).meets(Criterion.VISIBLE_HIGH_RISK)).isFalse();
    assertThat(twelve.assess(settings.withDashThreshold(12)).meets(Criterion.VISIBLE_HIGH_RISK))
        .isTrue();
  }

  @Test
  void aHighDaraGradeIsVisibleHighRiskAndAMediumOneIsNot() {
    assertThat(
            ReferralCriteria.of(RiskAssessment.ofDaraGrade(DaraGrade.HIGH)).assess(settings).met())
        .containsExactly(Criterion.VISIBLE_HIGH_RISK);
    CriteriaAssessment medium =
        ReferralCriteria.of(RiskAssessment.ofDaraGrade(DaraGrade.MEDIUM)).assess(settings);
    assertThat(medium.met()).isEmpty();
    assertThat(medium.whyNot(Criterion.VISIBLE_HIGH_RISK))
        .contains(
            "The DARA grade is medium: visible high risk needs a DASH score of 14 or more, or a"
                + " DARA grade of high");
    assertThat(
            ReferralCriteria.of(RiskAssessment.ofDashScore(9).withDaraGrade(DaraGrade.HIGH))
                .assess(settings)
                .met())
        .containsExactly(Criterion.VISIBLE_HIGH_RISK);
  }

  @Test
  void policeIncidentsReachingTheSettingArePotentialEscalation() {
    ReferralCriteria none = ReferralCriteria.of(RiskAssessment.none());

    assertThat(none.withPoliceIncidents(3).assess(settings).met())
        .containsExactly(Criterion.POTENTIAL_ESCALATION);
    assertThat(none.withPoliceIncidents(2).assess(settings).whyNot(Criterion.POTENTIAL_ESCALATION))
        .contains(
            "2 police-reported incidents in the 12 months before the referral: potential"
                + " escalation needs 3 or more");
    assertThat(
            none.withPoliceIncidents(1)
                .assess(settings.withEscalation(5, 6))
                .whyNot(Criterion.POTENTIAL_ESCALATION))
        .contains(
            "1 police-reported incident in the 6 months before the referral: potential escalation"
                + " needs 5 or more");
    assertThat(none.assess(settings).whyNot(Criterion.POTENTIAL_ESCALATION))
        .contains(
            "No number of police-reported incidents: potential escalation needs 3 or more in the"
                + " 12 months before the referral");
  }

  @Test
  void professionalJudgementAddsACaseBelowTheThresholdWithItsReason() {
    CriteriaAssessment assessment =
        ReferralCriteria.of(RiskAssessment.ofDashScore(8))
            .withProfessionalJudgement("Recent threats with a knife; victim minimises")
            .assess(settings);

    assertThat(assessment.met()).containsExactly(Criterion.PROFESSIONAL_JUDGEMENT);
    assertThat(assessment.isComplete()).isTrue();
  }

  @Test
  void professionalJudgementNeedsAReason() {
    CriteriaAssessment withScore =
        ReferralCriteria.of(RiskAssessment.ofDashScore(16))
            .withProfessionalJudgement("  ")
            .assess(settings);
    CriteriaAssessment alone =
        ReferralCriteria.of(RiskAssessment.none()).withProfessionalJudgement("").assess(settings);

    assertThat(withScore.met()).containsExactly(Criterion.VISIBLE_HIGH_RISK);
    assertThat(withScore.problems())
        .containsExactly("Enter the reason for referring on professional judgement");
    assertThat(withScore.isComplete()).isFalse();
    assertThat(alone.problems())
        .containsExactly(
            "Enter the reason for referring on professional judgement",
            "This referral meets no MARAC criterion: it needs a DASH score of 14 or more, a DARA"
                + " grade of high, 3 or more police-reported incidents in the 12 months before the"
                + " referral, or professional judgement with its reason");
  }

  @Test
  void professionalJudgementNeverLowersAScore() {
    RiskAssessment risk = RiskAssessment.ofDashScore(18);
    CriteriaAssessment assessment =
        ReferralCriteria.of(risk)
            .withProfessionalJudgement("The referrer thinks the risk is lower")
            .assess(settings);

    assertThat(assessment.met())
        .containsExactly(Criterion.VISIBLE_HIGH_RISK, Criterion.PROFESSIONAL_JUDGEMENT);
    assertThat(risk.dashScore()).contains(18);
  }

  @Test
  void saysWhatIsMissingWhenNoCriterionIsMet() {
    CriteriaAssessment assessment =
        ReferralCriteria.of(RiskAssessment.none()).assess(settings.withEscalation(5, 12));

    assertThat(assessment.met()).isEmpty();
    assertThat(assessment.isComplete()).isFalse();
    assertThat(assessment.problems())
        .containsExactly(
            "This referral meets no MARAC criterion: it needs a DASH score of 14 or more, a DARA"
                + " grade of high, 5 or more police-reported incidents in the 12 months before the"
                + " referral, or professional judgement with its reason");
    assertThat(assessment.whyNot(Criterion.VISIBLE_HIGH_RISK))
        .contains(
            "No DASH score or DARA grade: visible high risk needs a DASH score of 14 or more, or a"
                + " DARA grade of high");
    assertThat(assessment.whyNot(Criterion.PROFESSIONAL_JUDGEMENT))
        .contains("The referrer did not refer on professional judgement");
  }

  @Test
  void saysWhichClaimedCriteriaTheFactsDoNotSupport() {
    CriteriaAssessment assessment =
        ReferralCriteria.of(RiskAssessment.ofDashScore(10).withDaraGrade(DaraGrade.MEDIUM))
            .withPoliceIncidents(4)
            .assess(settings);

    assertThat(
            assessment.unsupported(
                Set.of(Criterion.POTENTIAL_ESCALATION, Criterion.VISIBLE_HIGH_RISK)))
        .containsExactly(
            "The DASH score is 10 and the DARA grade is medium: visible high risk needs a DASH"
                + " score of 14 or more, or a DARA grade of high");
    assertThat(assessment.unsupported(Set.of(Criterion.POTENTIAL_ESCALATION))).isEmpty();
  }

  @Test
  void aScoreIsFromZeroTo24AndAChecklistsScoreIsItsYesAnswers() {
    assertThatThrownBy(() -> RiskAssessment.ofDashScore(25))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The DASH score must be a whole number from 0 to 24");
    assertThatThrownBy(
            () ->
                new RiskAssessment(
                    java.util.Optional.of(yesTo(3)),
                    java.util.Optional.of(14),
                    java.util.Optional.empty()))
        .hasMessage("The DASH score is the number of yes answers: 3, not 14");
    assertThat(RiskAssessment.of(yesTo(3)).dashScore()).contains(3);
    assertThatThrownBy(() -> ReferralCriteria.of(RiskAssessment.none()).withPoliceIncidents(-1))
        .hasMessage("The number of police-reported incidents must be a whole number, 0 or more");
  }
}
