package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A referral to a MARAC as the referral form or an imported row gives it, before it is recorded
 * ({@code Referrals}). Texts are already cleaned; empty optional texts are {@link Optional#empty}.
 *
 * @param referringAgencyId an agency of the MARAC's partnership: its type says whether it is a
 *     police referral
 * @param criteria the risk assessment, police-reported incidents and professional judgement
 * @param claimed the criteria the referrer says the case meets (the recorded assessment may show
 *     more; a claim the assessment does not support is shown to the coordinator, not refused)
 */
public record NewReferral(
    LocalDate referralDate,
    long referringAgencyId,
    Optional<String> referringOfficer,
    Victim victim,
    ReferralCriteria criteria,
    Set<Criterion> claimed,
    Consent consent,
    IdvaOffer idva,
    List<Perpetrator> perpetrators,
    List<Child> children) {

  public NewReferral {
    Objects.requireNonNull(referralDate, "referralDate");
    Objects.requireNonNull(victim, "victim");
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(idva, "idva");
    claimed = Set.copyOf(claimed);
    perpetrators = List.copyOf(perpetrators);
    children = List.copyOf(children);
  }

  /**
   * The victim: {@code identity} holds the name, other names and date of birth or age that repeat
   * detection compares.
   *
   * @param aware whether the victim knows of the referral; {@code unawareReason} says why not
   * @param fears who the victim fears
   * @param safeToSpeakTo who is safe to speak to
   */
  public record Victim(
      VictimIdentity identity,
      Gender gender,
      Optional<String> address,
      Optional<String> safeContact,
      Answer safeToCall,
      Ethnicity ethnicity,
      Answer disabled,
      Answer lgbt,
      Answer pregnant,
      Optional<String> firstLanguage,
      Answer interpreterNeeded,
      Answer aware,
      Optional<String> unawareReason,
      Optional<String> fears,
      Optional<String> safeToSpeakTo) {

    public Victim {
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(gender, "gender");
      Objects.requireNonNull(ethnicity, "ethnicity");
    }

    /** A victim known only by what an imported record holds; the rest is not known. */
    public static Victim recorded(
        VictimIdentity identity, Gender gender, Ethnicity ethnicity, Answer disabled, Answer lgbt) {
      return new Victim(
          identity,
          gender,
          Optional.empty(),
          Optional.empty(),
          Answer.NOT_KNOWN,
          ethnicity,
          disabled,
          lgbt,
          Answer.NOT_KNOWN,
          Optional.empty(),
          Answer.NOT_KNOWN,
          Answer.NOT_KNOWN,
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
  }

  /**
   * Consent to share: given, or not given and shared without it, with the reason, the lawful basis
   * and who decided. Empty for an imported record that did not say.
   */
  public record Consent(
      Optional<Boolean> given,
      Optional<String> withoutConsentReason,
      Optional<String> lawfulBasis,
      Optional<String> decidedBy) {

    public static final Consent NOT_RECORDED =
        new Consent(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The IDVA offer every case gets, and when it was made; empty until recorded. */
  public record IdvaOffer(Optional<IdvaOfferOutcome> outcome, Optional<LocalDate> offeredOn) {

    public static final IdvaOffer NOT_RECORDED = new IdvaOffer(Optional.empty(), Optional.empty());
  }

  public record Perpetrator(
      Optional<String> name, DateOfBirthOrAge birth, Gender gender, Optional<String> relationship) {

    public Perpetrator {
      Objects.requireNonNull(birth, "birth");
      Objects.requireNonNull(gender, "gender");
    }
  }

  /** A child or dependant in the household; an imported record knows only how many. */
  public record Child(
      Optional<String> name,
      Optional<LocalDate> dateOfBirth,
      Optional<String> relationshipToVictim,
      Optional<String> relationshipToPerpetrator,
      Optional<String> school) {

    public static final Child UNNAMED =
        new Child(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
  }
}
