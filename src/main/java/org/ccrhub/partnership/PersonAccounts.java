package org.ccrhub.partnership;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which person of a partnership's directory each user account is. An account is at most one person
 * of each partnership it belongs to, and a person at most one account; the account's agency is its
 * person's agency. Accounts are known here only by their id: the {@code security} module, which
 * owns them, links them (by email when an account joins the partnership, or as an administrator
 * chooses).
 *
 * <p>Audit summaries name no one, as in {@link People}.
 */
@Service
public class PersonAccounts {

  private final JdbcClient jdbc;
  private final People people;
  private final AuditTrail audit;

  PersonAccounts(JdbcClient jdbc, People people, AuditTrail audit) {
    this.jdbc = jdbc;
    this.people = people;
    this.audit = audit;
  }

  /** An account's person: their name and agency. */
  public record LinkedPerson(long personId, String name, Optional<String> agencyName) {

    /** E.g. {@code Tom Whitfield, Northbridge Borough Council}. */
    public String label() {
      return agencyName.map(a -> name + ", " + a).orElse(name);
    }
  }

  /** Each linked person's account: person id to account id. */
  @Transactional(readOnly = true)
  public Map<Long, Long> accountsOfPeople(Partnership partnership) {
    Map<Long, Long> accounts = new HashMap<>();
    jdbc.sql("select person_id, user_account_id from account_person where partnership_id = :p")
        .param("p", partnership.id())
        .query(
            (ResultSet rs) -> {
              accounts.put(rs.getLong(1), rs.getLong(2));
            });
    return accounts;
  }

  /** Each linked account's person: account id to person. */
  @Transactional(readOnly = true)
  public Map<Long, LinkedPerson> peopleOfAccounts(Partnership partnership) {
    Map<Long, LinkedPerson> linked = new HashMap<>();
    jdbc.sql(
            """
            select l.user_account_id, p.id, p.name, a.name as agency_name
            from account_person l
            join person p on p.partnership_id = l.partnership_id and p.id = l.person_id
            left join agency a on a.partnership_id = p.partnership_id and a.id = p.agency_id
            where l.partnership_id = :p
            """)
        .param("p", partnership.id())
        .query(
            (ResultSet rs) -> {
              linked.put(
                  rs.getLong(1),
                  new LinkedPerson(
                      rs.getLong(2),
                      rs.getString(3),
                      Optional.ofNullable(rs.getString("agency_name"))));
            });
    return linked;
  }

  /** The account's person in the partnership, if it is linked to one. */
  @Transactional(readOnly = true)
  public Optional<LinkedPerson> personOf(Partnership partnership, long accountId) {
    return Optional.ofNullable(peopleOfAccounts(partnership).get(accountId));
  }

  /** The people of the partnership not linked to any account, by name. */
  @Transactional(readOnly = true)
  public List<PersonSummary> unlinked(Partnership partnership) {
    Set<Long> linked = accountsOfPeople(partnership).keySet();
    return people.findAll(partnership).stream().filter(p -> !linked.contains(p.id())).toList();
  }

  /**
   * Links an account that has just joined the partnership to the one person of its directory with
   * the same email, if there is exactly one and neither has a link yet.
   *
   * @return whether it was linked
   */
  @Transactional
  public boolean linkByEmail(Partnership partnership, long accountId, String email) {
    if (personOf(partnership, accountId).isPresent()) {
      return false;
    }
    List<Long> matching =
        jdbc.sql(
                """
                select id from person p where partnership_id = :p
                    and lower(btrim(email)) = :email
                    and not exists (select 1 from account_person l where l.person_id = p.id)
                """)
            .param("p", partnership.id())
            .param("email", email.strip().toLowerCase(Locale.ROOT))
            .query(Long.class)
            .list();
    if (matching.size() != 1) {
      return false;
    }
    insert(partnership, accountId, matching.get(0));
    audit.record(
        AuditEntry.success(
            "CREATE",
            "AccountPerson",
            matching.get(0),
            partnership.id(),
            "Linked account " + accountId + " to the person with its email"));
    return true;
  }

  /**
   * Links an account to a person of the directory, or to none; an administrator's choice.
   *
   * @throws NotFoundException if the person is not one of the partnership's
   * @throws InvalidInputException if the person is another account's
   */
  @Transactional
  public void link(Partnership partnership, long accountId, Optional<Long> personId) {
    Optional<LinkedPerson> before = personOf(partnership, accountId);
    if (before.map(LinkedPerson::personId).equals(personId)) {
      return;
    }
    if (personId.isPresent()) {
      people.find(partnership, personId.get());
      if (accountsOfPeople(partnership).containsKey(personId.get())) {
        throw new InvalidInputException(
            "That person is already linked to another user: choose someone else");
      }
    }
    deleteLink(partnership.id(), accountId);
    personId.ifPresent(id -> insert(partnership, accountId, id));
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "AccountPerson",
            accountId,
            partnership.id(),
            personId.isPresent()
                ? "Linked account " + accountId + " to person " + personId.get()
                : "Unlinked account " + accountId + " from its person"));
  }

  /**
   * The account's person, creating one from the name and email (in no agency, on no group) and
   * linking it when the account has none.
   */
  @Transactional
  public LinkedPerson personFor(
      Partnership partnership, long accountId, String name, String email) {
    Optional<LinkedPerson> existing = personOf(partnership, accountId);
    if (existing.isPresent()) {
      return existing.get();
    }
    Person person = people.create(partnership, name, null, null, email, Set.of());
    insert(partnership, accountId, person.id());
    audit.record(
        AuditEntry.success(
            "CREATE",
            "AccountPerson",
            person.id(),
            partnership.id(),
            "Linked account " + accountId + " to a person added for it"));
    return new LinkedPerson(person.id(), person.name(), Optional.empty());
  }

  /** Removes an account's link, when it leaves the partnership. */
  @Transactional
  public void unlink(long partnershipId, long accountId) {
    if (deleteLink(partnershipId, accountId) > 0) {
      audit.record(
          AuditEntry.success(
              "DELETE",
              "AccountPerson",
              accountId,
              partnershipId,
              "Unlinked account " + accountId + " from its person: it left the partnership"));
    }
  }

  private void insert(Partnership partnership, long accountId, long personId) {
    jdbc.sql(
            """
            insert into account_person (partnership_id, user_account_id, person_id)
            values (:p, :account, :person)
            """)
        .param("p", partnership.id())
        .param("account", accountId)
        .param("person", personId)
        .update();
  }

  private int deleteLink(long partnershipId, long accountId) {
    return jdbc.sql(
            "delete from account_person where partnership_id = :p and user_account_id = :account")
        .param("p", partnershipId)
        .param("account", accountId)
        .update();
  }
}
