package org.ccrhub.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.DemoTwoFactor;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.Consent;
import org.ccrhub.sharing.InformationCategory;
import org.ccrhub.sharing.LawfulBases;
import org.ccrhub.sharing.LawfulBasis;
import org.ccrhub.sharing.NewRequest;
import org.ccrhub.sharing.Requests;
import org.ccrhub.sharing.SharingAccess;
import org.ccrhub.sharing.SharingImport;
import org.ccrhub.sharing.SubjectRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo information sharing: the Northbridge information sharing protocol in force for two years
 * with five parties, a SPOC for the council and for the police, a data protection lead and a police
 * officer who asks, each with two-factor sign-in; a year of decisions imported as a partnership's
 * old log would be (a few still open and overdue), and two requests made today, one for the
 * council's SPOC to decide. Every name is invented.
 */
@Component
class DemoSharing {

  static final String PROTOCOL = "Northbridge Information Sharing Protocol";

  /** A demo account that works on requests, with its two-factor key. */
  record SharingUser(String email, String name, String role, String password, String secret) {}

  private final Accounts accounts;
  private final Agencies agencies;
  private final DemoTwoFactor twoFactor;
  private final SharingAccess access;
  private final SharingImport imports;
  private final Requests requests;
  private final LawfulBases lawfulBases;
  private final JdbcClient jdbc;
  private final Clock clock;

  DemoSharing(
      Accounts accounts,
      Agencies agencies,
      DemoTwoFactor twoFactor,
      SharingAccess access,
      SharingImport imports,
      Requests requests,
      LawfulBases lawfulBases,
      JdbcClient jdbc,
      Clock clock) {
    this.accounts = accounts;
    this.agencies = agencies;
    this.twoFactor = twoFactor;
    this.access = access;
    this.imports = imports;
    this.requests = requests;
    this.lawfulBases = lawfulBases;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  List<SharingUser> fill(Partnership partnership) {
    LocalDate today = Dates.today(clock);
    Map<String, Agency> byName =
        agencies.findAll(partnership).stream()
            .collect(Collectors.toMap(Agency::name, Function.identity()));
    Agency council = byName.get("Northbridge Borough Council");
    Agency police = byName.get("Northbridge Police (North Area Command)");
    Agency health = byName.get("North Riverside Integrated Care Board");
    Agency housing = byName.get("Northbridge Homes");
    Agency refuge = byName.get("Safe Harbour Women's Aid");

    // a demo started again on the same data keeps its records, with new passwords and keys
    boolean filled =
        jdbc.sql(
                "select exists (select 1 from sharing_protocol where partnership_id = :p"
                    + " and title = :title)")
            .param("p", partnership.id())
            .param("title", PROTOCOL)
            .query(Boolean.class)
            .single();
    List<SharingUser> users = new ArrayList<>();
    SharingUser councilSpoc =
        user(
            partnership,
            "spoc.council@northbridge.demo",
            "Helen Marsh",
            Role.VIEWER,
            council,
            "Information governance manager",
            "SPOC_COUNCIL");
    SharingUser policeSpoc =
        user(
            partnership,
            "spoc.police@northbridge.demo",
            "DS Omar Reid",
            Role.VIEWER,
            police,
            "Public protection unit",
            "SPOC_POLICE");
    SharingUser officer =
        user(
            partnership,
            "officer.police@northbridge.demo",
            "PC Jess Holloway",
            Role.SHARING_OFFICER,
            police,
            "Safeguarding officer",
            "OFFICER_POLICE");
    SharingUser dpl =
        user(
            partnership,
            "dpl@northbridge.demo",
            "Ruth Okafor",
            Role.DATA_PROTECTION_LEAD,
            null,
            "Data protection officer",
            "DATA_PROTECTION_LEAD");
    users.add(councilSpoc);
    users.add(policeSpoc);
    users.add(officer);
    users.add(dpl);
    if (filled) {
      return users;
    }

    long protocol =
        jdbc.sql(
                """
                insert into sharing_protocol (partnership_id, title, purposes, categories,
                    in_force_from, attachments_allowed, attachment_retention_days)
                values (:p, :title, :purposes, :categories, :from, true, 30)
                returning id
                """)
            .param("p", partnership.id())
            .param("title", PROTOCOL)
            .param(
                "purposes",
                "Reducing domestic abuse and other violence against women and girls: assessing"
                    + " and managing risk, safeguarding victims and children, and preventing crime.")
            .param(
                "categories",
                new String[] {
                  InformationCategory.PERSONAL.name(),
                  InformationCategory.SPECIAL_CATEGORY.name(),
                  InformationCategory.CRIMINAL_OFFENCE.name(),
                  InformationCategory.DEPERSONALISED.name()
                })
            .param("from", today.minusYears(2))
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            insert into sharing_protocol_version (protocol_id, label, author, approved_by,
                approved_on, review_on, notes, recorded_by)
            values (:protocol, '3.0', 'Community Safety Team', 'Northbridge CSP Board', :approved,
                :review, 'Annual review: current lawful bases; Safe Harbour joined.', 'demo')
            """)
        .param("protocol", protocol)
        .param("approved", today.minusYears(2).minusDays(14))
        .param("review", today.plusDays(40))
        .update();
    for (Agency agency : List.of(council, police, health, housing, refuge)) {
      Long spoc =
          agency == council
              ? personOf(partnership, councilSpoc.email())
              : agency == police ? personOf(partnership, policeSpoc.email()) : null;
      jdbc.sql(
              """
              insert into sharing_party (partnership_id, protocol_id, agency_id, signatory_name,
                  signatory_role, signed_on, party_from, spoc_person_id)
              values (:p, :protocol, :agency, :signatory, 'Chief officer', :signed, :from, :spoc)
              """)
          .param("p", partnership.id())
          .param("protocol", protocol)
          .param("agency", agency.id())
          .param("signatory", "Signatory for " + agency.name())
          .param("signed", today.minusYears(2).minusDays(7))
          .param("from", today.minusYears(2))
          .param("spoc", spoc)
          .update();
    }

    imports.importLog(
        partnership,
        log(today, council, police, housing, refuge).getBytes(StandardCharsets.UTF_8),
        "demo-decision-log.csv",
        "the demo");

    Map<String, Long> basis =
        lawfulBases.of(partnership).stream()
            .collect(Collectors.toMap(LawfulBasis::code, LawfulBasis::id));
    var asOfficer =
        access.reader(partnership, accountId(partnership, officer.email()), officer.name());
    requests.raise(
        asOfficer,
        new NewRequest(
            council.id(),
            protocol,
            "Whether children's social care is involved with the household, and any recent"
                + " contact",
            "Risk assessment before this month's MARAC",
            java.util.Set.of(InformationCategory.PERSONAL, InformationCategory.SPECIAL_CATEGORY),
            List.of(
                basis.get("UK GDPR 6(1)(e)"),
                basis.get("UK GDPR 9(2)(g)"),
                basis.get("DPA 2018 Sch 1 para 18"),
                basis.get("Crime and Disorder Act 1998 s115")),
            false,
            "",
            null,
            List.of(
                new NewRequest.Subject(
                    SubjectRole.VICTIM,
                    "",
                    "Kerry Ashdown",
                    "14 Mill Lane, Northbridge",
                    LocalDate.of(1991, 3, 2),
                    Consent.GIVEN,
                    ""),
                new NewRequest.Subject(
                    SubjectRole.SUSPECT,
                    "",
                    "Dean Ashdown",
                    "",
                    null,
                    Consent.NOT_SOUGHT,
                    "Asking him would put the victim at greater risk"))),
        UUID.nameUUIDFromBytes(
            ("demo-request-1-" + partnership.id()).getBytes(StandardCharsets.UTF_8)));
    requests.raise(
        asOfficer,
        new NewRequest(
            housing.id(),
            protocol,
            "Tenancy status and any reports of damage or disturbance at the address",
            "To plan the safety of a victim returning home",
            java.util.Set.of(InformationCategory.PERSONAL),
            List.of(basis.get("UK GDPR 6(1)(e)"), basis.get("Crime and Disorder Act 1998 s115")),
            true,
            "The victim returns home from refuge on Friday",
            null,
            List.of(
                new NewRequest.Subject(
                    SubjectRole.VICTIM,
                    "",
                    "Priya Lal",
                    "3 Canal Walk, Northbridge",
                    null,
                    Consent.GIVEN,
                    ""))),
        UUID.nameUUIDFromBytes(
            ("demo-request-2-" + partnership.id()).getBytes(StandardCharsets.UTF_8)));
    return users;
  }

  /**
   * A year of an old decision log: two requests a week between the agencies, most decided within
   * the protocol's ten working days, some late, a few refused, the last few weeks' still open.
   */
  static String log(LocalDate today, Agency council, Agency police, Agency housing, Agency refuge) {
    StringBuilder csv =
        new StringBuilder(
            "request_date,requesting_agency,requesting_officer,asked_agency,protocol,"
                + "subject_role,purpose,urgent,needed_by,consent,lawful_basis,decision_date,"
                + "decision,reasons,subject_told,not_told_reason,authorised_by,"
                + "information_types,method\r\n");
    Agency[][] pairs = {
      {police, council}, {council, police}, {refuge, police}, {police, housing}, {housing, police}
    };
    String[] officers = {"PC Jess Holloway", "Sam Patel", "Leona Hart", "DC Ian Moss", "Rob Kerr"};
    String[] purposes = {
      "Risk assessment before the MARAC",
      "Safeguarding a child in the household",
      "Safety planning with a victim",
      "Investigation of a reported assault",
      "Tenancy and safety at the address"
    };
    LocalDate start = today.minusWeeks(52).with(DayOfWeek.MONDAY);
    int n = 0;
    for (LocalDate day = start; day.isBefore(today.minusDays(3)); day = day.plusDays(3)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      int k = n++ % pairs.length;
      Agency from = pairs[k][0];
      Agency to = pairs[k][1];
      boolean consent = n % 3 != 0;
      boolean urgent = n % 11 == 0;
      csv.append(day)
          .append(',')
          .append(quoted(from.name()))
          .append(',')
          .append(officers[k])
          .append(',')
          .append(quoted(to.name()))
          .append(',')
          .append(PROTOCOL)
          .append(',')
          .append(n % 4 == 0 ? "victim; child" : (consent ? "victim" : "suspect"))
          .append(',')
          .append(purposes[k])
          .append(',')
          .append(urgent ? "yes" : "no")
          .append(",,")
          .append(consent ? "given" : "not sought")
          .append(',')
          .append(
              consent
                  ? "UK GDPR 6(1)(e); Crime and Disorder Act 1998 s115"
                  : "UK GDPR 6(1)(e); UK GDPR 10; DPA 2018 Sch 1 para 10")
          .append(',');
      boolean open = day.isAfter(today.minusWeeks(3)) && n % 2 == 0;
      if (open) {
        csv.append(",,,,,,,\r\n");
        continue;
      }
      int days = urgent ? 1 : (n % 7 == 0 ? 19 : 2 + n % 9);
      LocalDate decided = day.plusDays(days);
      if (decided.isAfter(today)) {
        decided = today;
      }
      if (n % 13 == 0) {
        csv.append(decided)
            .append(
                ",refuse,Not necessary for the purpose: the record is held by"
                    + " the requesting agency already,,,Information governance,,\r\n");
      } else if (consent) {
        csv.append(decided)
            .append(",share,,yes,,Information governance,")
            .append("Contact details; Police incidents,secure email\r\n");
      } else {
        csv.append(decided)
            .append(
                ",share in part,Prevention or detection of crime; health"
                    + " records withheld as not relevant,no,Telling him would prejudice the"
                    + " investigation,Information governance,Offending history,secure email\r\n");
      }
    }
    return csv.toString();
  }

  private static String quoted(String text) {
    return text.contains(",") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private SharingUser user(
      Partnership partnership,
      String email,
      String name,
      Role role,
      Agency agency,
      String job,
      String label) {
    String password = accounts.demoPassword(partnership, email, name, role);
    long accountId = accountId(partnership, email);
    boolean linked =
        jdbc.sql(
                "select exists (select 1 from account_person where partnership_id = :p"
                    + " and user_account_id = :a)")
            .param("p", partnership.id())
            .param("a", accountId)
            .query(Boolean.class)
            .single();
    if (linked) {
      return new SharingUser(email, name, label, password, twoFactor.setUp(accountId));
    }
    long person =
        jdbc.sql(
                """
                insert into person (partnership_id, name, job_title, agency_id, email)
                values (:p, :name, :job, :agency, :email)
                returning id
                """)
            .param("p", partnership.id())
            .param("name", name)
            .param("job", job)
            .param("agency", agency == null ? null : agency.id())
            .param("email", email)
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            insert into account_person (partnership_id, user_account_id, person_id)
            values (:p, :account, :person)
            """)
        .param("p", partnership.id())
        .param("account", accountId)
        .param("person", person)
        .update();
    return new SharingUser(email, name, label, password, twoFactor.setUp(accountId));
  }

  private Long personOf(Partnership partnership, String email) {
    return jdbc.sql(
            """
            select ap.person_id from account_person ap
            join user_account u on u.id = ap.user_account_id
            where ap.partnership_id = :p and u.email = :email
            """)
        .param("p", partnership.id())
        .param("email", email)
        .query(Long.class)
        .single();
  }

  private long accountId(Partnership partnership, String email) {
    return DemoMarac.accountId(accounts, partnership, email);
  }
}
