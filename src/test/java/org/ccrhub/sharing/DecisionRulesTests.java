package org.ccrhub.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.ccrhub.sharing.DecisionRules.Checked;
import org.ccrhub.sharing.DecisionRules.Problem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DecisionRulesTests {

  private static final LocalDate REQUESTED = LocalDate.of(2016, 5, 23);
  private static final LocalDate DECIDED = LocalDate.of(2016, 5, 26);
  private static final LocalDate TODAY = LocalDate.of(2016, 6, 1);

  @Test
  void recordsSharingWithConsentWithItsTypesMethodAndDateSupplied() {
    Checked checked = DecisionRules.check(sharing().build(), REQUESTED, TODAY);

    assertThat(checked.allowed()).isTrue();
    assertThat(checked.problems()).isEmpty();
    assertThat(checked.warnings()).isEmpty();
  }

  @Test
  void recordsARefusalWithItsReasons() {
    assertThat(DecisionRules.check(refusal().build(), REQUESTED, TODAY).problems()).isEmpty();
  }

  @Test
  void refusesARefusalWithoutReasons() {
    assertThat(DecisionRules.check(refusal().reasons("").build(), REQUESTED, TODAY).problems())
        .containsExactly(new Problem("reasons", "Give the reasons for refusing"));
    assertThat(DecisionRules.check(refusal().reasons("  \n").build(), REQUESTED, TODAY).problems())
        .containsExactly(new Problem("reasons", "Give the reasons for refusing"));
  }

  @Test
  void refusesAnImportedRefusalWithoutReasonsToo() {
    Checked checked = DecisionRules.checkImported(refusal().reasons("").build(), REQUESTED, TODAY);

    assertThat(checked.problems())
        .containsExactly(new Problem("reasons", "Give the reasons for refusing"));
  }

  @Test
  void needsAGroundAndAnAnswerAboutTellingThePersonToShareWithoutConsent() {
    Checked checked =
        DecisionRules.check(
            sharing().withoutConsent().grounds().told(null).build(), REQUESTED, TODAY);

    assertThat(checked.problems())
        .containsExactly(
            new Problem("grounds", "Choose the grounds for sharing without consent"),
            new Problem(
                "subjectTold",
                "Select whether the person was told that their information is shared"));
  }

  @Test
  void needsAGroundToShareInPartWithoutConsent() {
    Checked checked =
        DecisionRules.check(
            sharing()
                .outcome(DecisionOutcome.SHARE_IN_PART)
                .reasons("Health records withheld: not relevant to the risk")
                .withoutConsent()
                .grounds()
                .told(true)
                .build(),
            REQUESTED,
            TODAY);

    assertThat(checked.problems())
        .containsExactly(new Problem("grounds", "Choose the grounds for sharing without consent"));
  }

  @Test
  void sharesWithoutConsentOnAGroundWithoutReasonText() {
    Checked checked =
        DecisionRules.check(
            sharing()
                .withoutConsent()
                .reasons("")
                .grounds(Ground.PREVENT_SIGNIFICANT_HARM, Ground.PREVENTION_OR_DETECTION_OF_CRIME)
                .told(true)
                .build(),
            REQUESTED,
            TODAY);

    assertThat(checked.problems()).isEmpty();
  }

  @Test
  void needsTheReasonWhenThePersonWasNotTold() {
    ProposedDecision notTold =
        sharing().withoutConsent().grounds(Ground.LEGAL_DUTY).told(false).build();

    assertThat(DecisionRules.check(notTold, REQUESTED, TODAY).problems())
        .containsExactly(new Problem("notToldReason", "Give the reason the person was not told"));
    assertThat(
            DecisionRules.check(
                    sharing()
                        .withoutConsent()
                        .grounds(Ground.LEGAL_DUTY)
                        .told(false)
                        .notToldReason("Telling him would put the victim at risk")
                        .build(),
                    REQUESTED,
                    TODAY)
                .problems())
        .isEmpty();
    assertThat(DecisionRules.check(refusal().told(false).build(), REQUESTED, TODAY).problems())
        .containsExactly(new Problem("notToldReason", "Give the reason the person was not told"));
  }

  @Test
  void needsNoAnswerAboutTellingThePersonWhenSharingWithConsent() {
    assertThat(DecisionRules.check(sharing().told(null).build(), REQUESTED, TODAY).problems())
        .isEmpty();
  }

  @Test
  void needsReasonsToShareInPartOnTheFormButOnlyWarnsOnImport() {
    ProposedDecision inPart = sharing().outcome(DecisionOutcome.SHARE_IN_PART).reasons("").build();
    Problem reasons =
        new Problem("reasons", "Give the reasons for sharing in part: what was withheld and why");

    Checked onForm = DecisionRules.check(inPart, REQUESTED, TODAY);
    Checked imported = DecisionRules.checkImported(inPart, REQUESTED, TODAY);

    assertThat(onForm.problems()).containsExactly(reasons);
    assertThat(onForm.warnings()).isEmpty();
    assertThat(imported.allowed()).isTrue();
    assertThat(imported.problems()).isEmpty();
    assertThat(imported.warnings()).containsExactly(reasons);
  }

  @Test
  void importsWhatAnOldLogLeftUnsaidWithWarningsButNeverAMissingGround() {
    ProposedDecision unsaid =
        sharing()
            .withoutConsent()
            .grounds(Ground.PUBLIC_INTEREST)
            .told(null)
            .informationTypes()
            .method(null)
            .build();
    ProposedDecision notTold =
        sharing()
            .withoutConsent()
            .grounds(Ground.PUBLIC_INTEREST)
            .told(false)
            .notToldReason("")
            .build();
    ProposedDecision noGround = sharing().withoutConsent().grounds().build();

    Checked imported = DecisionRules.checkImported(unsaid, REQUESTED, TODAY);
    assertThat(imported.problems()).isEmpty();
    assertThat(imported.warnings())
        .extracting(Problem::field)
        .containsExactly("subjectTold", "informationTypes", "method");
    assertThat(DecisionRules.check(unsaid, REQUESTED, TODAY).problems())
        .extracting(Problem::field)
        .containsExactly("subjectTold", "informationTypes", "method");
    assertThat(DecisionRules.checkImported(notTold, REQUESTED, TODAY).warnings())
        .containsExactly(new Problem("notToldReason", "Give the reason the person was not told"));
    assertThat(DecisionRules.checkImported(noGround, REQUESTED, TODAY).problems())
        .containsExactly(new Problem("grounds", "Choose the grounds for sharing without consent"));
  }

  @Test
  void needsTheTypesMethodAndDateSuppliedToShare() {
    ProposedDecision bare = sharing().informationTypes().method(null).suppliedOn(null).build();

    assertThat(DecisionRules.check(bare, REQUESTED, TODAY).problems())
        .containsExactly(
            new Problem("informationTypes", "Choose the types of information disclosed"),
            new Problem("method", "Choose how the information was shared"),
            new Problem("suppliedOn", "Enter the date the information was supplied"));
    assertThat(
            DecisionRules.check(sharing().informationTypes(" ", "").build(), REQUESTED, TODAY)
                .problems())
        .containsExactly(
            new Problem("informationTypes", "Choose the types of information disclosed"));
  }

  @Test
  void needsTheDateSuppliedOnOrAfterTheDecisionAndNotInTheFuture() {
    assertThat(
            DecisionRules.check(sharing().suppliedOn(DECIDED).build(), REQUESTED, TODAY).problems())
        .isEmpty();
    assertThat(
            DecisionRules.check(
                    sharing().suppliedOn(DECIDED.minusDays(1)).build(), REQUESTED, TODAY)
                .problems())
        .containsExactly(
            new Problem(
                "suppliedOn",
                "The date supplied must be on or after the date decided, 26 May 2016"));
    assertThat(
            DecisionRules.check(sharing().suppliedOn(TODAY.plusDays(1)).build(), REQUESTED, TODAY)
                .problems())
        .containsExactly(
            new Problem("suppliedOn", "The date supplied must be today or in the past"));
  }

  @Test
  void needsTheDateDecidedFromTheRequestDayToToday() {
    assertThat(
            DecisionRules.check(
                    sharing().decidedOn(REQUESTED).suppliedOn(REQUESTED).build(), REQUESTED, TODAY)
                .problems())
        .isEmpty();
    assertThat(DecisionRules.check(refusal().decidedOn(TODAY).build(), REQUESTED, TODAY).problems())
        .isEmpty();
    assertThat(
            DecisionRules.check(
                    refusal().decidedOn(LocalDate.of(2016, 5, 22)).build(), REQUESTED, TODAY)
                .problems())
        .containsExactly(
            new Problem(
                "decidedOn",
                "The date decided must be on or after 23 May 2016, the day the request was made"));
    assertThat(
            DecisionRules.check(refusal().decidedOn(TODAY.plusDays(1)).build(), REQUESTED, TODAY)
                .problems())
        .containsExactly(new Problem("decidedOn", "The date decided must be today or in the past"));
    assertThat(DecisionRules.check(refusal().decidedOn(null).build(), REQUESTED, TODAY).problems())
        .containsExactly(new Problem("decidedOn", "Enter the date decided"));
  }

  @Test
  void refusesARefusalThatSaysWhatWasDisclosed() {
    ProposedDecision refusal =
        refusal()
            .grounds(Ground.PUBLIC_INTEREST)
            .informationTypes("Police incidents")
            .method(SharingMethod.PHONE)
            .suppliedOn(DECIDED)
            .build();

    assertThat(DecisionRules.check(refusal, REQUESTED, TODAY).problems())
        .extracting(Problem::field)
        .containsExactly("grounds", "informationTypes", "method", "suppliedOn");
  }

  @Test
  void needsADecision() {
    ProposedDecision undecided = refusal().outcome(null).reasons("").told(null).build();

    assertThat(DecisionRules.check(undecided, REQUESTED, TODAY).problems())
        .containsExactly(
            new Problem("outcome", "Choose whether to share, share in part or refuse"));
  }

  @Test
  void returnsEveryProblemAtOnceWithItsField() {
    ProposedDecision empty =
        sharing()
            .decidedOn(null)
            .reasons("")
            .withoutConsent()
            .grounds()
            .told(false)
            .informationTypes()
            .method(null)
            .suppliedOn(null)
            .build();

    assertThat(DecisionRules.check(empty, REQUESTED, TODAY).problems())
        .extracting(Problem::field)
        .containsExactly(
            "decidedOn", "grounds", "informationTypes", "method", "suppliedOn", "notToldReason");
  }

  @Test
  void readsTheGroundsAsALogWritesThem() {
    assertThat(Ground.ofWords("  prevention or  DETECTION of crime "))
        .hasValue(Ground.PREVENTION_OR_DETECTION_OF_CRIME);
    assertThat(Ground.ofWords("Public interest")).hasValue(Ground.PUBLIC_INTEREST);
    assertThat(Ground.ofWords("crime")).isEmpty();
  }

  @Test
  void keepsTheGroundsInTheirOrder() {
    ProposedDecision decision =
        sharing().withoutConsent().grounds(Ground.LEGAL_DUTY, Ground.PUBLIC_INTEREST).build();

    assertThat(decision.grounds()).containsExactly(Ground.PUBLIC_INTEREST, Ground.LEGAL_DUTY);
  }

  private static Builder sharing() {
    return new Builder();
  }

  private static Builder refusal() {
    return new Builder()
        .outcome(DecisionOutcome.REFUSE)
        .reasons("Not necessary for the purpose given: the police hold the same record")
        .informationTypes()
        .method(null)
        .suppliedOn(null);
  }

  /** A decision to share with consent, every answer given, changed one answer at a time. */
  private static final class Builder {
    private @Nullable DecisionOutcome outcome = DecisionOutcome.SHARE;
    private @Nullable LocalDate decidedOn = DECIDED;
    private String reasons = "";
    private Set<Ground> grounds = Set.of();
    private boolean withConsent = true;
    private @Nullable Boolean told = true;
    private String notToldReason = "";
    private List<String> informationTypes = List.of("Address and household", "Police incidents");
    private @Nullable SharingMethod method = SharingMethod.SECURE_EMAIL;
    private @Nullable LocalDate suppliedOn = DECIDED.plusDays(1);

    Builder outcome(@Nullable DecisionOutcome outcome) {
      this.outcome = outcome;
      return this;
    }

    Builder decidedOn(@Nullable LocalDate decidedOn) {
      this.decidedOn = decidedOn;
      return this;
    }

    Builder reasons(String reasons) {
      this.reasons = reasons;
      return this;
    }

    Builder grounds(Ground... grounds) {
      this.grounds = Set.of(grounds);
      return this;
    }

    Builder withoutConsent() {
      this.withConsent = false;
      this.told = null;
      return this;
    }

    Builder told(@Nullable Boolean told) {
      this.told = told;
      return this;
    }

    Builder notToldReason(String notToldReason) {
      this.notToldReason = notToldReason;
      return this;
    }

    Builder informationTypes(String... types) {
      this.informationTypes = List.of(types);
      return this;
    }

    Builder method(@Nullable SharingMethod method) {
      this.method = method;
      return this;
    }

    Builder suppliedOn(@Nullable LocalDate suppliedOn) {
      this.suppliedOn = suppliedOn;
      return this;
    }

    ProposedDecision build() {
      return new ProposedDecision(
          outcome,
          decidedOn,
          reasons,
          grounds,
          withConsent,
          told,
          notToldReason,
          informationTypes,
          method,
          suppliedOn);
    }
  }
}
