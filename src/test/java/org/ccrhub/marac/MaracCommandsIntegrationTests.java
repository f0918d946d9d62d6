package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code marac import}, {@code marac dataset} and {@code marac purge} as a coordinator runs them: a
 * history with known repeats, edge dates and a near match, whose data return is counted by hand
 * below.
 */
@CcrHubTest
class MaracCommandsIntegrationTests {

  static final String HEADER =
      "referral_date,meeting_date,victim_name,victim_dob,victim_age,victim_gender,"
          + "victim_ethnicity,victim_disability,victim_lgbt,perpetrator_name,perpetrator_dob,"
          + "perpetrator_age,perpetrator_gender,relationship,referring_agency,agency_type,"
          + "dash_score,criteria,children\r\n";

  /**
   * The history. Ann Alpha is referred again 12 months to the day (a repeat); Dee Delta 12 months
   * and a day later (not); Cara Gamma on 29 February 2016 and 28 February 2017 (a repeat); Bea Beta
   * twice within the year (a repeat); Eva Epsilon may be Eve Epsilon (a near match); Gil Gamma is
   * not heard yet; Hal Eta was referred a year ago. Rows are not in date order.
   */
  static String history(LocalDate today) {
    return HEADER
        // row 2: Ann's second referral first in the file
        + "10/06/2016,16/06/2016,Ann Alpha,01/01/1980,,female,White,no,no,Al Alpha,,40,male,"
        + "ex-partner,Northbridge Police,Police,15,visible high risk,3\r\n"
        // row 3
        + "2015-06-10,2015-06-20,ann  ALPHA,1980-01-01,,F,White,no,no,,,,,,"
        + "Northbridge Police,,16,visible high risk,2\r\n"
        // row 4: 16 on the referral date (born on 29 February); a perpetrator of 17
        + "2016-04-05,2016-04-14,Bea Beta,29/02/2000,,female,"
        + "\"Asian, Asian British or Asian Welsh: Indian\",yes,no,,,17,male,partner,"
        + "Northbridge Council,local authority,12,professional judgement,0\r\n"
        // row 5: 17 on the referral date; a perpetrator of 18
        + "2017-03-01,2017-03-09,Bea Beta,2000-02-29,,female,"
        + "\"Asian, Asian British or Asian Welsh: Indian\",yes,not known,,,18,male,partner,"
        + "Northbridge Police,POLICE,14,visible high risk,2\r\n"
        // rows 6 and 7: 29 February 2016, then 28 February 2017 (12 months before is 28 Feb 2016)
        + "29/02/2016,03/03/2016,Cara Gamma,1988-08-08,,female,White: Irish,no,no,,,,,,"
        + "Northbridge Police,Police,14,visible high risk,0\r\n"
        + "28/02/2017,09/03/2017,Cara Gamma,08/08/1988,,female,White: Irish,no,no,,,,,,"
        + "Northbridge Police,Police,14,visible high risk,0\r\n"
        // rows 8 and 9: 12 months and a day apart
        + "01/07/2015,09/07/2015,Dee Delta,1991-09-09,,female,White,no,no,,,,,,"
        + "Northbridge Police,Police,14,,0\r\n"
        + "02/07/2016,14/07/2016,Dee Delta,1991-09-09,,female,White,no,no,,,,,,"
        + "Northbridge Police,Police,14,,0\r\n"
        // rows 10 and 11: a near match, the name spelled differently
        + "01/08/2016,11/08/2016,Eve Epsilon,04/03/1975,,female,Not known,not known,no,,,,,,"
        + "Northbridge Council,Local authority,14,,0\r\n"
        + "03/10/2016,13/10/2016,Eva Epsilon,04/03/1975,,female,Not known,no,no,,,,,,"
        + "Northbridge Police,Police,14,,0\r\n"
        // row 12: male, LGBT+, Black
        + "01/11/2016,10/11/2016,Finn Phi,05/05/1990,,male,"
        + "\"Black, Black British, Black Welsh, Caribbean or African: Caribbean\",no,yes,,,,,,"
        + "Safe Haven,VOLUNTARY_COMMUNITY,20,visible high risk,1\r\n"
        // row 13: an accented name (Windows-1252), an age, an ethnicity read with a warning, a
        // perpetrator of 16
        + "01/12/2016,08/12/2016,Zoé Zeta,,34,female,White Irish,no,no,,02/12/1999,,male,"
        + "son,Northbridge Council,,14,,0\r\n"
        // row 14: not heard yet
        + "20/03/2017,,Gil Gamma,07/07/1985,,female,White,no,no,,,,,,Northbridge Police,,14,,0\r\n"
        // row 15: a year ago, not heard, kept at retention
        + today.minusYears(1)
        + ",,Hal Eta,01/01/1970,,female,White,no,no,,,,,,Northbridge Police,,14,,1\r\n";
  }

  static final String COLUMNS = String.join(",", DataReturn.COLUMNS);

  static final String EXPECTED =
      COLUMNS
          + "\r\n2016/17 Q1,2,2,1,50.0,3,1,1,50.0,50.0,0.0,50.0,0.0,1,1,0.4,449"
          + "\r\n2016/17 Q2,2,2,0,0.0,0,1,1,50.0,0.0,0.0,0.0,0.0,0,0,0.4,449"
          + "\r\n2016/17 Q3,3,3,0,0.0,1,1,2,66.7,33.3,33.3,0.0,33.3,0,1,0.7,449"
          + "\r\n2016/17 Q4,1,2,2,100.0,2,2,0,0.0,50.0,0.0,50.0,0.0,1,0,0.8,449\r\n";

  @Autowired AdminCommands commands;
  @Autowired Partnerships partnerships;
  @Autowired Maracs maracs;
  @Autowired Referrals referrals;
  @Autowired JdbcClient jdbc;
  @TempDir Path dir;

  record Setup(String slug, Partnership partnership, Marac marac) {}

  Setup aMarac() {
    String slug = "marac-" + System.nanoTime();
    assertThat(
            commands.run("partnership", "create", "--slug", slug, "--name", "MARAC CSP").exitCode())
        .isZero();
    Partnership partnership = partnerships.named(slug);
    Marac marac =
        maracs.create(
            partnership,
            "Northbridge MARAC",
            MaracSettings.defaults(112_350),
            MeetingFrequency.MONTHLY);
    return new Setup(slug, partnership, marac);
  }

  Path file(String name, String content, Charset charset) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(charset));
    return file;
  }

  String dataset(Setup setup, String name) throws Exception {
    Path out = dir.resolve(name);
    AdminCommands.Result result =
        commands.run(
            "marac",
            "dataset",
            "--partnership",
            setup.slug(),
            "--from",
            "2016/17 Q1",
            "--to",
            "2016/17 Q4",
            "--format",
            "csv",
            "--out",
            out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  int referralCount(Marac marac) {
    return jdbc.sql("select count(*) from marac_referral where marac_id = :m")
        .param("m", marac.id())
        .query(Integer.class)
        .single();
  }

  @Test
  void importsAHistoryCountsItsReturnAndKeepsTheReturnWhenPersonalDetailsGo() throws Exception {
    Setup setup = aMarac();
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
    Path csv = file("history.csv", history(today), Charset.forName("windows-1252"));

    AdminCommands.Result imported =
        commands.run("marac", "import", "--partnership", setup.slug(), "--file", csv.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    List<PendingMatch> pending = referrals.pendingMatches(setup.marac());
    assertThat(pending).hasSize(1);
    PendingMatch match = pending.get(0);
    assertThat(match.reasons()).containsExactly(MatchReason.NAME_SPELLED_DIFFERENTLY);
    assertThat(imported.out())
        .isEqualTo(
            "Imported 14 referrals: 12 heard at a meeting, 2 not yet heard, 3 repeats,"
                + " 11 meetings created, 1 near match to review.\n"
                + "Agency created: Northbridge Police (Police)\n"
                + "Agency created: Northbridge Council (Local authority)\n"
                + "Agency created: Safe Haven (Voluntary and community sector)\n"
                + "Warning: Row 13, column victim_ethnicity: Read as White: Irish, as ONS 2021"
                + " writes it\n"
                + "Near match to review: row 11, referral "
                + match.referralId()
                + ", match "
                + match.id()
                + "\n");
    assertThat(imported.out()).doesNotContain("Eva", "Epsilon", "Zo");
    assertThat(
            jdbc.sql(
                    "select count(*) from marac_referral where marac_id = :m"
                        + " and victim_name = 'Zoé Zeta' and victim_age = 34 and imported")
                .param("m", setup.marac().id())
                .query(Integer.class)
                .single())
        .isOne();
    // Ann's two referrals are one victim; Bea's too
    assertThat(
            jdbc.sql("select count(distinct victim_id) from marac_referral where marac_id = :m")
                .param("m", setup.marac().id())
                .query(Integer.class)
                .single())
        .isEqualTo(10);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'IMPORT'"
                        + " and object_type = 'Marac' and object_id = :id")
                .param("id", Long.toString(setup.marac().id()))
                .query(Integer.class)
                .single())
        .isOne();

    assertThat(dataset(setup, "before.csv")).isEqualTo(EXPECTED);

    // until confirmed a near match is not a repeat; confirmed, Eva's referral is one
    assertThat(referrals.isRepeat(match.referralId())).isFalse();
    referrals.confirmMatch(setup.marac(), match.id(), "Test coordinator");
    assertThat(referrals.isRepeat(match.referralId())).isTrue();
    assertThat(referrals.pendingMatches(setup.marac())).isEmpty();
    // the decision is in the case's trail, so "who looked at the case" shows it
    assertThat(
            jdbc.sql(
                    "select summary from audit_event where object_type = :t and object_id = :id"
                        + " and summary like 'Confirmed near match%'")
                .param("t", MaracAccess.CASE)
                .param("id", Long.toString(match.referralId()))
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .contains("the victim of referral " + match.referralId());
    String confirmed =
        EXPECTED.replace(
            "2016/17 Q3,3,3,0,0.0,1,1,2,66.7,33.3,33.3,0.0,33.3,0,1,0.7,449",
            "2016/17 Q3,3,3,1,33.3,1,1,2,66.7,33.3,33.3,0.0,33.3,0,1,0.7,449");
    assertThat(dataset(setup, "confirmed.csv")).isEqualTo(confirmed);

    long purgedId = freeText(setup.marac(), "2015-06-10");
    long keptId = freeText(setup.marac(), today.minusYears(1).toString());

    AdminCommands.Result dryRun =
        commands.run("marac", "purge", "--partnership", setup.slug(), "--dry-run");
    assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
    assertThat(dryRun.out())
        .startsWith("referral_id,referral_date,last_referral_date\n")
        .contains(",2015-06-10,2016-06-10\n")
        .contains(",2016-12-01,2016-12-01\n")
        .doesNotContain(today.minusYears(1).toString())
        .endsWith("13 referrals would lose personal details (dry run: nothing was changed).\n");
    assertThat(
            jdbc.sql(
                    "select count(*) from marac_referral where marac_id = :m and purged_at is null"
                        + " and victim_name is not null")
                .param("m", setup.marac().id())
                .query(Integer.class)
                .single())
        .isEqualTo(14);

    AdminCommands.Result purged = commands.run("marac", "purge", "--partnership", setup.slug());
    assertThat(purged.exitCode()).as(purged.err()).isZero();
    assertThat(purged.out()).endsWith("Personal details removed from 13 referrals.\n");
    assertThat(
            jdbc.sql(
                    "select coalesce(string_agg(victim_name, ','), '') from marac_referral"
                        + " where marac_id = :m and victim_name is not null")
                .param("m", setup.marac().id())
                .query(String.class)
                .single())
        .isEqualTo("Hal Eta");
    assertThat(
            jdbc.sql(
                    "select count(*) from marac_referral where marac_id = :m"
                        + " and (victim_dob is not null or victim_other_names <> '{}')"
                        + " and purged_at is not null")
                .param("m", setup.marac().id())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from marac_perpetrator p join marac_referral r"
                        + " on r.id = p.referral_id where r.marac_id = :m"
                        + " and (p.name is not null or p.dob is not null)")
                .param("m", setup.marac().id())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from marac_victim_key k join marac_referral r"
                        + " on r.id = k.referral_id where r.marac_id = :m and r.purged_at is not"
                        + " null")
                .param("m", setup.marac().id())
                .query(Integer.class)
                .single())
        .isZero();
    // free text that may name people goes; the lawful basis, dates, statuses and agencies stay
    assertThat(freeTextOf(purgedId))
        .isEqualTo(
            "||Public task||||||||" + MaracRetention.REMOVED + "||2030-01-31|OPEN|t||MET|PRESENT");
    assertThat(freeTextOf(keptId))
        .isEqualTo(
            "Judgement|Without consent|Public task|Coordinator|Risks|IDVA outcome|Closure|Facts"
                + "|Opinion|Not shared|Action|Update|2030-01-31|OPEN|t|Audit notes|MET|PRESENT");
    assertThat(dataset(setup, "purged.csv")).isEqualTo(confirmed);
    assertThat(commands.run("marac", "purge", "--partnership", setup.slug()).out())
        .endsWith("Personal details removed from 0 referrals.\n");
  }

  /**
   * Gives the MARAC's referral of that date free text in every column that may hold personal
   * details, with research, an action, an audit sample and attendance; its id.
   */
  long freeText(Marac marac, String referralDate) {
    long id =
        jdbc.sql(
                "select id from marac_referral where marac_id = :m and referral_date = cast(:d as"
                    + " date)")
            .param("m", marac.id())
            .param("d", referralDate)
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            update marac_referral set judgement_reason = 'Judgement',
                without_consent_reason = 'Without consent', lawful_basis = 'Public task',
                consent_decided_by = 'Coordinator', risks_discussed = 'Risks',
                idva_contact_outcome = 'IDVA outcome', closure_reason = 'Closure'
            where id = :id
            """)
        .param("id", id)
        .update();
    long meeting =
        jdbc.sql(
                """
                insert into marac_meeting (marac_id, meeting_date, kind)
                values (:m, date '2030-01-01' + cast(:id as integer), 'REGULAR') returning id
                """)
            .param("m", marac.id())
            .param("id", id % 1000)
            .query(Long.class)
            .single();
    long agency =
        jdbc.sql("select referring_agency_id from marac_referral where id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            insert into marac_research (referral_id, agency_id, facts, opinion, not_shared,
                recorded_by, recorded_at)
            values (:id, :a, 'Facts', 'Opinion', 'Not shared', 'Member', now())
            """)
        .param("id", id)
        .param("a", agency)
        .update();
    jdbc.sql(
            """
            insert into marac_action (referral_id, meeting_id, agency_id, description, due_on,
                update_note, updated_by, updated_at)
            values (:id, :meeting, :a, 'Action', date '2030-01-31', 'Update', 'Member', now())
            """)
        .param("id", id)
        .param("meeting", meeting)
        .param("a", agency)
        .update();
    jdbc.sql(
            """
            insert into marac_attendance (meeting_id, agency_id, status, confidentiality_signed)
            values (:meeting, :a, 'PRESENT', true)
            """)
        .param("meeting", meeting)
        .param("a", agency)
        .update();
    long sample =
        jdbc.sql(
                """
                insert into marac_audit_sample (marac_id, from_date, to_date, drawn_by, drawn_at)
                values (:m, date '2015-01-01', date '2030-12-31', 'Coordinator', now())
                returning id
                """)
            .param("m", marac.id())
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            insert into marac_audit_sample_case (sample_id, referral_id, outcome, notes)
            values (:s, :id, 'MET', 'Audit notes')
            """)
        .param("s", sample)
        .param("id", id)
        .update();
    return id;
  }

  /** The free text, and what the figures need, of the referral {@link #freeText} filled in. */
  String freeTextOf(long id) {
    return jdbc.sql(
            """
            select concat_ws('|', coalesce(r.judgement_reason, ''),
                coalesce(r.without_consent_reason, ''), coalesce(r.lawful_basis, ''),
                coalesce(r.consent_decided_by, ''), coalesce(r.risks_discussed, ''),
                coalesce(r.idva_contact_outcome, ''), coalesce(r.closure_reason, ''),
                coalesce(s.facts, ''), coalesce(s.opinion, ''), coalesce(s.not_shared, ''),
                a.description, coalesce(a.update_note, ''), a.due_on, a.status,
                a.updated_by is not null, coalesce(c.notes, ''), coalesce(c.outcome, ''),
                t.status)
            from marac_referral r
            join marac_research s on s.referral_id = r.id
            join marac_action a on a.referral_id = r.id
            join marac_attendance t on t.meeting_id = a.meeting_id
            join marac_audit_sample_case c on c.referral_id = r.id
            where r.id = :id
            """)
        .param("id", id)
        .query(String.class)
        .single();
  }

  @Test
  void aFileWithMistakesIsRefusedWithEveryProblemAndNothingIsStored() throws Exception {
    Setup setup = aMarac();
    String bad =
        HEADER
            + "31/02/2016,,Ann Alpha,01/01/1980,,female,White,no,no,,,,,,Police HQ,Police,,,0\r\n"
            + "01/03/2016,,,01/01/1980,,female,Purple,maybe,no,,,,,,New Charity,,25,"
            + "high risk,-1\r\n"
            + "02/03/2016,,Bo Beta,01/01/2020,200,female,White,no,no,,,,,,Police HQ,Spies,,,0\r\n";
    Path csv = file("bad.csv", bad, StandardCharsets.UTF_8);

    AdminCommands.Result result =
        commands.run("marac", "import", "--partnership", setup.slug(), "--file", csv.toString());

    assertThat(result.exitCode()).isOne();
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("Nothing was imported: the file has 10 problems.\n")
        .contains(
            "Row 2, column referral_date ('31/02/2016'): The referral date must be a real date,"
                + " like 23/05/2016 or 2016-05-23\n",
            "Row 3, column victim_name: Enter the victim's name\n",
            "Row 3, column victim_ethnicity: The ethnicity is not an ONS 2021 category",
            "Row 3, column victim_disability: Enter yes, no or not known\n",
            "Row 3, column agency_type: The agency 'New Charity' is new to the partnership: enter"
                + " its type, such as Police or Health\n",
            "Row 3, column dash_score ('25'): The DASH score must be a whole number from 0 to 24\n",
            "Row 3, column criteria ('high risk'): Enter the criterion",
            "Row 3, column children ('-1'): The number of children must be a whole number",
            "Row 4, column victim_dob: The date of birth must be on or before the referral date\n",
            "Row 4, column agency_type ('Spies'): Enter an agency type")
        .doesNotContain("Purple", "Bo Beta");
    assertThat(referralCount(setup.marac())).isZero();
    assertThat(
            jdbc.sql("select count(*) from agency where partnership_id = :p")
                .param("p", setup.partnership().id())
                .query(Integer.class)
                .single())
        .isZero();
  }
}
