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

  /**
   * An import records its rows in one go (candidates loaded once, rows written in batches); the
   * same rows imported one file of one row at a time, each searched in the database, give the same
   * victims, repeats, near matches and data return.
   */
  @Test
  void anImportGivesWhatOneReferralAfterAnotherGives() {
    Setup together = aMarac();
    Partnership partnership = together.partnership();
    Marac apart =
        maracs.create(
            partnership,
            "Southbridge MARAC",
            MaracSettings.defaults(1000),
            MeetingFrequency.WEEKLY);
    java.util.Random random = new java.util.Random(7);
    String[] first = {"Ann", "Bea", "Cara", "Dee", "Eve", "Fay", "Gail", "Hana"};
    List<String> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int person = random.nextInt(40);
      String given = first[person % first.length];
      String family = "Test" + (char) ('a' + person / first.length) + "son";
      LocalDate born = LocalDate.of(1970 + person % 20, 1 + person % 12, 1 + person % 9);
      LocalDate date = LocalDate.of(2015, 4, 1).plusDays(random.nextInt(1000));
      String name = given + " " + family;
      String dob = born.toString();
      String age = "";
      switch (random.nextInt(6)) {
        case 0 -> name = given + "e " + family;
        case 1 -> name = family + " " + given;
        case 2 ->
            dob =
                LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue()).toString();
        case 3 -> {
          dob = "";
          age = Integer.toString(java.time.Period.between(born, date).getYears());
        }
        default -> {}
      }
      String meeting = i % 7 == 0 ? "" : date.plusDays(7).toString();
      rows.add(
          date
              + ","
              + meeting
              + ","
              + name
              + ","
              + dob
              + ","
              + age
              + ",female,White,no,no,,,,,,Northbridge Police,Police,14,,"
              + (i % 3)
              + "\r\n");
    }
    imports.importReferrals(
        partnership,
        together.marac(),
        (MaracCommandsIntegrationTests.HEADER + String.join("", rows))
            .getBytes(StandardCharsets.UTF_8));
    List<String> inOrder = new java.util.ArrayList<>(rows);
    // as the import orders them: by referral date, then as in the file (a stable sort)
    inOrder.sort(java.util.Comparator.comparing(r -> r.substring(0, 10)));
    for (String row : inOrder) {
      imports.importReferrals(
          partnership,
          apart,
          (MaracCommandsIntegrationTests.HEADER + row).getBytes(StandardCharsets.UTF_8));
    }

    String recorded = recorded(together.marac());
    assertThat(recorded).contains("near match");
    assertThat(recorded(apart)).isEqualTo(recorded);
    var from = org.ccrhub.plans.ReportingPeriod.parse("2015/16 Q1");
    var to = org.ccrhub.plans.ReportingPeriod.parse("2017/18 Q4");
    assertThat(dataReturns.count(apart, from, to))
        .isEqualTo(dataReturns.count(together.marac(), from, to));
  }

  @Autowired DataReturns dataReturns;

  /**
   * The MARAC's referrals in the order recorded, each with its victim as the position of that
   * victim's first referral, whether it is a repeat, and its near matches the same way.
   */
  String recorded(Marac marac) {
    List<long[]> referralVictims =
        jdbc.sql("select id, victim_id from marac_referral where marac_id = :m order by id")
            .param("m", marac.id())
            .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .list();
    java.util.Map<Long, Integer> victimOf = new java.util.HashMap<>();
    java.util.Map<Long, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < referralVictims.size(); i++) {
      victimOf.putIfAbsent(referralVictims.get(i)[1], i);
      position.put(referralVictims.get(i)[0], i);
    }
    Set<Long> repeats = referrals.repeats(marac, referralVictims.stream().map(r -> r[0]).toList());
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < referralVictims.size(); i++) {
      long id = referralVictims.get(i)[0];
      text.append(i)
          .append(" victim ")
          .append(victimOf.get(referralVictims.get(i)[1]))
          .append(repeats.contains(id) ? " repeat" : "")
          .append('\n');
    }
    for (PendingMatch match : referrals.pendingMatches(marac)) {
      text.append("near match of ")
          .append(position.get(match.referralId()))
          .append(" to victim ")
          .append(victimOf.get(match.candidateVictimId()))
          .append(' ')
          .append(match.reasons())
          .append('\n');
    }
    return text.toString();
  }
}
