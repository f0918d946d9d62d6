package org.ccrhub.marac;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.security.TwoFactorRequirement;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which role in each MARAC (ADR 19). Only a member of the MARAC's partnership can hold
 * one. A partnership administrator appoints coordinators; a coordinator appoints anyone; the
 * command line may do either. Every MARAC role requires two-factor sign-in ({@link
 * TwoFactorRequirement}).
 */
@Service
public class MaracRoles implements TwoFactorRequirement {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  MaracRoles(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Who may give a role: an administrator gives coordinators, a coordinator any role. */
  public static boolean mayGrant(MaracRole role, boolean administrator, Set<MaracRole> held) {
    return held.contains(MaracRole.MARAC_COORDINATOR)
        || (administrator && role == MaracRole.MARAC_COORDINATOR);
  }

  /**
   * Gives a member of the partnership a role in the MARAC. Giving a role already held changes
   * nothing (a member's agency is updated).
   *
   * @throws NotFoundException when the account is not a member of the MARAC's partnership, or the
   *     agency not one of its agencies
   * @throws InvalidInputException when a MARAC member's agency is missing
   */
  @Transactional
  public void grant(
      Partnership partnership,
      Marac marac,
      long accountId,
      MaracRole role,
      Optional<Long> agencyId,
      String grantedBy) {
    checkSame(partnership, marac);
    String email = memberEmail(partnership, accountId);
    if (role.needsAgency() && agencyId.isEmpty()) {
      throw new InvalidInputException("Select the agency the MARAC member represents");
    }
    Optional<Long> agency = role.needsAgency() ? agencyId : Optional.empty();
    Optional<String> agencyName = agency.map(a -> agencyName(partnership, a));
    jdbc.sql(
            """
            insert into marac_role (marac_id, user_account_id, role, agency_id, granted_by,
                granted_at)
            values (:m, :a, :role, :agency, :by, :at)
            on conflict (marac_id, user_account_id, role)
            do update set agency_id = excluded.agency_id
            """)
        .param("m", marac.id())
        .param("a", accountId)
        .param("role", role.name())
        .param("agency", agency.orElse(null))
        .param("by", grantedBy)
        .param("at", OffsetDateTime.now(clock))
        .update();
    audit.record(
        AuditEntry.success(
            "GRANT_MARAC_ROLE",
            "Marac",
            marac.id(),
            partnership.id(),
            "Gave "
                + email
                + " the role "
                + role.label()
                + agencyName.map(n -> " for " + n).orElse("")
                + " in "
                + marac.name()));
  }

  /**
   * Takes a role away; the person loses sight of the cases at their next request.
   *
   * @throws NotFoundException when they do not hold it
   */
  @Transactional
  public void remove(Partnership partnership, Marac marac, long accountId, MaracRole role) {
    checkSame(partnership, marac);
    int removed =
        jdbc.sql(
                "delete from marac_role where marac_id = :m and user_account_id = :a"
                    + " and role = :role")
            .param("m", marac.id())
            .param("a", accountId)
            .param("role", role.name())
            .update();
    if (removed == 0) {
      throw new NotFoundException("No such role holder");
    }
    audit.record(
        AuditEntry.success(
            "REMOVE_MARAC_ROLE",
            "Marac",
            marac.id(),
            partnership.id(),
            "Took the role "
                + role.label()
                + " in "
                + marac.name()
                + " from "
                + memberEmailOrId(accountId)));
  }

  /**
   * The roles an account holds in a MARAC, with the agencies it represents as a member. A role
   * counts only while the account is a member of the MARAC's partnership.
   */
  @Transactional(readOnly = true)
  public Held held(long maracId, long accountId) {
    Set<MaracRole> roles = EnumSet.noneOf(MaracRole.class);
    Set<Long> agencies = new LinkedHashSet<>();
    jdbc.sql(
            """
            select r.role, r.agency_id from marac_role r join marac m on m.id = r.marac_id
            where r.marac_id = :m and r.user_account_id = :a
              and exists (select 1 from membership s where s.user_account_id = r.user_account_id
                              and s.partnership_id = m.partnership_id)
            """)
        .param("m", maracId)
        .param("a", accountId)
        .query(
            (rs, row) -> {
              roles.add(MaracRole.valueOf(rs.getString("role")));
              long agency = rs.getLong("agency_id");
              if (!rs.wasNull()) {
                agencies.add(agency);
              }
              return null;
            })
        .list();
    return new Held(roles, agencies);
  }

  /** An account's roles in one MARAC and the agencies it represents there. */
  public record Held(Set<MaracRole> roles, Set<Long> agencies) {
    public Held {
      roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
      agencies = Set.copyOf(agencies);
    }

    public boolean any() {
      return !roles.isEmpty();
    }

    public boolean has(MaracRole role) {
      return roles.contains(role);
    }
  }

  /** Everyone holding a role in the MARAC, by name. */
  @Transactional(readOnly = true)
  public List<MaracRoleHolder> holders(Marac marac) {
    return jdbc.sql(
            """
            select r.user_account_id, u.display_name, u.email, r.role, r.agency_id, a.name,
                r.granted_by, r.granted_at
            from marac_role r
            join user_account u on u.id = r.user_account_id
            left join agency a on a.id = r.agency_id
            where r.marac_id = :m
            order by lower(u.display_name), u.id, r.role
            """)
        .param("m", marac.id())
        .query(
            (rs, row) -> {
              long agency = rs.getLong("agency_id");
              boolean noAgency = rs.wasNull();
              return new MaracRoleHolder(
                  rs.getLong("user_account_id"),
                  rs.getString("display_name"),
                  rs.getString("email"),
                  MaracRole.valueOf(rs.getString("role")),
                  noAgency ? Optional.empty() : Optional.of(agency),
                  Optional.ofNullable(rs.getString("name")),
                  rs.getString("granted_by"),
                  rs.getObject("granted_at", OffsetDateTime.class).toInstant());
            })
        .list();
  }

  /** The MARACs of the partnership in which the account holds a role, by id. */
  @Transactional(readOnly = true)
  public Set<Long> maracsOf(Partnership partnership, long accountId) {
    return new TreeSet<>(
        jdbc.sql(
                """
                select distinct r.marac_id from marac_role r join marac m on m.id = r.marac_id
                where m.partnership_id = :p and r.user_account_id = :a
                """)
            .param("p", partnership.id())
            .param("a", accountId)
            .query(Long.class)
            .list());
  }

  @Override
  @Transactional(readOnly = true)
  public Set<String> heldBy(long accountId) {
    return new TreeSet<>(
        jdbc.sql(
                """
                select r.role, m.name from marac_role r join marac m on m.id = r.marac_id
                where r.user_account_id = :a
                  and exists (select 1 from membership s where s.user_account_id = r.user_account_id
                                  and s.partnership_id = m.partnership_id)
                """)
            .param("a", accountId)
            .query(
                (rs, row) ->
                    MaracRole.valueOf(rs.getString("role")).label() + " of " + rs.getString("name"))
            .list());
  }

  @Override
  @Transactional(readOnly = true)
  public boolean heldIn(long partnershipId, long accountId) {
    return jdbc.sql(
            """
            select exists (select 1 from marac_role r join marac m on m.id = r.marac_id
                           where r.user_account_id = :a and m.partnership_id = :p)
            """)
        .param("a", accountId)
        .param("p", partnershipId)
        .query(Boolean.class)
        .single();
  }

  private static void checkSame(Partnership partnership, Marac marac) {
    if (marac.partnershipId() != partnership.id()) {
      throw new NotFoundException("No such MARAC");
    }
  }

  private String memberEmail(Partnership partnership, long accountId) {
    return jdbc.sql(
            """
            select u.email from user_account u
            where u.id = :a and exists (select 1 from membership m
                where m.user_account_id = u.id and m.partnership_id = :p)
            """)
        .param("a", accountId)
        .param("p", partnership.id())
        .query(String.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("No such user in this partnership"));
  }

  private String memberEmailOrId(long accountId) {
    return jdbc.sql("select email from user_account where id = :a")
        .param("a", accountId)
        .query(String.class)
        .optional()
        .orElse("account " + accountId);
  }

  private String agencyName(Partnership partnership, long agencyId) {
    return jdbc.sql("select name from agency where id = :a and partnership_id = :p")
        .param("a", agencyId)
        .param("p", partnership.id())
        .query(String.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("No such agency in this partnership"));
  }
}
