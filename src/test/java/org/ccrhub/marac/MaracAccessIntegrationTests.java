package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.audit.AuditRecord;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.security.TwoFactorSessions;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * MARACs made from the command line, their roles, and the gate to case data: only the MARAC's own
 * roles pass it, only for their own MARAC, and only with two-factor sign-in.
 */
@CcrHubTest
class MaracAccessIntegrationTests {

  @Autowired AdminCommands commands;
  @Autowired Fixtures fixtures;
  @Autowired Maracs maracs;
  @Autowired MaracRoles roles;
  @Autowired MaracAccess access;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired TwoFactorSessions twoFactor;

  Partnership partnership;
  Marac marac;
  String coordinator;

  @BeforeEach
  void aMaracWithACoordinator() {
    partnership = fixtures.partnership();
    AdminCommands.Result created =
        commands.run(
            "marac",
            "create",
            "--partnership",
            partnership.slug(),
            "--name",
            "Haringey MARAC",
            "--adult-female-population",
            "112350",
            "--dash-threshold",
            "12");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("Created Haringey MARAC", "DASH threshold 12");
    marac = maracs.named(partnership, null);
    coordinator = fixtures.user(partnership, Role.VIEWER);
    AdminCommands.Result granted =
        commands.run(
            "marac",
            "role",
            "grant",
            "--partnership",
            partnership.slug(),
            "--email",
            coordinator,
            "--role",
            "marac_coordinator");
    assertThat(granted.exitCode()).as(granted.err()).isZero();
  }

  @Test
  void createKeepsTheSettingsWithTheSafeLivesDefaultsAndRefusesATakenName() {
    assertThat(marac.settings()).isEqualTo(MaracSettings.defaults(112350).withDashThreshold(12));
    assertThat(marac.meetingFrequency()).isEqualTo(MeetingFrequency.MONTHLY);

    AdminCommands.Result again =
        commands.run(
            "marac",
            "create",
            "--partnership",
            partnership.slug(),
            "--name",
            " haringey marac ",
            "--adult-female-population",
            "1");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already has a MARAC called haringey marac");

    AdminCommands.Result wrong =
        commands.run(
            "marac",
            "create",
            "--partnership",
            partnership.slug(),
            "--name",
            "Second MARAC",
            "--adult-female-population",
            "0",
            "--dash-threshold",
            "30");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err())
        .contains("The DASH threshold must be a whole number from 1 to 24")
        .contains("The adult female population must be a whole number more than 0");
    assertThat(maracs.all(partnership)).extracting(Marac::name).containsExactly("Haringey MARAC");
  }

  @Test
  void onlyTheMaracsOwnRolesGetAReaderAndOnlyForTheirOwnMarac() {
    long coordinatorId = accountId(coordinator);
    MaracReader reader = access.reader(partnership, marac.id(), coordinatorId, coordinator);
    assertThat(reader.coordinates()).isTrue();
    assertThat(reader.seesEveryCase()).isTrue();

    String admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    assertThatThrownBy(() -> access.reader(partnership, marac.id(), accountId(admin), admin))
        .isInstanceOf(NotFoundException.class);

    // a coordinator of another partnership's MARAC, asking for this one by its id
    Partnership other = fixtures.partnership();
    Marac theirs =
        maracs.create(other, "Other MARAC", MaracSettings.defaults(5000), MeetingFrequency.WEEKLY);
    String stranger = fixtures.user(other, Role.PARTNERSHIP_ADMIN);
    roles.grant(
        other, theirs, accountId(stranger), MaracRole.MARAC_COORDINATOR, Optional.empty(), "test");
    assertThatThrownBy(() -> access.reader(other, marac.id(), accountId(stranger), stranger))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> access.reader(partnership, marac.id(), accountId(stranger), stranger))
        .isInstanceOf(NotFoundException.class);

    // a role only counts while its holder is a member of the partnership
    accounts.removeMember(partnership.id(), coordinatorId);
    assertThatThrownBy(() -> access.reader(partnership, marac.id(), coordinatorId, coordinator))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aMemberRepresentsAnAgencyAndOnlyMembersOfThePartnershipHoldRoles() {
    String person = fixtures.user(partnership, Role.VIEWER);
    AdminCommands.Result noAgency =
        commands.run(
            "marac",
            "role",
            "grant",
            "--partnership",
            partnership.slug(),
            "--email",
            person,
            "--role",
            "MARAC_MEMBER");
    assertThat(noAgency.exitCode()).isEqualTo(1);
    assertThat(noAgency.err()).contains("Select the agency the MARAC member represents");

    Partnership other = fixtures.partnership();
    String outsider = fixtures.user(other, Role.VIEWER);
    AdminCommands.Result foreign =
        commands.run(
            "marac",
            "role",
            "grant",
            "--partnership",
            partnership.slug(),
            "--email",
            outsider,
            "--role",
            "IDVA");
    assertThat(foreign.exitCode()).isEqualTo(1);
    assertThat(foreign.err()).contains("is not a member of");

    AdminCommands.Result list =
        commands.run("marac", "role", "list", "--partnership", partnership.slug());
    assertThat(list.out()).contains(coordinator + ",Test Viewer,MARAC_COORDINATOR,");
    assertThat(MaracRoles.mayGrant(MaracRole.MARAC_COORDINATOR, true, java.util.Set.of())).isTrue();
    assertThat(MaracRoles.mayGrant(MaracRole.MARAC_MEMBER, true, java.util.Set.of())).isFalse();
    assertThat(
            MaracRoles.mayGrant(
                MaracRole.IDVA, false, java.util.Set.of(MaracRole.MARAC_COORDINATOR)))
        .isTrue();
  }

  @Test
  void aMaracRoleRequiresTwoFactorSignInBeforeAnythingElse() throws Exception {
    MockHttpSession session = Fixtures.signIn(mvc, coordinator);
    mvc.perform(get("/p/" + partnership.slug()).session(session))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/account/two-factor"));

    MockHttpSession withCode = twoFactor.signIn(mvc, coordinator);
    mvc.perform(get("/p/" + partnership.slug()).session(withCode)).andExpect(status().isOk());
  }

  @Test
  void theCoordinatorSeesWhoLookedAtACaseAndNoOneElseDoes() {
    long coordinatorId = accountId(coordinator);
    MaracReader reader = access.reader(partnership, marac.id(), coordinatorId, coordinator);
    long referral = aReferral();
    access.read(reader, referral, "Opened the case");
    java.util.List<AuditRecord> looked = access.lookedAt(reader, referral, 50);
    assertThat(looked)
        .first()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo("READ");
              assertThat(r.actor()).contains(coordinator);
              assertThat(r.objectId()).isEqualTo(Long.toString(referral));
            });

    String member = fixtures.user(partnership, Role.VIEWER);
    long agency =
        jdbc.sql("select referring_agency_id from marac_referral where id = :id")
            .param("id", referral)
            .query(Long.class)
            .single();
    roles.grant(
        partnership, marac, accountId(member), MaracRole.MARAC_MEMBER, Optional.of(agency), "test");
    MaracReader asMember = access.reader(partnership, marac.id(), accountId(member), member);
    // not on a released agenda: a member cannot see it, nor who looked
    assertThatThrownBy(() -> access.read(asMember, referral, "Opened the case"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> access.lookedAt(asMember, referral, 50))
        .isInstanceOf(NotFoundException.class);
  }

  /** A bare referral straight into the table: the referral service is tested on its own. */
  private long aReferral() {
    long agency =
        jdbc.sql(
                "insert into agency (partnership_id, name, type) values (:p, 'Police', 'POLICE')"
                    + " returning id")
            .param("p", partnership.id())
            .query(Long.class)
            .single();
    return BareRows.referral(
        jdbc,
        marac.id(),
        BareRows.victim(jdbc, marac.id()),
        agency,
        java.time.LocalDate.of(2016, 5, 23),
        "Ann Example");
  }

  private long accountId(String email) {
    return jdbc.sql("select id from user_account where email = :e")
        .param("e", email)
        .query(Long.class)
        .single();
  }
}
