package org.ccrhub.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccrhub.partnership.People;
import org.ccrhub.partnership.PersonAccounts;
import org.ccrhub.partnership.PersonSummary;
import org.ccrhub.plans.ActionLeads;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Component;

/**
 * The demo plans' leads mapped to people of the directory with accounts, so that every demo action
 * has someone to update it: the demo action lead has several actions, and some people of partner
 * agencies are action leads too (with accounts nobody signs in to: their one-time passwords are
 * never shown). One lead, "Youth service", is left for the demo user to map; its action has an
 * updater through its other lead. Done once: a partnership whose plans have mappings is left as the
 * demo users have changed it.
 */
@Component
class DemoLeads {

  /** Directory people who are given an action lead account in the demo, by email. */
  private static final List<String> PARTNER_LEADS =
      List.of(
          "grace.mensah@northbridge.demo",
          "imogen.webb@northbridge.demo",
          "owen.price@northbridge.demo",
          "beth.llewellyn@northbridge.demo",
          "samuel.okafor@northbridge.demo",
          "ravi.chandra@northbridge.demo",
          "farah.siddiqui@northbridge.demo");

  private final DeliveryPlans plans;
  private final ActionLeads leads;
  private final People people;
  private final PersonAccounts personAccounts;
  private final Accounts accounts;

  DemoLeads(
      DeliveryPlans plans,
      ActionLeads leads,
      People people,
      PersonAccounts personAccounts,
      Accounts accounts) {
    this.plans = plans;
    this.leads = leads;
    this.people = people;
    this.personAccounts = personAccounts;
    this.accounts = accounts;
  }

  void fill(Partnership partnership, String actionLead, String strategicLead) {
    DeliveryPlan vawg = plans.named(partnership, DemoPlans.VAWG_PLAN);
    DeliveryPlan accommodation = plans.named(partnership, DemoPlans.ACCOMMODATION_PLAN);
    if (leads.leads(vawg).stream().anyMatch(l -> !l.people().isEmpty())) {
      return;
    }
    Map<String, PersonSummary> directory =
        people.findAll(partnership).stream()
            .filter(p -> p.email().isPresent())
            .collect(Collectors.toMap(p -> p.email().get(), p -> p, (a, b) -> a));
    Set<String> members =
        accounts.members(partnership.id()).stream().map(Member::email).collect(Collectors.toSet());
    for (String email : PARTNER_LEADS) {
      if (!members.contains(email) && directory.containsKey(email)) {
        // joins the partnership linked to the person with its email
        accounts.addMember(partnership, email, directory.get(email).name(), Role.ACTION_LEAD, null);
      }
    }
    Map<String, Long> person = new LinkedHashMap<>();
    Set<String> mapped = new java.util.HashSet<>(PARTNER_LEADS);
    mapped.add(actionLead);
    mapped.add(strategicLead);
    for (Member member : accounts.members(partnership.id())) {
      if (!mapped.contains(member.email())) {
        continue;
      }
      person.put(
          member.email(),
          personAccounts
              .personFor(partnership, member.accountId(), member.displayName(), member.email())
              .personId());
    }
    people.findAll(partnership).stream()
        .filter(p -> p.name().equals("Mariam Haddad"))
        .findFirst()
        .ifPresent(p -> person.put("mariam.haddad", p.id())); // in the directory, no account

    Map<String, List<String>> vawgLeads = new LinkedHashMap<>();
    vawgLeads.put("VAWG Strategic Group", List.of(strategicLead));
    vawgLeads.put("Domestic Abuse Local Partnership Board", List.of(strategicLead));
    vawgLeads.put("VAWG Commissioning Group", List.of(strategicLead));
    vawgLeads.put("Community Safety Team", List.of(actionLead));
    vawgLeads.put("Information governance leads", List.of(actionLead));
    vawgLeads.put("Council learning and development", List.of(actionLead));
    vawgLeads.put("Northbridge Schools Partnership", List.of(actionLead, "mariam.haddad"));
    vawgLeads.put("Safe Harbour Women's Aid", List.of("grace.mensah@northbridge.demo"));
    vawgLeads.put("Harmful Practices Working Group", List.of("grace.mensah@northbridge.demo"));
    vawgLeads.put("North Riverside ICB", List.of("imogen.webb@northbridge.demo"));
    vawgLeads.put("Northbridge Homes", List.of("owen.price@northbridge.demo"));
    vawgLeads.put("MARAC Steering Group", List.of("beth.llewellyn@northbridge.demo"));
    vawgLeads.put("Probation Service", List.of("samuel.okafor@northbridge.demo"));
    vawgLeads.put("Northbridge Police", List.of("ravi.chandra@northbridge.demo"));
    // "Youth service" is left unmapped: the plan shows it as a lead with nobody
    map(partnership, vawg, vawgLeads, person);

    Map<String, List<String>> accommodationLeads = new LinkedHashMap<>();
    accommodationLeads.put("Council housing options", List.of(actionLead));
    accommodationLeads.put("Survivors' Advisory Group", List.of("farah.siddiqui@northbridge.demo"));
    map(partnership, accommodation, accommodationLeads, person);
  }

  private void map(
      Partnership partnership,
      DeliveryPlan plan,
      Map<String, List<String>> mapping,
      Map<String, Long> person) {
    mapping.forEach(
        (lead, who) -> {
          List<Long> ids = who.stream().filter(person::containsKey).map(person::get).toList();
          if (leads.lead(plan, lead).isPresent() && !ids.isEmpty()) {
            leads.assign(partnership, plan, lead, ids);
          }
        });
  }
}
