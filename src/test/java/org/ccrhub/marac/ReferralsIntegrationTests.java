package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Referrals recorded with repeat detection from the database: merged victims, rejected matches. */
@CcrHubTest
class ReferralsIntegrationTests {

  static final LocalDate BORN = LocalDate.of(1980, 4, 5);

  @Autowired Fixtures fixtures;
  @Autowired Maracs maracs;
  @Autowired Agencies agencies;
  @Autowired Referrals referrals;
  @Autowired MaracImport imports;
  @Autowired JdbcClient jdbc;

  record Setup(Partnership partnership, Marac marac, long agency) {}

  Setup aMarac() {
    Partnership partnership = fixtures.partnership();
    long agency = agencies.create(partnership, "Northbridge Police", AgencyType.POLICE).id();
    Marac marac =
        maracs.create(
            partnership,
            "Northbridge MARAC",
            MaracSettings.defaults(1000),
            MeetingFrequency.WEEKLY);
    return new Setup(partnership, marac, agency);
  }

  RecordedReferral record(Setup setup, LocalDate date, String name, String... otherNames) {
    VictimIdentity identity = VictimIdentity.of(name, DateOfBirthOrAge.born(BORN), otherNames);
    return referrals.record(
        setup.marac(),
        new NewReferral(
            date,
            setup.agency(),
            Optional.empty(),
            NewReferral.Victim.recorded(
                identity, Gender.FEMALE, Ethnicity.NOT_KNOWN, Answer.NO, Answer.NO),
            ReferralCriteria.of(RiskAssessment.ofDashScore(15)),
            Set.of(Criterion.VISIBLE_HIGH_RISK),
            NewReferral.Consent.NOT_RECORDED,
            NewReferral.IdvaOffer.NOT_RECORDED,
            List.of(),
            List.of()),
        Optional.empty());
  }

  List<Long> victims(Marac marac) {
    return jdbc.sql("select id from marac_victim where marac_id = :m order by id")
        .param("m", marac.id())
        .query(Long.class)
        .list();
  }

  @Test
  void anExactLinkToSeveralVictimsMakesThemOne() {
    Setup setup = aMarac();
    RecordedReferral alpha = record(setup, LocalDate.of(2024, 1, 10), "Ann Alpha");
    RecordedReferral beta = record(setup, LocalDate.of(2024, 2, 10), "Ann Beta");
    RecordedReferral gamma = record(setup, LocalDate.of(2024, 3, 10), "Ann Gamma");
    assertThat(Set.of(alpha.victimId(), beta.victimId(), gamma.victimId())).hasSize(3);
    assertThat(alpha.repeat() || beta.repeat() || gamma.repeat()).isFalse();

    // known by all three names: the three victims are one, the first of them
    RecordedReferral both =
        record(setup, LocalDate.of(2024, 4, 10), "Ann Gamma", "Ann Alpha", "Ann Beta");

    assertThat(both.victimId()).isEqualTo(alpha.victimId());
    assertThat(both.repeat()).isTrue();
    assertThat(both.nearMatches()).isEmpty();
    assertThat(victims(setup.marac())).containsExactly(alpha.victimId());
    assertThat(
            jdbc.sql("select distinct victim_id from marac_referral where marac_id = :m")
                .param("m", setup.marac().id())
                .query(Long.class)
                .list())
        .containsExactly(alpha.victimId());
    // merged, Ann Beta's and Ann Gamma's referrals are repeats now
    assertThat(
            referrals.repeats(setup.marac(), List.of(alpha.id(), beta.id(), gamma.id(), both.id())))
        .containsExactlyInAnyOrder(beta.id(), gamma.id(), both.id());
  }

  @Test
  void aRejectedNearMatchIsNotOfferedAgain() {
    Setup setup = aMarac();
    RecordedReferral eve = record(setup, LocalDate.of(2024, 1, 10), "Eve Epsilon");
    RecordedReferral eva = record(setup, LocalDate.of(2024, 2, 10), "Eva Epsilon");
    assertThat(eva.nearMatches()).extracting(NearMatch::victimId).containsExactly(eve.victimId());
    List<PendingMatch> pending = referrals.pendingMatches(setup.marac());
    assertThat(pending).hasSize(1);
    referrals.rejectMatch(setup.marac(), pending.get(0).id(), "Test coordinator");

    // Eva again, and Eve again: each is linked to herself, the other is not offered
    RecordedReferral evaAgain = record(setup, LocalDate.of(2024, 3, 10), "Eva Epsilon");
    RecordedReferral eveAgain = record(setup, LocalDate.of(2024, 4, 10), "Eve Epsilon");
    assertThat(evaAgain.victimId()).isEqualTo(eva.victimId());
    assertThat(evaAgain.nearMatches()).isEmpty();
    assertThat(eveAgain.victimId()).isEqualTo(eve.victimId());
    assertThat(eveAgain.nearMatches()).isEmpty();

    // nor by an import
    String file =
        MaracCommandsIntegrationTests.HEADER
            + "10/05/2024,,Eva Epsilon,05/04/1980,,female,White,no,no,,,,,,"
            + "Northbridge Police,,14,,0\r\n";
    MaracImportResult imported =
        imports.importReferrals(
            setup.partnership(), setup.marac(), file.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.summary())
        .isEqualTo(
            "Imported 1 referral: 0 heard at a meeting, 1 not yet heard, 1 repeat,"
                + " 0 meetings created, 0 near matches to review.");
    assertThat(referrals.pendingMatches(setup.marac())).isEmpty();

    // a third spelling is offered, against both
    RecordedReferral evie = record(setup, LocalDate.of(2024, 6, 10), "Evi Epsilon");
    assertThat(evie.nearMatches())
        .extracting(NearMatch::victimId)
        .containsExactlyInAnyOrder(eve.victimId(), eva.victimId());
  }
}
