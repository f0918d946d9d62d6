package org.ccrhub.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.reminders.Reminders;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo partnership on the first demo start and gives each demo user a new random password
 * on every demo start, printed once to the terminal (standard output) when the server is ready and
 * never passed to the logger, so no log file or log line holds it. Without {@code --demo} nothing
 * here runs, so no demo password ever exists.
 */
@Component
@ConditionalOnProperty(name = "ccr.demo", havingValue = "true")
class DemoData implements ApplicationRunner {

  static final String SLUG = "northbridge";
  static final String NAME = "Northbridge Community Safety Partnership";
  static final String NEIGHBOUR_SLUG = "southmere";
  static final String NEIGHBOUR_NAME = "Southmere Community Safety Partnership";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final Partnerships partnerships;
  private final Accounts accounts;
  private final DemoDirectory directory;
  private final DemoPlans demoPlans;
  private final DemoLeads demoLeads;
  private final DemoIndicators demoIndicators;
  private final DemoMarac demoMarac;
  private final DemoSharing demoSharing;
  private final Reminders reminders;
  private final Clock clock;
  private final List<DemoUser> users = new ArrayList<>();
  private final List<DemoMarac.MaracUser> maracUsers = new ArrayList<>();
  private final List<DemoSharing.SharingUser> sharingUsers = new ArrayList<>();

  DemoData(
      Partnerships partnerships,
      Accounts accounts,
      DemoDirectory directory,
      DemoPlans demoPlans,
      DemoLeads demoLeads,
      DemoIndicators demoIndicators,
      DemoMarac demoMarac,
      DemoSharing demoSharing,
      Reminders reminders,
      Clock clock) {
    this.demoMarac = demoMarac;
    this.demoSharing = demoSharing;
    this.reminders = reminders;
    this.clock = clock;
    this.partnerships = partnerships;
    this.accounts = accounts;
    this.directory = directory;
    this.demoPlans = demoPlans;
    this.demoLeads = demoLeads;
    this.demoIndicators = demoIndicators;
  }

  record DemoUser(String email, String name, Role role, String password) {}

  /** Runs before the application reports itself ready, so the demo is complete once healthy. */
  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    users.clear();
    maracUsers.clear();
    sharingUsers.clear();
    Partnership northbridge = partnership(SLUG, NAME);
    Partnership southmere = partnership(NEIGHBOUR_SLUG, NEIGHBOUR_NAME);
    directory.fill(northbridge);
    user(northbridge, "admin@northbridge.demo", "Aisha Rahman", Role.PARTNERSHIP_ADMIN);
    user(northbridge, "strategic.lead@northbridge.demo", "Claire Osei", Role.STRATEGIC_LEAD);
    user(northbridge, "action.lead@northbridge.demo", "Tom Whitfield", Role.ACTION_LEAD);
    user(northbridge, "analyst@northbridge.demo", "Priya Nair", Role.ANALYST);
    user(northbridge, "viewer@northbridge.demo", "Cllr Gareth Lloyd", Role.VIEWER);
    user(southmere, "admin@southmere.demo", "Jonah Adeyemi", Role.PARTNERSHIP_ADMIN);
    // The Northbridge administrator also sits on Southmere's board: shows the switcher.
    accounts.ensureRole(southmere, "admin@northbridge.demo", Role.VIEWER);
    demoPlans.fill(northbridge, "action.lead@northbridge.demo");
    demoLeads.fill(northbridge, "action.lead@northbridge.demo", "strategic.lead@northbridge.demo");
    demoIndicators.fill(northbridge);
    maracUsers.addAll(demoMarac.fill(northbridge));
    sharingUsers.addAll(demoSharing.fill(northbridge));
  }

  private Partnership partnership(String slug, String name) {
    return partnerships.findBySlug(slug).orElseGet(() -> partnerships.create(slug, name));
  }

  private void user(Partnership partnership, String email, String name, Role role) {
    String password = accounts.demoPassword(partnership, email, name, role);
    users.add(new DemoUser(email, name, role, password));
  }

  /**
   * Sends the demo's reminders for today once it is committed, as the daily job would: with no mail
   * server they wait in the outbox, where the administrator sees what would be sent.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void remind() {
    partnerships
        .findBySlug(SLUG)
        .ifPresent(northbridge -> reminders.send(northbridge, Dates.today(clock), false));
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  void print(ApplicationReadyEvent event) {
    String address = "http://localhost:8080";
    if (event.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() != null) {
      address = "http://localhost:" + web.getWebServer().getPort();
    }
    PrintStream out = System.out;
    out.println();
    out.println("==================================================================");
    out.println(" CCR Hub demo is running at " + address);
    out.println(" Demo partnerships: " + NAME + " (" + SLUG + "), " + NEIGHBOUR_NAME);
    out.println(" Sign in with one of these demo accounts. The passwords are new at");
    out.println(" every demo start and are shown only here:");
    out.println();
    for (DemoUser user : users) {
      out.printf("   %-20s %-36s %s%n", user.role().name(), user.email(), user.password());
    }
    out.println();
    out.println(" " + DemoMarac.NAME + ": these accounts see its cases, with two-factor");
    out.println(" sign-in. Add the key to an authenticator app (or run: oathtool --totp -b KEY):");
    out.println();
    for (DemoMarac.MaracUser user : maracUsers) {
      out.printf(
          "   %-20s %-36s %s%n   %-20s key %s%n",
          user.role().name(), user.email(), user.password(), "", user.secret());
    }
    out.println();
    out.println(" Information sharing (" + DemoSharing.PROTOCOL + "): these accounts");
    out.println(" raise and decide requests, with two-factor sign-in:");
    out.println();
    for (DemoSharing.SharingUser user : sharingUsers) {
      out.printf(
          "   %-20s %-36s %s%n   %-20s key %s%n",
          user.role(), user.email(), user.password(), "", user.secret());
    }
    out.println("==================================================================");
    out.println();
    out.flush();
    log.info(
        "Demo data loaded; {} demo accounts have new passwords",
        users.size() + maracUsers.size() + sharingUsers.size());
  }
}
