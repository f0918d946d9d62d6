package org.ccrhub.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.marac.Marac;
import org.ccrhub.marac.MaracAccess;
import org.ccrhub.marac.MaracReader;
import org.ccrhub.marac.MaracRole;
import org.ccrhub.marac.MaracRoles;
import org.ccrhub.marac.MaracSettings;
import org.ccrhub.marac.Maracs;
import org.ccrhub.marac.MeetingFrequency;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.DemoTwoFactor;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Component;

/**
 * The demo's MARAC and an account for each MARAC role. Their two-factor secrets are new at every
 * start, like the passwords, and printed with them, so that they can be typed into an authenticator
 * app.
 */
@Component
class DemoMarac {

  static final String NAME = "Northbridge MARAC";

  /** Women and girls aged 16 and over in the invented borough. */
  static final long ADULT_FEMALE_POPULATION = 98_400;

  private final Maracs maracs;
  private final MaracRoles roles;
  private final Accounts accounts;
  private final Agencies agencies;
  private final DemoTwoFactor twoFactor;
  private final MaracAccess access;
  private final DemoMaracCases cases;
  private final Clock clock;

  DemoMarac(
      Maracs maracs,
      MaracRoles roles,
      Accounts accounts,
      Agencies agencies,
      DemoTwoFactor twoFactor,
      MaracAccess access,
      DemoMaracCases cases,
      Clock clock) {
    this.access = access;
    this.cases = cases;
    this.clock = clock;
    this.maracs = maracs;
    this.roles = roles;
    this.accounts = accounts;
    this.agencies = agencies;
    this.twoFactor = twoFactor;
  }

  /** A demo account with a MARAC role, its password and two-factor secret. */
  record MaracUser(String email, String name, MaracRole role, String password, String secret) {}

  /** Makes the MARAC once and gives its demo accounts new passwords and secrets. */
  List<MaracUser> fill(Partnership partnership) {
    Marac marac =
        maracs
            .find(partnership, NAME)
            .orElseGet(
                () ->
                    maracs.create(
                        partnership,
                        NAME,
                        MaracSettings.defaults(ADULT_FEMALE_POPULATION),
                        MeetingFrequency.FORTNIGHTLY));
    Agency police = agency(partnership, AgencyType.POLICE);
    List<MaracUser> users = new ArrayList<>();
    users.add(
        user(
            partnership,
            marac,
            "marac.coordinator@northbridge.demo",
            "Helen Marsh",
            MaracRole.MARAC_COORDINATOR,
            Optional.empty()));
    users.add(
        user(
            partnership,
            marac,
            "marac.chair@northbridge.demo",
            "DI Robert Kane",
            MaracRole.MARAC_CHAIR,
            Optional.empty()));
    users.add(
        user(
            partnership,
            marac,
            "marac.member@northbridge.demo",
            "PC Leah Dunmore",
            MaracRole.MARAC_MEMBER,
            Optional.of(police.id())));
    users.add(
        user(
            partnership,
            marac,
            "idva@northbridge.demo",
            "Maya Fernandes",
            MaracRole.IDVA,
            Optional.empty()));
    cases.fill(
        reader(partnership, marac, users.get(0)),
        reader(partnership, marac, users.get(2)),
        accountId(partnership, users.get(3).email()),
        agencies.findAll(partnership),
        Dates.today(clock));
    return users;
  }

  private MaracUser user(
      Partnership partnership,
      Marac marac,
      String email,
      String name,
      MaracRole role,
      Optional<Long> agency) {
    String password = accounts.demoPassword(partnership, email, name, Role.VIEWER);
    long accountId = accountId(partnership, email);
    roles.grant(partnership, marac, accountId, role, agency, "demo");
    return new MaracUser(email, name, role, password, twoFactor.setUp(accountId));
  }

  private long accountId(Partnership partnership, String email) {
    return accountId(accounts, partnership, email);
  }

  /** The account of a demo member, by email. */
  static long accountId(Accounts accounts, Partnership partnership, String email) {
    return accounts.members(partnership.id()).stream()
        .filter(m -> m.email().equals(email))
        .map(Member::accountId)
        .findFirst()
        .orElseThrow();
  }

  private MaracReader reader(Partnership partnership, Marac marac, MaracUser user) {
    return access.reader(
        partnership, marac.id(), accountId(partnership, user.email()), user.name() + " (demo)");
  }

  private Agency agency(Partnership partnership, AgencyType type) {
    return agencies.findAll(partnership).stream()
        .filter(a -> a.type() == type)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The demo directory has no " + type));
  }
}
