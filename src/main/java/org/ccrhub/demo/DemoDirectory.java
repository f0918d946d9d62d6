package org.ccrhub.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.partnership.GroupType;
import org.ccrhub.partnership.Groups;
import org.ccrhub.partnership.People;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Component;

/**
 * The demo partnership's agencies, groups (with their reporting lines) and people. All names are
 * invented. Added on the first demo start only: once the partnership has agencies it is left as the
 * demo users have changed it.
 */
@Component
class DemoDirectory {

  private final Agencies agencies;
  private final Groups groups;
  private final People people;

  DemoDirectory(Agencies agencies, Groups groups, People people) {
    this.agencies = agencies;
    this.groups = groups;
    this.people = people;
  }

  void fill(Partnership partnership) {
    if (!agencies.findAll(partnership).isEmpty()) {
      return;
    }
    Map<String, Long> agency = new HashMap<>();
    agency.put(
        "council",
        agencies
            .create(partnership, "Northbridge Borough Council", AgencyType.LOCAL_AUTHORITY)
            .id());
    agency.put(
        "police",
        agencies
            .create(partnership, "Northbridge Police (North Area Command)", AgencyType.POLICE)
            .id());
    agency.put(
        "health",
        agencies
            .create(partnership, "North Riverside Integrated Care Board", AgencyType.HEALTH)
            .id());
    agency.put(
        "probation",
        agencies.create(partnership, "Probation Service, Northbridge", AgencyType.PROBATION).id());
    agency.put(
        "fire", agencies.create(partnership, "Riverside Fire and Rescue", AgencyType.FIRE).id());
    agency.put(
        "housing", agencies.create(partnership, "Northbridge Homes", AgencyType.HOUSING).id());
    agency.put(
        "schools",
        agencies.create(partnership, "Northbridge Schools Partnership", AgencyType.EDUCATION).id());
    agency.put(
        "refuge",
        agencies
            .create(partnership, "Safe Harbour Women's Aid", AgencyType.VOLUNTARY_COMMUNITY)
            .id());
    agency.put(
        "idva",
        agencies
            .create(partnership, "Northbridge IDVA Service", AgencyType.VOLUNTARY_COMMUNITY)
            .id());

    long board =
        groups
            .create(
                partnership,
                "Northbridge Community Safety Partnership Board",
                GroupType.CSP_BOARD,
                Optional.empty())
            .id();
    long vawg =
        groups
            .create(
                partnership,
                "VAWG Strategic Group",
                GroupType.VAWG_STRATEGIC_GROUP,
                Optional.of(board))
            .id();
    long marac =
        groups.create(partnership, "Northbridge MARAC", GroupType.MARAC, Optional.of(vawg)).id();
    groups.create(
        partnership, "MARAC Steering Group", GroupType.MARAC_STEERING_GROUP, Optional.of(vawg));
    long advisory =
        groups
            .create(
                partnership,
                "Survivors' Advisory Group",
                GroupType.ADVISORY_GROUP,
                Optional.of(vawg))
            .id();
    groups.create(
        partnership, "VAWG Commissioning Group", GroupType.COMMISSIONING_GROUP, Optional.of(vawg));
    long harmful =
        groups
            .create(
                partnership,
                "Harmful Practices Working Group",
                GroupType.WORKING_GROUP,
                Optional.of(vawg))
            .id();

    people.create(
        partnership,
        "Helen Marsh",
        "Head of Community Safety",
        agency.get("council"),
        "helen.marsh@northbridge.demo",
        Set.of(board, vawg));
    people.create(
        partnership,
        "Det Supt Ravi Chandra",
        "Borough Commander",
        agency.get("police"),
        "ravi.chandra@northbridge.demo",
        Set.of(board));
    people.create(
        partnership,
        "Dr Imogen Webb",
        "Designated Nurse, Safeguarding",
        agency.get("health"),
        "imogen.webb@northbridge.demo",
        Set.of(vawg, marac));
    people.create(
        partnership,
        "Samuel Okafor",
        "Head of Probation Delivery Unit",
        agency.get("probation"),
        "samuel.okafor@northbridge.demo",
        Set.of(board, marac));
    people.create(
        partnership,
        "Beth Llewellyn",
        "MARAC Coordinator",
        agency.get("council"),
        "beth.llewellyn@northbridge.demo",
        Set.of(marac));
    people.create(
        partnership,
        "Farah Siddiqui",
        "Senior IDVA",
        agency.get("idva"),
        "farah.siddiqui@northbridge.demo",
        Set.of(marac, advisory));
    people.create(
        partnership,
        "Grace Mensah",
        "Chief Executive",
        agency.get("refuge"),
        "grace.mensah@northbridge.demo",
        Set.of(vawg, advisory, harmful));
    people.create(
        partnership,
        "Owen Price",
        "Tenancy Services Manager",
        agency.get("housing"),
        "owen.price@northbridge.demo",
        Set.of(marac));
    people.create(
        partnership,
        "Station Manager Kate Doyle",
        "Community Safety Lead",
        agency.get("fire"),
        null,
        Set.of(board));
    // two demo users, whose accounts are linked to them by email
    people.create(
        partnership,
        "Claire Osei",
        "VAWG Strategic Lead",
        agency.get("council"),
        "strategic.lead@northbridge.demo",
        Set.of(board, vawg));
    people.create(
        partnership,
        "Tom Whitfield",
        "VAWG Coordinator",
        agency.get("council"),
        "action.lead@northbridge.demo",
        Set.of(vawg));
    people.create(
        partnership,
        "Mariam Haddad",
        "Designated Safeguarding Lead",
        agency.get("schools"),
        null,
        Set.of(harmful));
  }
}
