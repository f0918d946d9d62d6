package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ccrhub.CcrHubTest;
import org.ccrhub.CpuTime;
import org.ccrhub.Fixtures;
import org.ccrhub.HttpBrowser;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The MARAC benchmarks of issue 12 (run by {@code bench/marac.sh}, not by the build): with 200,000
 * earlier referrals in a MARAC, the repeat and near-match search at referral and the whole
 * recording of a referral (p95), the data return for a year, and the import of 10,000 rows. The
 * history is made in SQL (generate_series), so that making it takes seconds.
 */
@CcrHubTest
@EnabledIfSystemProperty(named = "ccr.bench", matches = "true")
class MaracBenchmarkIntegrationTests {

  static final int REFERRALS = Integer.getInteger("ccr.bench.referrals", 200_000);
  static final int VICTIMS = REFERRALS * 3 / 4;
  static final int WARM_UP_ROUNDS = Integer.getInteger("ccr.bench.warm-up", 3);
  static final int DAYS = 3000; // 2010-01-01 to 2018-03-19
  static final String[] FIRST = {
    "Ann", "Bea", "Cara", "Dee", "Eve", "Fay", "Gail", "Hana", "Iris", "Jo", "Kay", "Lee", "Mia",
    "Nia", "Ola", "Pam", "Queenie", "Rosa", "Sam", "Tia", "Una", "Val", "Wendy", "Xena", "Yas",
    "Zoe", "Amy", "Beth", "Cleo", "Dana", "Edie", "Flo", "Gwen", "Hope", "Ivy", "Jess", "Kim",
    "Liv", "May", "Nell", "Opal", "Pia", "Rae", "Sue", "Tess", "Uma", "Vera", "Win", "Yva", "Zara"
  };

  @Autowired Fixtures fixtures;
  @Autowired Maracs maracs;
  @Autowired Agencies agencies;
  @Autowired Referrals referrals;
  @Autowired DataReturns dataReturns;
  @Autowired MaracImport imports;
  @Autowired JdbcClient jdbc;
  @Autowired MaracRoles roles;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired MaracAccess access;
  @Autowired Meetings meetings;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;
  @Autowired org.ccrhub.security.TwoFactorSessions twoFactor;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  static String first(long v) {
    return FIRST[(int) (v % FIRST.length)];
  }

  static String last(long v) {
    return "Surname" + (v / FIRST.length) % 600;
  }

  static LocalDate dob(long v) {
    return LocalDate.of(1950, 1, 1).plusDays(v * 37 % 20_000);
  }

  @Test
  void measures() {
    Partnership partnership = fixtures.partnership();
    long police = agencies.create(partnership, "Bench Police", AgencyType.POLICE).id();
    agencies.create(partnership, "Bench Council", AgencyType.LOCAL_AUTHORITY);
    Marac marac =
        maracs.create(
            partnership, "Bench MARAC", MaracSettings.defaults(112_350), MeetingFrequency.WEEKLY);

    long started = System.nanoTime();
    history(marac, police);
    System.out.printf(
        "BENCH history: %,d referrals of %,d victims made in %.1f s%n",
        REFERRALS, VICTIMS, (System.nanoTime() - started) / 1e9);
    if (Boolean.getBoolean("ccr.bench.explain")) {
      new org.springframework.transaction.support.TransactionTemplate(transactions)
          .executeWithoutResult(status -> explain(marac));
      return;
    }

    if ("meeting".equals(System.getProperty("ccr.bench.only"))) {
      meetingPage(partnership, marac, police);
      return;
    }

    // the search at referral, and the whole recording, for 300 new referrals: a third of known
    // victims (exact), a third with a name spelled differently, a third new people
    Random random = new Random(12);
    List<Double> search = new ArrayList<>();
    List<Double> record = new ArrayList<>();
    int warmUp = 30;
    for (int i = 0; i < 300 + warmUp; i++) {
      long v = random.nextInt(VICTIMS);
      String name =
          switch (i % 3) {
            case 0 -> first(v) + " " + last(v);
            case 1 -> first(v) + "e " + last(v);
            default -> first(v) + " Newname" + i;
          };
      VictimIdentity identity = VictimIdentity.of(name, List.of(), DateOfBirthOrAge.born(dob(v)));
      LocalDate date = LocalDate.of(2018, 3, 20).plusDays(i % 10);
      long t0 = System.nanoTime();
      new ReferralIndex(referrals.candidates(marac, identity)).check(identity, date);
      long t1 = System.nanoTime();
      referrals.record(marac, referral(identity, date, police), Optional.empty());
      long t2 = System.nanoTime();
      if (i >= warmUp) {
        search.add((t1 - t0) / 1e6);
        record.add((t2 - t1) / 1e6);
      }
    }
    System.out.printf(
        "BENCH search at referral: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d referrals)%n",
        percentile(search, 50), percentile(search, 95), percentile(search, 100), search.size());
    System.out.printf(
        "BENCH record a referral (search, link, store, audit): p50 %.1f ms, p95 %.1f ms%n",
        percentile(record, 50), percentile(record, 95));

    // the data return for a year
    List<Double> returns = new ArrayList<>();
    DataReturn dataReturn = null;
    for (int i = 0; i < 6; i++) {
      long t0 = System.nanoTime();
      dataReturn =
          dataReturns.count(
              marac,
              ReportingPeriod.parse("2016/17 Q1"),
              ReportingPeriod.parse("2016/17 Q4"),
              LocalDate.of(2026, 1, 1));
      if (i > 0) {
        returns.add((System.nanoTime() - t0) / 1e6);
      }
    }
    int cases = dataReturn.quarters().stream().mapToInt(QuarterFigures::cases).sum();
    System.out.printf(
        "BENCH data return for 2016/17 (%,d cases): median %.0f ms, max %.0f ms%n",
        cases, percentile(returns, 50), percentile(returns, 100));

    meetingPage(partnership, marac, police);

    // the import of 10,000 rows into a new MARAC of the same partnership
    Marac fresh =
        maracs.create(
            partnership, "Bench MARAC 2", MaracSettings.defaults(112_350), MeetingFrequency.WEEKLY);
    byte[] csv = importFile(10_000);
    long t0 = System.nanoTime();
    MaracImportResult result = imports.importReferrals(partnership, fresh, csv);
    System.out.printf(
        "BENCH import of 10,000 rows: %.1f s (%s)%n",
        (System.nanoTime() - t0) / 1e9, result.summary());
    assertThat(result.referrals()).isEqualTo(10_000);
  }

  /**
   * The agenda page of a meeting with 40 cases (a third with children, some repeats of the
   * history's victims), as the coordinator asks for it over 16 connections at once: p50 and p95 of
   * 640 requests after 40 to warm up.
   */
  private void meetingPage(Partnership partnership, Marac marac, long police) {
    LocalDate day = LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(3);
    long meeting =
        jdbc.sql(
                "insert into marac_meeting (marac_id, meeting_date, kind) values (:m, :d,"
                    + " 'REGULAR') returning id")
            .param("m", marac.id())
            .param("d", day)
            .query(Long.class)
            .single();
    Random random = new Random(40);
    for (int i = 0; i < 40; i++) {
      long v = random.nextInt(VICTIMS);
      String name = i % 4 == 0 ? first(v) + " " + last(v) : first(v) + " Agenda" + i;
      VictimIdentity identity = VictimIdentity.of(name, List.of(), DateOfBirthOrAge.born(dob(v)));
      NewReferral referral = referral(identity, day.minusDays(10 + i % 7), police);
      if (i % 3 == 0) {
        referral =
            new NewReferral(
                referral.referralDate(),
                referral.referringAgencyId(),
                referral.referringOfficer(),
                referral.victim(),
                referral.criteria(),
                referral.claimed(),
                referral.consent(),
                referral.idva(),
                referral.perpetrators(),
                List.of(NewReferral.Child.UNNAMED, NewReferral.Child.UNNAMED));
      }
      referrals.record(marac, referral, Optional.of(meeting));
    }
    String coordinator = fixtures.user(partnership, org.ccrhub.security.Role.VIEWER);
    long account =
        jdbc.sql("select id from user_account where email = :e")
            .param("e", coordinator)
            .query(Long.class)
            .single();
    roles.grant(
        partnership, marac, account, MaracRole.MARAC_COORDINATOR, Optional.empty(), "benchmark");
    String page = "/p/" + partnership.slug() + "/marac/" + marac.id() + "/meetings/" + meeting;
    try {
      twoFactor.signIn(mvc, coordinator); // sets up the account's two-factor key
      // sixteen people at once, as at a meeting, each signed in over HTTP with their own session
      List<HttpBrowser> people = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        HttpBrowser person = new HttpBrowser(port);
        person.signIn(coordinator, Fixtures.PASSWORD, null);
        person.post("/sign-in/code", "code=" + twoFactor.freshCode(coordinator), null);
        people.add(person);
      }
      String html = agendaPage(people.get(0), page);
      int cases = html.split("/cases/", -1).length - 1;
      MaracReader reader = access.reader(partnership, marac.id(), account, "benchmark");
      List<Double> alone = new ArrayList<>();
      List<Double> single = new ArrayList<>();
      List<Double> plain = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        long t0 = System.nanoTime();
        meetings.agenda(reader, meeting);
        long t1 = System.nanoTime();
        agendaPage(people.get(0), page);
        long t2 = System.nanoTime();
        people.get(0).get("/account/password");
        long t3 = System.nanoTime();
        if (i >= 40) {
          alone.add((t1 - t0) / 1e6);
          single.add((t2 - t1) / 1e6);
          plain.add((t3 - t2) / 1e6);
        }
      }
      if (Boolean.getBoolean("ccr.bench.explain-agenda")) {
        jdbc.sql("explain (analyze, buffers) " + Meetings.AGENDA)
            .param("meeting", meeting)
            .param("date", day)
            .param("window", 12)
            .params(MaracAccess.visible(reader))
            .query(String.class)
            .list()
            .forEach(line -> System.out.println("BENCH plan " + line));
      }
      System.out.printf(
          "BENCH meeting page, one connection: p50 %.1f ms (the agenda's query and audit alone:"
              + " p50 %.1f ms; a page with only a form, change password: p50 %.1f ms)%n",
          percentile(single, 50), percentile(alone, 50), percentile(plain, 50));

      for (int round = 0; round < WARM_UP_ROUNDS; round++) { // as a server that has run a while
        sixteenAtOnce(people, page);
        sixteenAtOnce(people, "/account/password");
      }
      long postmaster = CpuTime.postmaster(jdbc);
      CpuTime before = CpuTime.now(postmaster);
      List<Double> times = sixteenAtOnce(people, page);
      String cpu = CpuTime.now(postmaster).since(before, 16 * 45);
      System.out.printf(
          "BENCH meeting page with 40 cases (%d case links), 16 connections over HTTP: p50 %.1f"
              + " ms, p95 %.1f ms (%d requests); %s%n",
          cases, percentile(times, 50), percentile(times, 95), times.size(), cpu);
      before = CpuTime.now(postmaster);
      List<Double> plainTimes = sixteenAtOnce(people, "/account/password");
      cpu = CpuTime.now(postmaster).since(before, 16 * 45);
      System.out.printf(
          "BENCH for comparison, the change-password page, 16 connections over HTTP: p50 %.1f"
              + " ms, p95 %.1f ms; %s%n",
          percentile(plainTimes, 50), percentile(plainTimes, 95), cpu);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each person asks for the page 45 times, all at once; the times after each one's first 5. */
  private static List<Double> sixteenAtOnce(List<HttpBrowser> people, String page)
      throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(people.size());
    try {
      List<java.util.concurrent.Future<List<Double>>> connections = new ArrayList<>();
      for (HttpBrowser person : people) {
        connections.add(
            pool.submit(
                () -> {
                  List<Double> own = new ArrayList<>();
                  for (int i = 0; i < 45; i++) {
                    long t0 = System.nanoTime();
                    agendaPage(person, page);
                    if (i >= 5) {
                      own.add((System.nanoTime() - t0) / 1e6);
                    }
                  }
                  return own;
                }));
      }
      List<Double> times = new ArrayList<>();
      for (java.util.concurrent.Future<List<Double>> connection : connections) {
        times.addAll(connection.get());
      }
      return times;
    } finally {
      pool.shutdown();
    }
  }

  private static String agendaPage(HttpBrowser person, String page) throws Exception {
    java.net.http.HttpResponse<String> response = person.get(page);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(page + " answered " + response.statusCode());
    }
    return response.body();
  }

  /** Prints the plans of the search's candidate query, custom and generic (-Dccr.bench.explain). */
  private void explain(Marac marac) {
    long v = 4242;
    VictimIdentity identity =
        VictimIdentity.of(first(v) + " " + last(v), List.of(), DateOfBirthOrAge.born(dob(v)));
    for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
      jdbc.sql("set plan_cache_mode = " + mode).update();
      for (int i = 0; i < 7; i++) {
        referrals.candidates(marac, identity);
      }
      String sql =
          Referrals.CANDIDATES.replace(":m", "$1").replace(":keys", "$2").replace(":dobs", "$3");
      jdbc.sql("deallocate all").update();
      jdbc.sql("prepare c(bigint, text[], text[]) as " + sql).update();
      String keys = "{" + String.join(",", identity.nameKeys()) + "}";
      List<String> plan =
          jdbc.sql(
                  "explain (analyze, buffers) execute c("
                      + marac.id()
                      + ", '"
                      + keys
                      + "', '{"
                      + dob(v)
                      + "}')")
              .query(String.class)
              .list();
      System.out.println("BENCH plan " + mode + ":\n" + String.join("\n", plan));
      jdbc.sql("deallocate c").update();
    }
    jdbc.sql("set plan_cache_mode = auto").update();
    String cases =
        DataReturns.CASES
            .replace(":m", Long.toString(marac.id()))
            .replace(":window", "12")
            .replace(":first", "date '2015-07-01'")
            .replace(":last", "date '2017-03-31'");
    System.out.println(
        "BENCH plan data return:\n"
            + String.join(
                "\n", jdbc.sql("explain (analyze, buffers) " + cases).query(String.class).list()));
  }

  private void history(Marac marac, long agency) {
    jdbc.sql("insert into marac_victim (marac_id) select :m from generate_series(1, :n)")
        .param("m", marac.id())
        .param("n", VICTIMS)
        .update();
    long v0 =
        jdbc.sql("select min(id) from marac_victim where marac_id = :m")
            .param("m", marac.id())
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            insert into marac_meeting (marac_id, meeting_date, kind)
            select :m, date '2010-01-01' + 7 * k + 6, 'REGULAR' from generate_series(0, :weeks) k
            """)
        .param("m", marac.id())
        .param("weeks", DAYS / 7 + 1)
        .update();
    long m0 =
        jdbc.sql("select min(id) from marac_meeting where marac_id = :m")
            .param("m", marac.id())
            .query(Long.class)
            .single();
    String[] first = FIRST;
    jdbc.sql(
            """
            insert into marac_referral (marac_id, victim_id, referral_date, referring_agency_id,
                victim_name, victim_dob, victim_gender, ethnic_group, disabled, lgbt,
                meeting_id, imported, created_by)
            select :m, :v0 + v, date '2010-01-01' + d, :agency,
                   (cast(:first as text[]))[1 + v % :firsts] || ' Surname' || (v / :firsts) % 600,
                   date '1950-01-01' + (v * 37 % 20000)::integer,
                   case when g % 20 = 0 then 'MALE' else 'FEMALE' end,
                   (array['WHITE','ASIAN','BLACK','MIXED','OTHER','NOT_KNOWN'])[1 + g % 6],
                   case when g % 7 = 0 then 'YES' else 'NO' end,
                   case when g % 11 = 0 then 'YES' else 'NO' end,
                   :m0 + d / 7, true, 'benchmark'
            from (select g, (g * 7919) % :victims as v, (g * 31) % :days as d
                  from generate_series(0, :n - 1) g) s
            """)
        .param("m", marac.id())
        .param("v0", v0)
        .param("agency", agency)
        .param("first", first)
        .param("firsts", first.length)
        .param("m0", m0)
        .param("victims", VICTIMS)
        .param("days", DAYS)
        .param("n", REFERRALS)
        .update();
    jdbc.sql(
            """
            insert into marac_victim_key (marac_id, name_key, referral_id)
            select marac_id, lower(regexp_replace(victim_name, '[^A-Za-z0-9]', '', 'g')), id
            from marac_referral where marac_id = :m
            """)
        .param("m", marac.id())
        .update();
    jdbc.sql(
            """
            insert into marac_perpetrator (referral_id, age, gender)
            select id, 16 + id % 50, 'MALE' from marac_referral where marac_id = :m
            """)
        .param("m", marac.id())
        .update();
    jdbc.sql(
            """
            insert into marac_child (referral_id)
            select id from marac_referral where marac_id = :m and id % 3 = 0
            """)
        .param("m", marac.id())
        .update();
    jdbc.sql("analyze").update();
  }

  private static NewReferral referral(VictimIdentity identity, LocalDate date, long agency) {
    return new NewReferral(
        date,
        agency,
        Optional.empty(),
        NewReferral.Victim.recorded(
            identity, Gender.FEMALE, Ethnicity.NOT_KNOWN, Answer.NO, Answer.NO),
        ReferralCriteria.of(RiskAssessment.ofDashScore(15)),
        java.util.Set.of(Criterion.VISIBLE_HIGH_RISK),
        NewReferral.Consent.NOT_RECORDED,
        NewReferral.IdvaOffer.NOT_RECORDED,
        List.of(),
        List.of());
  }

  /** A file of {@code rows} referrals of 7,000 victims over three years, most heard. */
  static byte[] importFile(int rows) {
    StringBuilder csv = new StringBuilder(MaracCommandsIntegrationTests.HEADER);
    Random random = new Random(3);
    for (int i = 0; i < rows; i++) {
      long v = random.nextInt(rows * 7 / 10);
      LocalDate date = LocalDate.of(2014, 4, 1).plusDays(random.nextInt(1095));
      String meeting =
          i % 10 == 0 ? "" : date.plusDays(7 - date.getDayOfWeek().getValue() % 7).toString();
      csv.append(date)
          .append(',')
          .append(meeting)
          .append(',')
          .append(first(v))
          .append(' ')
          .append(last(v))
          .append(',')
          .append(dob(v))
          .append(",,female,White,no,no,,,30,male,partner,")
          .append(i % 3 == 0 ? "Bench Police,Police" : "Bench Council,Local authority")
          .append(",15,visible high risk,")
          .append(i % 3)
          .append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  static double percentile(List<Double> values, int percentile) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
