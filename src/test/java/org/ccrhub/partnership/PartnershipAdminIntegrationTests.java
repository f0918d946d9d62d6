package org.ccrhub.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.audit.AuditQuery;
import org.ccrhub.audit.AuditRecord;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/** The administration pages for agencies, groups and people, driven through their forms. */
@CcrHubTest
class PartnershipAdminIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired AuditTrail audit;
  @Autowired Agencies agencies;
  @Autowired Groups groups;
  @Autowired People people;

  Partnership partnership;
  MockHttpSession admin;
  String adminEmail;
  String base; // the address of the partnership's admin pages

  @BeforeEach
  void signInAsAdministrator() throws Exception {
    partnership = fixtures.partnership();
    adminEmail = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    admin = Fixtures.signIn(mvc, adminEmail);
    base = "/p/" + partnership.slug() + "/admin";
  }

  // Agencies

  @Test
  void addsChangesAndDeletesAnAgencyThroughTheForms() throws Exception {
    assertThat(title(page(base + "/agencies/new"))).isEqualTo("Add an agency");

    submit(base + "/agencies/new", "name", " Westshire Police ", "type", "POLICE")
        .andExpect(redirectedUrl(base + "/agencies"))
        .andExpect(flash().attribute("message", "Westshire Police has been added"));
    submit(base + "/agencies/new", "name", "Westshire Council", "type", "LOCAL_AUTHORITY");
    assertThat(rows(page(base + "/agencies")))
        .containsExactly(
            "Westshire Council | Local authority"
                + " | Change Westshire Council Delete Westshire Council",
            "Westshire Police | Police | Change Westshire Police Delete Westshire Police");

    long id = agencyId("Westshire Police");
    String form = page(base + "/agencies/" + id + "/edit");
    assertThat(title(form)).isEqualTo("Change Westshire Police");
    assertThat(inputValue(form, "name")).isEqualTo("Westshire Police");
    assertThat(selected(form, "type")).containsExactly("POLICE");

    submit(
            base + "/agencies/" + id + "/edit",
            "name",
            "Westshire Constabulary",
            "type",
            "OTHER",
            "version",
            "0")
        .andExpect(redirectedUrl(base + "/agencies"))
        .andExpect(flash().attribute("message", "Westshire Constabulary has been changed"));
    assertThat(rows(page(base + "/agencies")))
        .contains(
            "Westshire Constabulary | Other"
                + " | Change Westshire Constabulary Delete Westshire Constabulary");

    String confirm = page(base + "/agencies/" + id + "/delete");
    assertThat(text(confirm))
        .contains("Are you sure you want to delete Westshire Constabulary?")
        .contains("Delete agency");
    submit(base + "/agencies/" + id + "/delete", "version", "1")
        .andExpect(redirectedUrl(base + "/agencies"))
        .andExpect(flash().attribute("message", "Westshire Constabulary has been deleted"));
    assertThat(rows(page(base + "/agencies")))
        .containsExactly(
            "Westshire Council | Local authority"
                + " | Change Westshire Council Delete Westshire Council");

    assertThat(trail("Agency"))
        .filteredOn(r -> r.objectId().equals(String.valueOf(id)))
        .extracting(AuditRecord::action, AuditRecord::summary)
        .containsExactly(
            tuple("DELETE", "Deleted agency Westshire Constabulary"),
            tuple(
                "UPDATE",
                "Changed agency Westshire Constabulary: renamed from Westshire Police,"
                    + " type changed from Police to Other"),
            tuple("CREATE", "Added agency Westshire Police (Police)"));
  }

  @Test
  void showsEveryProblemWithAnAgencyAndKeepsWhatWasTyped() throws Exception {
    String page = rendered(submit(base + "/agencies/new", "name", "  ", "type", "HEALTH"));
    assertThat(title(page)).isEqualTo("Error: Add an agency");
    assertThat(errorSummary(page)).containsExactly("Enter the agency name");
    assertThat(selected(page, "type")).containsExactly("HEALTH");

    page = rendered(submit(base + "/agencies/new", "name", "Westshire ICB", "type", "BOGUS"));
    assertThat(errorSummary(page)).containsExactly("Select the type of agency");
    assertThat(inputValue(page, "name")).isEqualTo("Westshire ICB");

    page = rendered(submit(base + "/agencies/new", "name", "x".repeat(201), "type", ""));
    assertThat(errorSummary(page))
        .containsExactlyInAnyOrder(
            "Agency name must be 200 characters or fewer", "Select the type of agency");
    assertThat(agencies.findAll(partnership)).isEmpty();
  }

  @Test
  void refusesASecondAgencyWithTheSameNameWhateverTheCase() throws Exception {
    agencies.create(partnership, "Westshire Police", AgencyType.POLICE);
    Agency council = agencies.create(partnership, "Westshire Council", AgencyType.LOCAL_AUTHORITY);

    String page =
        rendered(submit(base + "/agencies/new", "name", "WESTSHIRE police", "type", "OTHER"));
    assertThat(errorSummary(page))
        .containsExactly(
            "There is already an agency called Westshire Police: give this one a different name");
    assertThat(selected(page, "type")).containsExactly("OTHER");

    page =
        rendered(
            submit(
                base + "/agencies/" + council.id() + "/edit",
                "name",
                "westshire police",
                "type",
                "LOCAL_AUTHORITY",
                "version",
                "0"));
    assertThat(errorSummary(page))
        .containsExactly(
            "There is already an agency called Westshire Police: give this one a different name");
    assertThat(agencies.find(partnership, council.id()).name()).isEqualTo("Westshire Council");

    // the same name in another partnership is fine
    agencies.create(fixtures.partnership(), "Westshire Police", AgencyType.POLICE);
  }

  @Test
  void refusesToDeleteAnAgencyThatPeopleBelongTo() throws Exception {
    Agency police = agencies.create(partnership, "Westshire Police", AgencyType.POLICE);
    people.create(partnership, "Sam Jones", "DI", police.id(), null, Set.of());

    String confirm = page(base + "/agencies/" + police.id() + "/delete");
    assertThat(text(confirm))
        .contains("You cannot delete Westshire Police yet")
        .contains(
            "1 person belongs to Westshire Police. Move them to another agency, or delete them,"
                + " before you delete Westshire Police.")
        .doesNotContain("Delete agency");

    String refused =
        rendered(submit(base + "/agencies/" + police.id() + "/delete", "version", "0"));
    assertThat(text(refused)).contains("1 person belongs to Westshire Police");
    assertThat(agencies.findById(partnership, police.id())).isPresent();
  }

  // Groups

  @Test
  void buildsReportingLinesThroughTheFormsAndListsGroupsAsATree() throws Exception {
    submit(base + "/groups/new", "name", "CSP Board", "type", "CSP_BOARD", "parent", "")
        .andExpect(redirectedUrl(base + "/groups"));
    long board = groupId("CSP Board");
    submit(
            base + "/groups/new",
            "name",
            "VAWG Strategic Group",
            "type",
            "VAWG_STRATEGIC_GROUP",
            "parent",
            "" + board)
        .andExpect(flash().attribute("message", "VAWG Strategic Group has been added"));
    long strategic = groupId("VAWG Strategic Group");
    submit(base + "/groups/new", "name", "MARAC", "type", "MARAC", "parent", "" + strategic);
    submit(base + "/groups/new", "name", "Advisory Group", "type", "ADVISORY_GROUP");

    String list = page(base + "/groups");
    assertThat(rows(list))
        .containsExactly(
            "Advisory Group | Advisory group | No other group"
                + " | Change Advisory Group Delete Advisory Group",
            "CSP Board | Community Safety Partnership board | No other group"
                + " | Change CSP Board Delete CSP Board",
            "VAWG Strategic Group | VAWG strategic group | CSP Board"
                + " | Change VAWG Strategic Group Delete VAWG Strategic Group",
            "MARAC | MARAC | VAWG Strategic Group | Change MARAC Delete MARAC");
    assertThat(list).containsPattern("govuk-!-padding-left-7\"?[^>]*>MARAC<");

    long marac = groupId("MARAC");
    String form = page(base + "/groups/" + marac + "/edit");
    assertThat(selected(form, "parent")).containsExactly("" + strategic);
    assertThat(options(form, "parent"))
        .containsExactly("No other group", "Advisory Group", "CSP Board", "VAWG Strategic Group");

    submit(
            base + "/groups/" + marac + "/edit",
            "name",
            "MARAC",
            "type",
            "MARAC",
            "parent",
            "" + board,
            "version",
            "0")
        .andExpect(redirectedUrl(base + "/groups"));
    assertThat(rows(page(base + "/groups")))
        .contains("MARAC | MARAC | CSP Board | Change MARAC Delete MARAC");
    assertThat(trail("Group"))
        .extracting(AuditRecord::action, AuditRecord::summary)
        .contains(
            tuple(
                "UPDATE",
                "Changed group MARAC: reports to CSP Board instead of VAWG Strategic Group"),
            tuple(
                "CREATE",
                "Added group VAWG Strategic Group (VAWG strategic group), reporting to CSP Board"));

    submit(base + "/groups/" + marac + "/delete", "version", "1")
        .andExpect(flash().attribute("message", "MARAC has been deleted"));
    assertThat(groups.findById(partnership, marac)).isEmpty();
    assertThat(trail("Group")).extracting(AuditRecord::action).first().isEqualTo("DELETE");
  }

  @Test
  void refusesAReportingLineThatWouldMakeALoop() throws Exception {
    Group board = groups.create(partnership, "CSP Board", GroupType.CSP_BOARD, Optional.empty());
    Group strategic =
        groups.create(
            partnership,
            "VAWG Strategic Group",
            GroupType.VAWG_STRATEGIC_GROUP,
            Optional.of(board.id()));
    Group marac = groups.create(partnership, "MARAC", GroupType.MARAC, Optional.of(strategic.id()));

    assertThat(options(page(base + "/groups/" + board.id() + "/edit"), "parent"))
        .containsExactly("No other group");

    String page =
        rendered(
            submit(
                base + "/groups/" + board.id() + "/edit",
                "name",
                "The Board",
                "type",
                "CSP_BOARD",
                "parent",
                "" + marac.id(),
                "version",
                "0"));
    assertThat(title(page)).isEqualTo("Error: Change CSP Board");
    assertThat(errorSummary(page))
        .containsExactly(
            "The Board cannot report to MARAC, because MARAC already reports to The Board"
                + " (directly or through other groups)");
    assertThat(inputValue(page, "name")).isEqualTo("The Board");

    page =
        rendered(
            submit(
                base + "/groups/" + strategic.id() + "/edit",
                "name",
                "VAWG Strategic Group",
                "type",
                "VAWG_STRATEGIC_GROUP",
                "parent",
                "" + strategic.id(),
                "version",
                "0"));
    assertThat(errorSummary(page)).containsExactly("A group cannot report to itself");

    assertThat(groups.find(partnership, board.id()).parentId()).isEmpty();
    assertThat(groups.find(partnership, strategic.id()).parentId()).contains(board.id());
  }

  @Test
  void refusesADuplicateGroupNameAndABlankOne() throws Exception {
    groups.create(partnership, "MARAC", GroupType.MARAC, Optional.empty());

    String page = rendered(submit(base + "/groups/new", "name", "marac", "type", "MARAC"));
    assertThat(errorSummary(page))
        .containsExactly("There is already a group called MARAC: give this one a different name");

    page = rendered(submit(base + "/groups/new", "name", "", "type", ""));
    assertThat(errorSummary(page))
        .containsExactlyInAnyOrder("Enter the group name", "Select the type of group");
  }

  @Test
  void refusesToDeleteAGroupThatOtherGroupsReportTo() throws Exception {
    Group board = groups.create(partnership, "CSP Board", GroupType.CSP_BOARD, Optional.empty());
    groups.create(
        partnership,
        "VAWG Strategic Group",
        GroupType.VAWG_STRATEGIC_GROUP,
        Optional.of(board.id()));
    groups.create(partnership, "Community Safety Group", GroupType.OTHER, Optional.of(board.id()));

    String confirm = page(base + "/groups/" + board.id() + "/delete");
    assertThat(text(confirm))
        .contains("You cannot delete CSP Board yet")
        .contains(
            "Community Safety Group, VAWG Strategic Group report to CSP Board. Change whom they"
                + " report to, or delete them, before you delete CSP Board.")
        .doesNotContain("Delete group");
    rendered(submit(base + "/groups/" + board.id() + "/delete", "version", "0"));
    assertThat(groups.findById(partnership, board.id())).isPresent();
  }

  @Test
  void deletingAGroupTakesItsMembersOffItButKeepsThem() throws Exception {
    Group marac = groups.create(partnership, "MARAC", GroupType.MARAC, Optional.empty());
    Group board = groups.create(partnership, "CSP Board", GroupType.CSP_BOARD, Optional.empty());
    people.create(partnership, "Sam Jones", null, null, null, Set.of(marac.id(), board.id()));

    assertThat(text(page(base + "/groups/" + marac.id() + "/delete")))
        .contains(
            "1 person is a member of this group. Deleting the group takes them off it; it does"
                + " not delete them.");
    submit(base + "/groups/" + marac.id() + "/delete", "version", "0")
        .andExpect(redirectedUrl(base + "/groups"));

    assertThat(rows(page(base + "/people")))
        .containsExactly(
            "Sam Jones | | | CSP Board | No account | Change Sam Jones Delete Sam Jones");
  }

  // People

  @Test
  void addsChangesAndDeletesAPersonWithTheirGroups() throws Exception {
    Agency council = agencies.create(partnership, "Westshire Council", AgencyType.LOCAL_AUTHORITY);
    Group marac = groups.create(partnership, "MARAC", GroupType.MARAC, Optional.empty());
    Group strategic =
        groups.create(
            partnership, "VAWG Strategic Group", GroupType.VAWG_STRATEGIC_GROUP, Optional.empty());

    String form = page(base + "/people/new");
    assertThat(text(form)).contains("Groups they are a member of").contains("MARAC");
    assertThat(form)
        .contains("<legend class=\"govuk-fieldset__legend\">Groups they are a member of</legend>");

    form(base + "/people/new")
        .param("name", "Sam Jones")
        .param("jobTitle", "Community safety manager")
        .param("agency", "" + council.id())
        .param("email", "sam.jones@westshire.example")
        .param("groups", "" + strategic.id(), "" + marac.id())
        .param("version", "0")
        .perform()
        .andExpect(redirectedUrl(base + "/people"))
        .andExpect(flash().attribute("message", "Sam Jones has been added"));
    assertThat(rows(page(base + "/people")))
        .containsExactly(
            "Sam Jones | Community safety manager | Westshire Council | MARAC VAWG Strategic Group"
                + " | No account | Change Sam Jones Delete Sam Jones");

    long id = people.findAll(partnership).get(0).id();
    form = page(base + "/people/" + id + "/edit");
    assertThat(title(form)).isEqualTo("Change Sam Jones");
    assertThat(inputValue(form, "email")).isEqualTo("sam.jones@westshire.example");
    assertThat(selected(form, "agency")).containsExactly("" + council.id());
    assertThat(checked(form, "groups"))
        .containsExactlyInAnyOrder("" + marac.id(), "" + strategic.id());
    assertThat(trail("Person"))
        .extracting(AuditRecord::action, AuditRecord::objectId)
        .startsWith(tuple("READ", "" + id));

    // unchecking every group and choosing no agency sends neither
    form(base + "/people/" + id + "/edit")
        .param("name", "Sam Jones-Smith")
        .param("jobTitle", "")
        .param("agency", "")
        .param("email", "")
        .param("version", "0")
        .perform()
        .andExpect(redirectedUrl(base + "/people"));
    assertThat(rows(page(base + "/people")))
        .containsExactly(
            "Sam Jones-Smith | | | | No account | Change Sam Jones-Smith Delete Sam Jones-Smith");
    assertThat(people.find(partnership, id).details().groupIds()).isEmpty();

    assertThat(text(page(base + "/people/" + id + "/delete")))
        .contains("Are you sure you want to delete Sam Jones-Smith?");
    submit(base + "/people/" + id + "/delete", "version", "1")
        .andExpect(flash().attribute("message", "Sam Jones-Smith has been deleted"));
    assertThat(text(page(base + "/people"))).contains("There are no people yet.");

    assertThat(trail("Person"))
        .filteredOn(r -> r.objectId().equals("" + id))
        .extracting(AuditRecord::action, AuditRecord::summary)
        .containsExactly(
            tuple("DELETE", "Deleted a person and their 0 group memberships"),
            tuple("READ", "Opened a person's details"),
            tuple(
                "UPDATE",
                "Changed a person's name, job title, agency, email, groups (joined 0, left 2)"),
            tuple("READ", "Opened a person's details"),
            tuple("CREATE", "Added a person, member of 2 groups"));
  }

  @Test
  void everyPageShowingPeopleIsRecordedAsAReadThatNamesNoOne() throws Exception {
    Person sam =
        people.create(partnership, "Sam Jones", "Chair", null, "sam@westshire.example", Set.of());
    people.create(partnership, "Ade Okoro", null, null, null, Set.of());

    assertThat(text(page(base + "/people"))).contains("Sam Jones").contains("Ade Okoro");
    assertThat(trail("People"))
        .extracting(
            AuditRecord::action, AuditRecord::objectId, AuditRecord::actor, AuditRecord::summary)
        .containsExactly(
            tuple(
                "READ", "" + partnership.id(), adminEmail, "Listed the partnership's people (2)"));

    page(base + "/people/" + sam.id() + "/edit");
    page(base + "/people/" + sam.id() + "/delete");
    assertThat(trail("Person"))
        .filteredOn(r -> r.action().equals("READ"))
        .extracting(AuditRecord::objectId, AuditRecord::actor, AuditRecord::summary)
        .containsExactly(
            tuple("" + sam.id(), adminEmail, "Opened a person's details"),
            tuple("" + sam.id(), adminEmail, "Opened a person's details"));
    assertThat(trail(null))
        .extracting(AuditRecord::summary)
        .noneMatch(s -> s.contains("Sam") || s.contains("Ade") || s.contains("westshire"));
  }

  @Test
  void showsEveryProblemWithAPersonAndKeepsWhatWasTyped() throws Exception {
    Group marac = groups.create(partnership, "MARAC", GroupType.MARAC, Optional.empty());
    groups.create(partnership, "CSP Board", GroupType.CSP_BOARD, Optional.empty());

    String page =
        rendered(
            form(base + "/people/new")
                .param("name", "")
                .param("jobTitle", "Chair")
                .param("email", "not an email")
                .param("groups", "" + marac.id())
                .perform());
    assertThat(title(page)).isEqualTo("Error: Add a person");
    assertThat(errorSummary(page))
        .containsExactlyInAnyOrder(
            "Enter the full name",
            "Enter an email address in the correct format, like name@example.org");
    assertThat(inputValue(page, "jobTitle")).isEqualTo("Chair");
    assertThat(inputValue(page, "email")).isEqualTo("not an email");
    assertThat(checked(page, "groups")).containsExactly("" + marac.id());
    // the summary links to the first checkbox and to each field
    assertThat(page).contains("href=\"#name\"").contains("href=\"#email\"");
    assertThat(people.findAll(partnership)).isEmpty();
  }

  @Test
  void refusesAgenciesAndGroupsOfAnotherPartnershipAsChoices() throws Exception {
    Partnership other = fixtures.partnership();
    Agency theirAgency = agencies.create(other, "Their Police", AgencyType.POLICE);
    Group theirGroup = groups.create(other, "Their Board", GroupType.CSP_BOARD, Optional.empty());
    Group ourGroup = groups.create(partnership, "Our Board", GroupType.CSP_BOARD, Optional.empty());

    String page =
        rendered(
            form(base + "/people/new")
                .param("name", "Sam Jones")
                .param("agency", "" + theirAgency.id())
                .perform());
    assertThat(errorSummary(page)).containsExactly("Select the agency from the list");
    assertThat(inputValue(page, "name")).isEqualTo("Sam Jones");

    page =
        rendered(
            form(base + "/people/new")
                .param("name", "Sam Jones")
                .param("groups", "" + ourGroup.id(), "" + theirGroup.id())
                .perform());
    assertThat(errorSummary(page))
        .containsExactly("Select the groups from the list: one you chose no longer exists");
    assertThat(checked(page, "groups")).containsExactly("" + ourGroup.id());

    page =
        rendered(form(base + "/people/new").param("name", "Sam").param("agency", "abc").perform());
    assertThat(errorSummary(page)).containsExactly("Select the agency from the list");

    page =
        rendered(
            submit(
                base + "/groups/new",
                "name",
                "MARAC",
                "type",
                "MARAC",
                "parent",
                "" + theirGroup.id()));
    assertThat(errorSummary(page)).containsExactly("Select the group it reports to from the list");

    assertThat(people.findAll(partnership)).isEmpty();
    assertThat(groups.findAll(partnership)).extracting(Group::name).containsExactly("Our Board");
  }

  // Someone else saved first

  @Test
  void aChangeMadeOnAnOutOfDatePageIsRefusedAndKeepsWhatWasTyped() throws Exception {
    Agency agency = agencies.create(partnership, "Westshire Police", AgencyType.POLICE);
    agencies.update(partnership, agency.id(), 0, "Westshire Constabulary", AgencyType.POLICE);

    String page =
        rendered(
            submit(
                base + "/agencies/" + agency.id() + "/edit",
                "name",
                "Westshire Police Service",
                "type",
                "OTHER",
                "version",
                "0"));
    assertThat(title(page)).startsWith("Error: ");
    assertThat(errorSummary(page))
        .containsExactly(
            "Someone else changed this agency since you opened it. Check what is saved now, then"
                + " save your changes again to replace theirs");
    assertThat(inputValue(page, "name")).isEqualTo("Westshire Police Service");
    assertThat(selected(page, "type")).containsExactly("OTHER");
    assertThat(text(page)).contains("What is saved now: Name Westshire Constabulary Type Police");
    assertThat(inputValue(page, "version")).isEqualTo("1");
    assertThat(agencies.find(partnership, agency.id()).name()).isEqualTo("Westshire Constabulary");

    // saving again, knowing what the other person did, replaces their change
    submit(
            base + "/agencies/" + agency.id() + "/edit",
            "name",
            "Westshire Police Service",
            "type",
            "OTHER",
            "version",
            "1")
        .andExpect(redirectedUrl(base + "/agencies"));
    assertThat(agencies.find(partnership, agency.id()).name())
        .isEqualTo("Westshire Police Service");

    String delete = rendered(submit(base + "/agencies/" + agency.id() + "/delete", "version", "1"));
    assertThat(text(delete))
        .contains(
            "Someone else changed this agency since you opened this page. Check it is still the"
                + " one you want to delete.");
    assertThat(agencies.findById(partnership, agency.id())).isPresent();
  }

  @Test
  void aGroupOrPersonChangedMeanwhileIsNotOverwritten() throws Exception {
    Group group = groups.create(partnership, "MARAC", GroupType.MARAC, Optional.empty());
    groups.update(partnership, group.id(), 0, "Westshire MARAC", GroupType.MARAC, Optional.empty());
    String page =
        rendered(
            submit(
                base + "/groups/" + group.id() + "/edit",
                "name",
                "MARAC (Westshire)",
                "type",
                "MARAC",
                "version",
                "0"));
    assertThat(errorSummary(page))
        .containsExactly(
            "Someone else changed this group since you opened it. Check what is saved now, then"
                + " save your changes again to replace theirs");
    assertThat(inputValue(page, "name")).isEqualTo("MARAC (Westshire)");

    Person person = people.create(partnership, "Sam Jones", null, null, null, Set.of());
    people.update(
        partnership, person.id(), 0, PersonDetails.of("Sam Jones", "IDVA", null, null, Set.of()));
    page =
        rendered(
            form(base + "/people/" + person.id() + "/edit")
                .param("name", "Samantha Jones")
                .param("groups", "" + group.id())
                .param("version", "0")
                .perform());
    assertThat(errorSummary(page))
        .containsExactly(
            "Someone else changed this person's details since you opened it. Check what is saved"
                + " now, then save your changes again to replace theirs");
    assertThat(inputValue(page, "name")).isEqualTo("Samantha Jones");
    assertThat(checked(page, "groups")).containsExactly("" + group.id());
    assertThat(text(page)).contains("Job title IDVA");
    assertThat(people.find(partnership, person.id()).name()).isEqualTo("Sam Jones");
  }

  // Who may see these pages

  @Test
  void aMemberWhoIsNotAnAdministratorIsForbidden() throws Exception {
    Agency agency = agencies.create(partnership, "Westshire Police", AgencyType.POLICE);
    MockHttpSession lead = Fixtures.signIn(mvc, fixtures.user(partnership, Role.STRATEGIC_LEAD));

    for (String path : pages(partnership, agency.id(), 1, 1)) {
      mvc.perform(get(path).session(lead)).andExpect(status().isForbidden());
    }
    mvc.perform(
            post(base + "/agencies/new")
                .session(lead)
                .with(csrf())
                .param("name", "Sneaky")
                .param("type", "OTHER"))
        .andExpect(status().isForbidden());
    assertThat(agencies.findAll(partnership))
        .extracting(Agency::name)
        .containsExactly("Westshire Police");
  }

  @Test
  void anAdministratorOfAnotherPartnershipFindsNoneOfThesePages() throws Exception {
    Agency agency = agencies.create(partnership, "Westshire Police", AgencyType.POLICE);
    Group group = groups.create(partnership, "MARAC", GroupType.MARAC, Optional.empty());
    Person person =
        people.create(partnership, "Sam Jones", null, agency.id(), null, Set.of(group.id()));
    Partnership theirs = fixtures.partnership();
    MockHttpSession outsider = Fixtures.signIn(mvc, fixtures.user(theirs, Role.PARTNERSHIP_ADMIN));

    List<String> paths = new ArrayList<>();
    paths.addAll(pages(partnership, agency.id(), group.id(), person.id()));
    // their own partnership's address with our ids
    paths.addAll(
        pages(theirs, agency.id(), group.id(), person.id()).stream()
            .filter(p -> p.matches(".*/\\d+/.*"))
            .toList());
    for (String path : paths) {
      mvc.perform(get(path).session(outsider)).andExpect(status().isNotFound());
      if (path.endsWith("/new") || path.endsWith("/edit") || path.endsWith("/delete")) {
        mvc.perform(
                post(path)
                    .session(outsider)
                    .with(csrf())
                    .param("name", "Taken over")
                    .param("type", "OTHER")
                    .param("version", "0"))
            .andExpect(status().isNotFound());
      }
    }
    assertThat(agencies.find(partnership, agency.id()).name()).isEqualTo("Westshire Police");
    assertThat(groups.find(partnership, group.id()).name()).isEqualTo("MARAC");
    assertThat(people.find(partnership, person.id()).name()).isEqualTo("Sam Jones");
    assertThat(agencies.findAll(theirs)).isEmpty();
  }

  @Test
  void marksAdminAsTheCurrentSectionInTheNavigation() throws Exception {
    for (String section : List.of("agencies", "groups", "people")) {
      String page = page(base + "/" + section);
      assertThat(page)
          .containsPattern(
              "govuk-service-navigation__item--active\">\\s*<a[^>]*href=\""
                  + base
                  + "\" aria-current=\"page\"");
    }
  }

  // Helpers

  private static List<String> pages(Partnership partnership, long agency, long group, long person) {
    String admin = "/p/" + partnership.slug() + "/admin";
    return List.of(
        admin + "/agencies",
        admin + "/agencies/new",
        admin + "/agencies/" + agency + "/edit",
        admin + "/agencies/" + agency + "/delete",
        admin + "/groups",
        admin + "/groups/new",
        admin + "/groups/" + group + "/edit",
        admin + "/groups/" + group + "/delete",
        admin + "/people",
        admin + "/people/new",
        admin + "/people/" + person + "/edit",
        admin + "/people/" + person + "/delete");
  }

  private long agencyId(String name) {
    return agencies.findAll(partnership).stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private long groupId(String name) {
    return groups.findAll(partnership).stream()
        .filter(g -> g.name().equals(name))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /** The partnership's audit records about one kind of object, newest first. */
  private List<AuditRecord> trail(String objectType) {
    return audit.search(
        partnership.id(), new AuditQuery(null, null, null, null, objectType, 1, 200));
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path).session(admin))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private ResultActions submit(String path, String... namesAndValues) throws Exception {
    Form post = form(path);
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      post.param(namesAndValues[i], namesAndValues[i + 1]);
    }
    return post.perform();
  }

  private Form form(String path) {
    return new Form(post(path).session(admin).with(csrf()));
  }

  /** A form being filled in by the administrator, then sent. */
  private final class Form {
    private final MockHttpServletRequestBuilder request;

    Form(MockHttpServletRequestBuilder request) {
      this.request = request;
    }

    Form param(String name, String... values) {
      request.param(name, values);
      return this;
    }

    ResultActions perform() throws Exception {
      return mvc.perform(request);
    }
  }

  /** The page a form post rendered again (rather than redirecting). */
  private static String rendered(ResultActions result) throws Exception {
    return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  private static String title(String html) {
    Matcher m = Pattern.compile("<title>(.*?) – CCR Hub</title>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("page has a title").isTrue();
    return text(m.group(1));
  }

  /** The text of each row of the table's body, cells separated by " | ". */
  private static List<String> rows(String html) {
    List<String> rows = new ArrayList<>();
    Matcher body = Pattern.compile("<tbody.*?</tbody>", Pattern.DOTALL).matcher(html);
    if (!body.find()) {
      return rows;
    }
    Matcher row = Pattern.compile("<tr.*?</tr>", Pattern.DOTALL).matcher(body.group());
    while (row.find()) {
      Matcher cell =
          Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group());
      List<String> cells = new ArrayList<>();
      while (cell.find()) {
        cells.add(text(cell.group(1)));
      }
      rows.add(String.join(" | ", cells).replaceAll(" {2,}", " "));
    }
    return rows;
  }

  /** The messages of the error summary, in order. */
  private static List<String> errorSummary(String html) {
    Matcher summary =
        Pattern.compile("govuk-error-summary__list\">(.*?)</ul>", Pattern.DOTALL).matcher(html);
    if (!summary.find()) {
      return List.of();
    }
    List<String> messages = new ArrayList<>();
    Matcher item = Pattern.compile("<li>(.*?)</li>", Pattern.DOTALL).matcher(summary.group(1));
    while (item.find()) {
      messages.add(text(item.group(1)));
    }
    return messages;
  }

  private static String inputValue(String html, String name) {
    Matcher input = Pattern.compile("<input[^>]*\\sname=\"" + name + "\"[^>]*>").matcher(html);
    assertThat(input.find()).as("input " + name).isTrue();
    Matcher value = Pattern.compile("\\svalue=\"([^\"]*)\"").matcher(input.group());
    return value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : "";
  }

  private static List<String> selected(String html, String name) {
    List<String> values = new ArrayList<>();
    Matcher option = Pattern.compile("<option([^>]*)>").matcher(select(html, name));
    while (option.find()) {
      if (option.group(1).contains("selected")) {
        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(option.group(1));
        values.add(value.find() ? value.group(1) : "");
      }
    }
    return values;
  }

  private static List<String> options(String html, String name) {
    List<String> texts = new ArrayList<>();
    Matcher option =
        Pattern.compile("<option[^>]*>(.*?)</option>", Pattern.DOTALL).matcher(select(html, name));
    while (option.find()) {
      texts.add(text(option.group(1)));
    }
    return texts;
  }

  private static String select(String html, String name) {
    Matcher select =
        Pattern.compile("<select[^>]*\\sname=\"" + name + "\".*?</select>", Pattern.DOTALL)
            .matcher(html);
    assertThat(select.find()).as("select " + name).isTrue();
    return select.group();
  }

  private static List<String> checked(String html, String name) {
    List<String> values = new ArrayList<>();
    Matcher box = Pattern.compile("<input[^>]*type=\"checkbox\"[^>]*>").matcher(html);
    while (box.find()) {
      String tag = box.group();
      if (tag.contains("name=\"" + name + "\"")
          && tag.matches("(?s).*\\schecked(=\"checked\")?[\\s>].*")) {
        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(tag);
        values.add(value.find() ? value.group(1) : "");
      }
    }
    return values;
  }

  /** What a reader sees (and a screen reader reads) of some HTML, spaces collapsed. */
  private static String text(String html) {
    return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ").strip();
  }
}
