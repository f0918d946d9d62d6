package org.ccrhub.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.ccrhub.marac.Answer;
import org.ccrhub.marac.Attendance;
import org.ccrhub.marac.AttendanceRow;
import org.ccrhub.marac.AttendanceStatus;
import org.ccrhub.marac.CaseChanges;
import org.ccrhub.marac.Criterion;
import org.ccrhub.marac.DashChecklist;
import org.ccrhub.marac.DateOfBirthOrAge;
import org.ccrhub.marac.EthnicCategory;
import org.ccrhub.marac.EthnicGroup;
import org.ccrhub.marac.Ethnicity;
import org.ccrhub.marac.Gender;
import org.ccrhub.marac.IdvaOfferOutcome;
import org.ccrhub.marac.MaracActions;
import org.ccrhub.marac.MaracReader;
import org.ccrhub.marac.Meeting;
import org.ccrhub.marac.MeetingKind;
import org.ccrhub.marac.Meetings;
import org.ccrhub.marac.NewReferral;
import org.ccrhub.marac.ReferralCriteria;
import org.ccrhub.marac.Referrals;
import org.ccrhub.marac.Research;
import org.ccrhub.marac.RiskAssessment;
import org.ccrhub.marac.VictimIdentity;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two years of invented MARAC referrals and fortnightly meetings, with repeats (the same victim
 * again within 12 months) and near matches for the coordinator (a name spelled another way, a date
 * of birth with day and month swapped). Every name is obviously made up. The last meeting held has
 * attendance, research and actions (some overdue); the next has referrals waiting for its agenda.
 * Made once, through the same services as the pages: a MARAC with referrals is left as it is.
 */
@Component
class DemoMaracCases {

  private static final String[] FIRST =
      "Ada Bea Cleo Dora Edie Faye Gwen Hana Iris Jade Kit Lola Mina Nell Opal Pia Rae Suki Tess Uma Vi Wren Xena Yara Zoe"
          .split(" ");
  private static final String[] LAST =
      ("Example Sample Specimen Placeholder Madeup Notreal Fictional Dummy Pretend Invented Mockford"
              + " Testwell Fakeley Shamwell Fauxton Pseudo Imagine Storybook Makebelieve Dreamfield"
              + " Inkwell Papermill Quillby Draftley Scriptson Notional Figment Fablewood Mythby"
              + " Talesworth")
          .split(" ");
  private static final String[] PERPETRATORS =
      "Al Example|Bo Sample|Cy Notreal|Dax Madeup|Ed Pretend|Finn Dummy|Gus Invented|Hal Mockford"
          .split("\\|");
  private static final String[] RELATIONSHIPS = {
    "Partner", "Ex-partner", "Husband", "Son", "Brother"
  };

  private final Referrals referrals;
  private final Meetings meetings;
  private final MaracActions actions;
  private final Attendance attendance;
  private final Research research;
  private final CaseChanges changes;
  private final JdbcClient jdbc;

  DemoMaracCases(
      Referrals referrals,
      Meetings meetings,
      MaracActions actions,
      Attendance attendance,
      Research research,
      CaseChanges changes,
      JdbcClient jdbc) {
    this.referrals = referrals;
    this.meetings = meetings;
    this.actions = actions;
    this.attendance = attendance;
    this.research = research;
    this.changes = changes;
    this.jdbc = jdbc;
  }

  /** A victim of the demo: their name, date of birth and last referral. */
  private record Person(String name, LocalDate born, List<Long> referrals) {}

  /**
   * Fills the MARAC once.
   *
   * @param coordinator the demo coordinator, who schedules and records
   * @param member the demo member (police), who records research and updates actions
   * @param idvaAccountId the demo IDVA, allocated to recent cases
   */
  void fill(
      MaracReader coordinator,
      MaracReader member,
      long idvaAccountId,
      List<Agency> agencies,
      LocalDate today) {
    if (!meetings.all(coordinator).isEmpty()) {
      return;
    }
    Random random = new Random(12);
    Map<AgencyType, Agency> byType = new HashMap<>();
    agencies.forEach(a -> byType.putIfAbsent(a.type(), a));
    Agency police = byType.get(AgencyType.POLICE);
    List<Agency> partners = agencies.stream().filter(a -> a.type() != AgencyType.POLICE).toList();

    LocalDate first = today.minusWeeks(104).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
    meetings.schedule(coordinator, first, MeetingKind.REGULAR, 52);
    List<Meeting> all = meetings.all(coordinator);
    LocalDate last = all.stream().map(Meeting::date).max(LocalDate::compareTo).orElseThrow();
    meetings.schedule(coordinator, last.plusWeeks(2), MeetingKind.REGULAR, 3);
    all =
        meetings.all(coordinator).stream()
            .sorted(java.util.Comparator.comparing(Meeting::date))
            .toList();

    List<Person> people = new ArrayList<>();
    LocalDate previous = first.minusWeeks(2);
    Meeting lastHeld = null;
    Meeting next = null;
    for (Meeting meeting : all) {
      boolean held = !meeting.date().isAfter(today);
      if (!held && next == null) {
        next = meeting;
      }
      if (!held && next != meeting) {
        break;
      }
      int count = held ? 5 + random.nextInt(3) : 4;
      for (int i = 0; i < count; i++) {
        LocalDate referred =
            previous.plusDays(
                1
                    + random.nextInt(
                        (int)
                            Math.max(1, meeting.date().toEpochDay() - previous.toEpochDay() - 3)));
        if (!held && referred.isAfter(today)) {
          referred = today;
        }
        NewReferral referral =
            referral(
                random, people, referred, random.nextInt(10) < 6 ? police : pick(random, partners));
        long id =
            referrals
                .record(
                    coordinator.marac(),
                    referral,
                    held ? Optional.of(meeting.id()) : Optional.empty())
                .id();
        people.get(people.size() - 1).referrals().add(id);
      }
      if (held) {
        meetings.release(coordinator, meeting.id());
        lastHeld = meeting;
      }
      previous = meeting.date();
    }
    // released when a coordinator would have released them, not all on the day the demo loaded
    jdbc.sql(
            """
            update marac_meeting set released_at = (meeting_date - :days) + time '09:00'
            where marac_id = :m and released_at is not null
            """)
        .param("days", coordinator.marac().settings().researchReleaseDays())
        .param("m", coordinator.maracId())
        .update();
    if (lastHeld != null) {
      atTheMeeting(coordinator, member, lastHeld, police, partners, idvaAccountId);
    }
  }

  /** The last meeting held: who came, research, risks and actions, an IDVA allocated. */
  private void atTheMeeting(
      MaracReader coordinator,
      MaracReader member,
      Meeting meeting,
      Agency police,
      List<Agency> partners,
      long idvaAccountId) {
    List<AttendanceRow> rows = new ArrayList<>();
    for (AttendanceRow row : attendance.of(coordinator, meeting.id())) {
      AttendanceStatus status =
          row.agencyId() == police.id() || row.agency().contains("IDVA")
              ? AttendanceStatus.PRESENT
              : (row.agencyId() % 3 == 0
                  ? AttendanceStatus.APOLOGIES_INFO_SENT
                  : AttendanceStatus.PRESENT);
      rows.add(
          new AttendanceRow(
              row.agencyId(),
              row.agency(),
              status,
              status == AttendanceStatus.PRESENT ? "Representative of " + row.agency() : null,
              status == AttendanceStatus.PRESENT));
    }
    attendance.record(coordinator, meeting.id(), rows);
    List<Long> cases =
        meetings.agendaUnaudited(coordinator, meeting.id()).items().stream()
            .map(org.ccrhub.marac.AgendaItem::referralId)
            .toList();
    for (int i = 0; i < cases.size(); i++) {
      long caseId = cases.get(i);
      if (i < 2) {
        changes.allocateIdva(coordinator, caseId, idvaAccountId, 0);
      }
      meetings.recordRisks(
          coordinator,
          caseId,
          "Recent threats to kill and a breach of bail conditions. The victim is isolated from"
              + " family. Children at home.");
      actions.add(
          coordinator,
          caseId,
          police.id(),
          "Flag the address for an urgent response and review bail conditions with the CPS.",
          i % 2 == 0 ? meeting.date().plusDays(7) : meeting.date().plusDays(28));
      Agency partner = partners.get(i % partners.size());
      actions.add(
          coordinator,
          caseId,
          partner.id(),
          "Share the safety plan with the named worker and confirm a safe way to make contact.",
          meeting.date().plusDays(14));
      research.record(
          member,
          caseId,
          police.id(),
          "Three call-outs in the last six months; the perpetrator was arrested once and"
              + " released on bail.",
          "The officer who attended believes the risk is rising.",
          null);
    }
  }

  private NewReferral referral(
      Random random, List<Person> people, LocalDate referred, Agency agency) {
    Person person;
    String name;
    LocalDate born;
    int roll = random.nextInt(100);
    Optional<Person> recent =
        people.stream()
            .filter(p -> p.referrals().size() < 3)
            .skip(Math.max(0, people.size() - 30))
            .findAny();
    if (roll < 25 && recent.isPresent()) {
      // the same victim again: a repeat when within 12 months
      person = recent.get();
      name = person.name();
      born = person.born();
      people.remove(person);
    } else if (roll < 28 && recent.isPresent()) {
      // a near match: the name spelled another way, or day and month swapped
      Person earlier = recent.get();
      boolean swap = earlier.born().getDayOfMonth() <= 12 && roll == 27;
      name = swap ? earlier.name() : earlier.name().replaceFirst("e", "a");
      born =
          swap
              ? LocalDate.of(
                  earlier.born().getYear(),
                  earlier.born().getDayOfMonth(),
                  earlier.born().getMonthValue())
              : earlier.born();
      person = new Person(name, born, new ArrayList<>());
    } else {
      name = pick(random, FIRST) + " " + pick(random, LAST);
      born = referred.minusYears(17 + random.nextInt(45)).minusDays(random.nextInt(365));
      person = new Person(name, born, new ArrayList<>());
    }
    people.add(person);

    int yes = 12 + random.nextInt(9);
    Map<Integer, Answer> answers = new HashMap<>();
    for (int q = 1; q <= 24; q++) {
      answers.put(q, q <= yes ? Answer.YES : (q % 5 == 0 ? Answer.NOT_KNOWN : Answer.NO));
    }
    ReferralCriteria criteria = ReferralCriteria.of(RiskAssessment.of(DashChecklist.of(answers)));
    Set<Criterion> claimed = EnumSet.noneOf(Criterion.class);
    if (yes >= 14) {
      claimed.add(Criterion.VISIBLE_HIGH_RISK);
    } else {
      criteria =
          criteria.withProfessionalJudgement(
              "Stalking has escalated sharply in the last month and the victim is very frightened.");
      claimed.add(Criterion.PROFESSIONAL_JUDGEMENT);
    }
    if (random.nextInt(5) == 0) {
      criteria = criteria.withPoliceIncidents(3 + random.nextInt(3));
      claimed.add(Criterion.POTENTIAL_ESCALATION);
    }
    Ethnicity ethnicity = ethnicity(random);
    NewReferral.Victim victim =
        new NewReferral.Victim(
            VictimIdentity.of(name, DateOfBirthOrAge.born(born)),
            random.nextInt(20) == 0 ? Gender.MALE : Gender.FEMALE,
            Optional.of((1 + random.nextInt(200)) + " Imaginary Road, Northbridge NB1 0AA"),
            Optional.of("Mobile 07700 900" + String.format("%03d", random.nextInt(1000))),
            random.nextInt(4) == 0 ? Answer.NO : Answer.YES,
            ethnicity,
            random.nextInt(6) == 0 ? Answer.YES : Answer.NO,
            random.nextInt(15) == 0 ? Answer.YES : Answer.NO,
            random.nextInt(12) == 0 ? Answer.YES : Answer.NOT_KNOWN,
            Optional.of("English"),
            Answer.NO,
            Answer.YES,
            Optional.empty(),
            Optional.of("The perpetrator and his brother"),
            Optional.of("Her sister, on the mobile number above"));
    int children = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(3);
    List<NewReferral.Child> kids = new ArrayList<>();
    for (int c = 0; c < children; c++) {
      kids.add(
          new NewReferral.Child(
              Optional.of(
                  "Child " + (char) ('A' + c) + " " + name.substring(name.indexOf(' ') + 1)),
              Optional.of(referred.minusYears(1 + random.nextInt(15))),
              Optional.of("Daughter"),
              Optional.of("Daughter"),
              Optional.of("Imaginary Primary School")));
    }
    return new NewReferral(
        referred,
        agency.id(),
        Optional.of("Officer " + pick(random, LAST)),
        victim,
        criteria,
        claimed,
        new NewReferral.Consent(
            Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty()),
        new NewReferral.IdvaOffer(
            Optional.of(pick(random, IdvaOfferOutcome.values())), Optional.of(referred)),
        List.of(
            new NewReferral.Perpetrator(
                Optional.of(pick(random, PERPETRATORS)),
                DateOfBirthOrAge.aged(19 + random.nextInt(40)),
                Gender.MALE,
                Optional.of(pick(random, RELATIONSHIPS)))),
        kids);
  }

  private static Ethnicity ethnicity(Random random) {
    int roll = random.nextInt(20);
    if (roll < 11) {
      return Ethnicity.of(EthnicCategory.ENGLISH_WELSH_SCOTTISH_NORTHERN_IRISH_OR_BRITISH);
    }
    EthnicCategory[] others = {
      EthnicCategory.IRISH,
      EthnicCategory.OTHER_WHITE,
      EthnicCategory.INDIAN,
      EthnicCategory.PAKISTANI,
      EthnicCategory.BANGLADESHI,
      EthnicCategory.AFRICAN,
      EthnicCategory.CARIBBEAN,
      EthnicCategory.WHITE_AND_BLACK_CARIBBEAN
    };
    return roll < 19 ? Ethnicity.of(others[roll - 11]) : Ethnicity.of(EthnicGroup.NOT_KNOWN);
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
