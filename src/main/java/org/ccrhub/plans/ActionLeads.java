package org.ccrhub.plans;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.partnership.People;
import org.ccrhub.partnership.PersonAccounts;
import org.ccrhub.partnership.PersonSummary;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads are people: each lead a plan names maps to people of the partnership's directory and,
 * through them, to the accounts that update the actions naming it.
 *
 * <p>The rule for who updates an action is here and only here: the accounts of the people mapped to
 * its leads, and those added to it by hand, that are members of the partnership with a role that
 * updates actions (action lead, strategic lead or administrator). {@link ActionProgress} asks this
 * class, for its permission check and for a lead's own list of actions.
 *
 * <p>Mappings belong to the partnership and are known by the lead's {@link Lead#keyOf key}: plans
 * and imports keep the text as written, and a lead is matched to its mapping when it is read.
 */
@Service
public class ActionLeads {

  /** Roles whose holders update the actions they are updaters of. */
  static final Set<Role> UPDATING_ROLES =
      EnumSet.of(Role.ACTION_LEAD, Role.STRATEGIC_LEAD, Role.PARTNERSHIP_ADMIN);

  private final JdbcClient jdbc;
  private final DeliveryPlans plans;
  private final Partnerships partnerships;
  private final People people;
  private final PersonAccounts personAccounts;
  private final Accounts accounts;
  private final AuditTrail audit;

  ActionLeads(
      JdbcClient jdbc,
      DeliveryPlans plans,
      Partnerships partnerships,
      People people,
      PersonAccounts personAccounts,
      Accounts accounts,
      AuditTrail audit) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.partnerships = partnerships;
    this.people = people;
    this.personAccounts = personAccounts;
    this.accounts = accounts;
    this.audit = audit;
  }

  /**
   * Who updates an action, by where they come from.
   *
   * @param fromLeads account id to the leads (as the action writes them) that make it an updater
   * @param byHand the accounts added to the action by hand
   */
  public record Updaters(Map<Long, List<String>> fromLeads, Set<Long> byHand) {

    public Set<Long> all() {
      Set<Long> all = new LinkedHashSet<>(fromLeads.keySet());
      all.addAll(byHand);
      return all;
    }
  }

  /** What a change of a lead's people did. */
  public record Assigned(Lead lead, List<LeadPerson> before) {

    /** The people mapped now who were not before. */
    public List<LeadPerson> added() {
      Set<Long> was =
          before.stream().map(LeadPerson::personId).collect(Collectors.toCollection(HashSet::new));
      return lead.people().stream().filter(p -> !was.contains(p.personId())).toList();
    }
  }

  /** Each distinct lead of the plan, with its actions and people, in alphabetical order. */
  @Transactional(readOnly = true)
  public List<Lead> leads(DeliveryPlan plan) {
    return leads(plan, plans.actions(plan));
  }

  /** The plan's leads whose actions get no updater from them, in alphabetical order. */
  @Transactional(readOnly = true)
  public List<Lead> unmapped(DeliveryPlan plan) {
    return leads(plan).stream().filter(l -> !l.mapped()).toList();
  }

  /** As {@link #unmapped(DeliveryPlan)}, for a plan whose actions have been read already. */
  @Transactional(readOnly = true)
  public List<Lead> unmapped(PlanSnapshot snapshot) {
    return leads(snapshot.plan(), snapshot.actions()).stream().filter(l -> !l.mapped()).toList();
  }

  /** The lead of the plan with this text (however spaced or capitalised), if the plan names it. */
  @Transactional(readOnly = true)
  public Optional<Lead> lead(DeliveryPlan plan, String text) {
    String key = Lead.keyOf(text);
    return leads(plan).stream().filter(l -> l.key().equals(key)).findFirst();
  }

  /**
   * Every person of the partnership's directory, as a lead can be mapped to them, by name: read for
   * someone to see, so the audit trail records that the list of people was read.
   */
  @Transactional
  public List<LeadPerson> people(Partnership partnership) {
    Map<Long, Long> accountOf = personAccounts.accountsOfPeople(partnership);
    Set<Long> updating = updating(partnership.id());
    return people.openList(partnership).stream()
        .map(
            p -> {
              Optional<Long> account = Optional.ofNullable(accountOf.get(p.id()));
              return new LeadPerson(
                  p.id(),
                  p.name(),
                  p.agencyName(),
                  account,
                  account.filter(updating::contains).isPresent());
            })
        .toList();
  }

  /** Each action of the plan (by id) to the accounts that update it; every action is a key. */
  @Transactional(readOnly = true)
  public Map<Long, Set<Long>> updaters(DeliveryPlan plan) {
    Directory directory = directory(plan.partnershipId());
    Map<Long, Set<Long>> byHand = byHand(plan);
    Map<Long, Set<Long>> updaters = new LinkedHashMap<>();
    for (PlanAction action : plans.actions(plan)) {
      updaters.put(
          action.id(),
          directory.updaters(action, byHand.getOrDefault(action.id(), Set.of())).all());
    }
    return updaters;
  }

  /** The accounts that update the action. */
  @Transactional(readOnly = true)
  public Set<Long> updaters(PlanAction action) {
    return updatersOf(action).all();
  }

  /** The accounts that update the action, those from its leads apart from those added by hand. */
  @Transactional(readOnly = true)
  public Updaters updatersOf(PlanAction action) {
    long partnershipId =
        jdbc.sql("select partnership_id from delivery_plan where id = :plan")
            .param("plan", action.planId())
            .query(Long.class)
            .single();
    return directory(partnershipId).updaters(action, handAdded(action));
  }

  /** The accounts added to the action by hand, whatever their roles now. */
  @Transactional(readOnly = true)
  public Set<Long> handAdded(PlanAction action) {
    return Set.copyOf(
        jdbc.sql("select user_account_id from action_updater where action_id = :a")
            .param("a", action.id())
            .query(Long.class)
            .list());
  }

  /**
   * Maps a lead of the plan to exactly these people (none: to nobody), for every action of every
   * plan of the partnership that names it.
   *
   * @throws NotFoundException if the plan names no such lead, or a person is not one of the
   *     partnership's
   */
  @Transactional
  public Assigned assign(
      Partnership partnership, DeliveryPlan plan, String leadText, Collection<Long> personIds) {
    return change(partnership, plan, leadText, Set.copyOf(personIds), true);
  }

  /** Adds these people to a lead's mapping, keeping those it has; as {@link #assign}. */
  @Transactional
  public Assigned add(
      Partnership partnership, DeliveryPlan plan, String leadText, Collection<Long> personIds) {
    return change(partnership, plan, leadText, Set.copyOf(personIds), false);
  }

  private Assigned change(
      Partnership partnership,
      DeliveryPlan plan,
      String leadText,
      Set<Long> personIds,
      boolean replace) {
    if (plan.partnershipId() != partnership.id()) {
      throw new NotFoundException("Delivery plan");
    }
    Lead before = lead(plan, leadText).orElseThrow(() -> new NotFoundException("Lead"));
    for (long id : personIds) {
      people.find(partnership, id); // not found for another partnership's person
    }
    Set<Long> wanted = new LinkedHashSet<>(personIds);
    if (!replace) {
      before.people().forEach(p -> wanted.add(p.personId()));
    }
    Set<Long> had = before.people().stream().map(LeadPerson::personId).collect(Collectors.toSet());
    if (wanted.equals(had)) {
      return new Assigned(before, before.people());
    }
    // One mapping per lead key: created on first use, serialised by its row lock.
    long mappingId =
        jdbc.sql(
                """
                insert into lead_mapping (partnership_id, lead_key, lead_text)
                values (:p, :key, :text)
                on conflict (partnership_id, lead_key) do update set lead_key = excluded.lead_key
                returning id
                """)
            .param("p", partnership.id())
            .param("key", before.key())
            .param("text", before.text())
            .query(Long.class)
            .single();
    jdbc.sql("delete from lead_mapping_person where lead_mapping_id = :m")
        .param("m", mappingId)
        .update();
    for (long personId : wanted) {
      jdbc.sql(
              """
              insert into lead_mapping_person (lead_mapping_id, partnership_id, person_id)
              values (:m, :p, :person)
              """)
          .param("m", mappingId)
          .param("p", partnership.id())
          .param("person", personId)
          .update();
    }
    Lead after = lead(plan, leadText).orElseThrow();
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "LeadMapping",
            mappingId,
            partnership.id(),
            "Lead '"
                + after.text()
                + "' of "
                + plan.name()
                + " mapped to "
                + after.people().size()
                + (after.people().size() == 1 ? " person" : " people")
                + " (was "
                + had.size()
                + "), "
                + after.accountIds().size()
                + " of them updating its "
                + after.actions()
                + (after.actions() == 1 ? " action" : " actions")));
    return new Assigned(after, before.people());
  }

  private List<Lead> leads(DeliveryPlan plan, List<PlanAction> actions) {
    Directory directory = directory(plan.partnershipId());
    Map<String, String> texts = new TreeMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (PlanAction action : actions) {
      Set<String> keys = new HashSet<>();
      for (String text : action.leads()) {
        String key = Lead.keyOf(text);
        if (!key.isEmpty() && keys.add(key)) {
          texts.putIfAbsent(key, Lead.tidy(text));
          counts.merge(key, 1, Integer::sum);
        }
      }
    }
    List<Lead> leads = new ArrayList<>();
    texts.forEach((key, text) -> leads.add(directory.lead(key, text, counts.get(key))));
    return leads;
  }

  private Map<Long, Set<Long>> byHand(DeliveryPlan plan) {
    Map<Long, Set<Long>> byHand = new HashMap<>();
    jdbc.sql(
            """
            select u.action_id, u.user_account_id from action_updater u
            join plan_action a on a.id = u.action_id where a.plan_id = :plan
            """)
        .param("plan", plan.id())
        .query(
            (ResultSet rs) -> {
              byHand.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
            });
    return byHand;
  }

  /** What the partnership's mappings, directory and members say, read once for a request. */
  private Directory directory(long partnershipId) {
    Partnership partnership =
        partnerships.findAllById(List.of(partnershipId)).stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Partnership"));
    Map<String, List<Long>> mapped = new HashMap<>();
    jdbc.sql(
            """
            select m.lead_key, p.person_id from lead_mapping m
            join lead_mapping_person p on p.lead_mapping_id = m.id
            where m.partnership_id = :p
            """)
        .param("p", partnershipId)
        .query(
            (ResultSet rs) -> {
              mapped.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
            });
    Set<Long> updating = updating(partnershipId);
    Map<Long, PersonSummary> directory = new HashMap<>();
    if (!mapped.isEmpty()) {
      people.findAll(partnership).forEach(p -> directory.put(p.id(), p));
    }
    return new Directory(mapped, directory, personAccounts.accountsOfPeople(partnership), updating);
  }

  /** The members of the partnership whose roles update actions. */
  private Set<Long> updating(long partnershipId) {
    return accounts.members(partnershipId).stream()
        .filter(m -> m.roles().stream().anyMatch(UPDATING_ROLES::contains))
        .map(Member::accountId)
        .collect(Collectors.toSet());
  }

  private record Directory(
      Map<String, List<Long>> mapped,
      Map<Long, PersonSummary> people,
      Map<Long, Long> accountOfPerson,
      Set<Long> updating) {

    Lead lead(String key, String text, int actions) {
      List<LeadPerson> mappedPeople =
          mapped.getOrDefault(key, List.of()).stream()
              .map(people::get)
              .filter(java.util.Objects::nonNull)
              .map(
                  p -> {
                    Optional<Long> account = Optional.ofNullable(accountOfPerson.get(p.id()));
                    return new LeadPerson(
                        p.id(),
                        p.name(),
                        p.agencyName(),
                        account,
                        account.filter(updating::contains).isPresent());
                  })
              .sorted(Comparator.comparing(LeadPerson::name, String.CASE_INSENSITIVE_ORDER))
              .toList();
      return new Lead(
          text,
          actions,
          mappedPeople,
          mappedPeople.stream()
              .filter(LeadPerson::updates)
              .map(p -> p.accountId().orElseThrow())
              .collect(Collectors.toSet()));
    }

    Updaters updaters(PlanAction action, Set<Long> handAdded) {
      Map<Long, List<String>> fromLeads = new LinkedHashMap<>();
      for (String text : action.leads()) {
        for (long personId : mapped.getOrDefault(Lead.keyOf(text), List.of())) {
          Long account = accountOfPerson.get(personId);
          if (account != null && updating.contains(account)) {
            List<String> leads = fromLeads.computeIfAbsent(account, k -> new ArrayList<>());
            if (!leads.contains(Lead.tidy(text))) {
              leads.add(Lead.tidy(text));
            }
          }
        }
      }
      Set<Long> byHand = handAdded.stream().filter(updating::contains).collect(Collectors.toSet());
      return new Updaters(fromLeads, byHand);
    }
  }
}
