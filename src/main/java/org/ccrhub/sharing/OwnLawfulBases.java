package org.ccrhub.sharing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.AdvisoryLock;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.LawfulBasisDetails.Needs;
import org.ccrhub.sharing.ProtocolRegisterChanges.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lawful bases a partnership adds to those CCR Hub ships (a local power, the DPA 1998
 * conditions to import old logs), kept by its administrators and data protection lead ({@link
 * Protocols#keptBy}). Shipped bases change only by migration. No code or other name may be one
 * another basis of the partnership is found by ({@link LawfulBases#key}), so a log names one basis
 * only. A basis that a request, decision or protocol cites keeps its kind and code and is never
 * deleted: it is retired (no longer offered from today) instead. Every change is audited as {@value
 * #LAWFUL_BASIS}.
 */
@Service
public class OwnLawfulBases {

  /** The audit trail's name for a lawful basis. */
  public static final String LAWFUL_BASIS = "LawfulBasis";

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  OwnLawfulBases(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** A basis as its page lists it; the uses are counted for the partnership's own only. */
  public record Entry(
      LawfulBasis basis,
      Optional<Needs> needs,
      Optional<Integer> schedulePart,
      int version,
      Uses uses) {

    public boolean own() {
      return basis.partnershipId() != null;
    }

    /** Whether it was retired or has ended: its last day in use is past. */
    public boolean endedBy(LocalDate today) {
      return basis.inUseUntil() != null && basis.inUseUntil().isBefore(today);
    }
  }

  /** How many of the partnership's requests, decisions (log entries) and protocols cite it. */
  public record Uses(long requests, long decisions, long protocols) {

    public boolean any() {
      return requests + decisions + protocols > 0;
    }

    /** "2 requests and 1 protocol", or "nothing". */
    public String described() {
      List<String> named = new ArrayList<>();
      if (requests > 0) {
        named.add(count(requests, "request", "requests"));
      }
      if (decisions > 0) {
        named.add(count(decisions, "decision", "decisions"));
      }
      if (protocols > 0) {
        named.add(count(protocols, "protocol", "protocols"));
      }
      return named.isEmpty() ? "nothing" : listed(named);
    }

    /** "1 request cites it", "2 requests and 1 protocol cite it". */
    public String citing() {
      return described() + (requests + decisions + protocols == 1 ? " cites it" : " cite it");
    }
  }

  /** Every basis the partnership can cite, shipped first in the law's order, then its own. */
  @Transactional(readOnly = true)
  public List<Entry> entries(Partnership partnership) {
    return jdbc.sql(
            """
            select b.*, %s
            from lawful_basis b
            where b.partnership_id is null or b.partnership_id = :p
            order by b.partnership_id nulls first, b.sort, lower(b.code)
            """
                .formatted(USES))
        .param("p", partnership.id())
        .query((rs, n) -> entry(rs))
        .list();
  }

  /**
   * One of the partnership's own bases.
   *
   * @throws NotFoundException for a shipped basis, another partnership's or none
   */
  @Transactional(readOnly = true)
  public Entry own(Partnership partnership, long id) {
    return jdbc.sql(
            "select b.*, %s from lawful_basis b where b.partnership_id = :p and b.id = :id"
                .formatted(USES))
        .param("p", partnership.id())
        .param("id", id)
        .query((rs, n) -> entry(rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("Lawful basis"));
  }

  /** Adds a basis of the partnership's own. */
  @Transactional
  public long add(Partnership partnership, LawfulBasisDetails details) {
    lock(partnership);
    ProtocolRegisterChanges.refuse(clashes(partnership, details, null));
    long id;
    try {
      id =
          jdbc.sql(
                  """
                  insert into lawful_basis (partnership_id, kind, code, aliases, title,
                      schedule_part, needs, note, in_use_from, in_use_until)
                  values (:p, :kind, :code, :aliases, :title, :part, :needs, :note, :from,
                      :until)
                  returning id
                  """)
              .param("p", partnership.id())
              .params(columns(details))
              .query(Long.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw new ProtocolRegisterRejectedException(
          "code", "There is already a lawful basis " + details.code() + ": choose another code");
    }
    audit.record(
        AuditEntry.success(
            "CREATE",
            LAWFUL_BASIS,
            id,
            partnership.id(),
            "Added the lawful basis " + details.code() + " (" + details.kind().label() + ")"));
    return id;
  }

  /**
   * Changes a basis of the partnership's own. One that something cites keeps its kind and code.
   *
   * @param expectedVersion the version the form was opened on
   * @throws ConcurrentChangeException when someone saved it since
   */
  @Transactional
  public void change(
      Partnership partnership, long id, LawfulBasisDetails details, int expectedVersion) {
    lock(partnership);
    Entry before = own(partnership, id);
    if (before.version() != expectedVersion) {
      throw new ConcurrentChangeException("Lawful basis " + id);
    }
    List<Problem> problems = new ArrayList<>();
    if (before.uses().any()) {
      String why =
          " stay as they are: " + before.uses().citing() + ". Retire it and add another instead";
      if (!before.basis().code().equals(details.code())) {
        problems.add(new Problem("code", "Its code and kind" + why));
      } else if (before.basis().kind() != details.kind()) {
        problems.add(new Problem("kind", "Its kind and code" + why));
      }
    }
    problems.addAll(clashes(partnership, details, id));
    ProtocolRegisterChanges.refuse(problems);
    try {
      jdbc.sql(
              """
              update lawful_basis set kind = :kind, code = :code, aliases = :aliases,
                  title = :title, schedule_part = :part, needs = :needs, note = :note,
                  in_use_from = :from, in_use_until = :until, version = version + 1
              where partnership_id = :p and id = :id
              """)
          .param("p", partnership.id())
          .param("id", id)
          .params(columns(details))
          .update();
    } catch (DuplicateKeyException e) {
      throw new ProtocolRegisterRejectedException(
          "code", "There is already a lawful basis " + details.code() + ": choose another code");
    }
    LawfulBasis old = before.basis();
    List<String> changed = new ArrayList<>();
    compare(changed, "kind", old.kind(), details.kind());
    compare(changed, "code (was " + old.code() + ")", old.code(), details.code());
    compare(changed, "other names", old.aliases(), details.aliases());
    compare(changed, "title", old.title(), details.title());
    compare(changed, "what it needs", before.needs(), details.needs());
    compare(changed, "part of Schedule 1", before.schedulePart(), details.schedulePart());
    compare(changed, "note", old.note(), details.note());
    compare(changed, "first day in use", Optional.ofNullable(old.inUseFrom()), details.inUseFrom());
    compare(
        changed, "last day in use", Optional.ofNullable(old.inUseUntil()), details.inUseUntil());
    audit.record(
        AuditEntry.success(
            "UPDATE",
            LAWFUL_BASIS,
            id,
            partnership.id(),
            "Changed the lawful basis "
                + details.code()
                + (changed.isEmpty() ? ": nothing changed" : ": " + String.join(", ", changed))));
  }

  /** Retires a basis of the partnership's own: yesterday was its last day in use. */
  @Transactional
  public void retire(Partnership partnership, long id, LocalDate today) {
    lock(partnership);
    Entry entry = own(partnership, id);
    LawfulBasis basis = entry.basis();
    LocalDate lastDay = today.minusDays(1);
    if (entry.endedBy(today)) {
      throw new ProtocolRegisterRejectedException(
          "",
          basis.code()
              + " is retired already: its last day in use was "
              + Dates.date(basis.inUseUntil()));
    }
    if (basis.inUseFrom() != null && basis.inUseFrom().isAfter(lastDay)) {
      throw new ProtocolRegisterRejectedException(
          "",
          basis.code()
              + " is not in use until "
              + Dates.date(basis.inUseFrom())
              + ", so it cannot be retired: change its days in use, or delete it");
    }
    setLastDay(partnership, id, lastDay);
    audit.record(
        AuditEntry.success(
            "RETIRE",
            LAWFUL_BASIS,
            id,
            partnership.id(),
            "Retired the lawful basis "
                + basis.code()
                + ": its last day in use was "
                + Dates.date(lastDay)));
  }

  /** Offers a retired basis of the partnership's own again: it has no last day in use. */
  @Transactional
  public void restore(Partnership partnership, long id, LocalDate today) {
    lock(partnership);
    Entry entry = own(partnership, id);
    if (!entry.endedBy(today)) {
      throw new ProtocolRegisterRejectedException("", entry.basis().code() + " is in use already");
    }
    setLastDay(partnership, id, null);
    audit.record(
        AuditEntry.success(
            "RESTORE",
            LAWFUL_BASIS,
            id,
            partnership.id(),
            "Restored the lawful basis "
                + entry.basis().code()
                + " (its last day in use was "
                + Dates.date(entry.basis().inUseUntil())
                + ")"));
  }

  /** Deletes a basis of the partnership's own that nothing cites. */
  @Transactional
  public void delete(Partnership partnership, long id) {
    lock(partnership);
    Entry entry = own(partnership, id);
    if (entry.uses().any()) {
      throw new ProtocolRegisterRejectedException(
          "",
          entry.basis().code()
              + " cannot be deleted: "
              + entry.uses().citing()
              + ". Retire it instead, and it will no longer be offered");
    }
    jdbc.sql("delete from lawful_basis where partnership_id = :p and id = :id")
        .param("p", partnership.id())
        .param("id", id)
        .update();
    audit.record(
        AuditEntry.success(
            "DELETE",
            LAWFUL_BASIS,
            id,
            partnership.id(),
            "Deleted the lawful basis " + entry.basis().code()));
  }

  /** The counts of an own basis's uses, as columns of {@code b}. */
  private static final String USES =
      """
      case when b.partnership_id is null then 0 else
        (select count(*) from sharing_request_basis rb join sharing_request r on r.id = rb.request_id
         where rb.basis_id = b.id and r.partnership_id = :p) end as used_by_requests,
      case when b.partnership_id is null then 0 else
        (select count(*) from sharing_decision_basis db
         join sharing_decision d on d.id = db.decision_id
         where db.basis_id = b.id and d.partnership_id = :p) end as used_by_decisions,
      case when b.partnership_id is null then 0 else
        (select count(*) from sharing_protocol_basis pb
         join sharing_protocol s on s.id = pb.protocol_id
         where pb.basis_id = b.id and s.partnership_id = :p) end as used_by_protocols
      """;

  private static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(
        new LawfulBasis(
            rs.getLong("id"),
            rs.getObject("partnership_id", Long.class),
            LawfulBasis.Kind.valueOf(rs.getString("kind")),
            rs.getString("code"),
            strings(rs.getArray("aliases")),
            rs.getString("title"),
            rs.getString("note"),
            rs.getObject("in_use_from", LocalDate.class),
            rs.getObject("in_use_until", LocalDate.class)),
        Optional.ofNullable(rs.getString("needs")).map(Needs::valueOf),
        Optional.ofNullable(rs.getObject("schedule_part", Integer.class)),
        rs.getInt("version"),
        new Uses(
            rs.getLong("used_by_requests"),
            rs.getLong("used_by_decisions"),
            rs.getLong("used_by_protocols")));
  }

  /**
   * The code or other names that another basis of the partnership (shipped or its own, but not
   * {@code self}) is found by already.
   */
  private List<Problem> clashes(Partnership partnership, LawfulBasisDetails details, Long self) {
    record Taken(boolean shipped, String code) {}
    Map<String, Taken> taken = new HashMap<>();
    Map<String, Taken> byCode = new HashMap<>();
    jdbc.sql(
            """
            select id, partnership_id is null as shipped, code, aliases from lawful_basis
            where (partnership_id is null or partnership_id = :p) and id <> :self
            """)
        .param("p", partnership.id())
        .param("self", self == null ? -1L : self)
        .query(
            rs -> {
              Taken owner = new Taken(rs.getBoolean("shipped"), rs.getString("code"));
              for (String alias : strings(rs.getArray("aliases"))) {
                taken.putIfAbsent(LawfulBases.key(alias), owner);
              }
              byCode.put(LawfulBases.key(owner.code()), owner);
            });
    taken.putAll(byCode);
    List<Problem> problems = new ArrayList<>();
    Taken code = taken.get(LawfulBases.key(details.code()));
    if (code != null) {
      problems.add(
          new Problem(
              "code", clash(details.code(), code.code(), code.shipped()) + "choose another code"));
    }
    for (String alias : details.aliases()) {
      Taken other = taken.get(LawfulBases.key(alias));
      if (other != null) {
        problems.add(
            new Problem("aliases", clash(alias, other.code(), other.shipped()) + "remove it"));
        break;
      }
    }
    return problems;
  }

  private static String clash(String written, String code, boolean shipped) {
    String owner = shipped ? ", which CCR Hub ships: " : ", one of your partnership's own: ";
    return LawfulBases.key(written).equals(LawfulBases.key(code))
        ? written + " is already the lawful basis " + code + owner
        : written + " is already another name of " + code + owner;
  }

  private void setLastDay(Partnership partnership, long id, LocalDate lastDay) {
    jdbc.sql(
            """
            update lawful_basis set in_use_until = :until, version = version + 1
            where partnership_id = :p and id = :id
            """)
        .param("p", partnership.id())
        .param("id", id)
        .param("until", lastDay)
        .update();
  }

  private void lock(Partnership partnership) {
    AdvisoryLock.PARTNERSHIP_LISTS.lock(jdbc, partnership.id());
  }

  private static Map<String, Object> columns(LawfulBasisDetails details) {
    Map<String, Object> columns = new HashMap<>();
    columns.put("kind", details.kind().name());
    columns.put("code", details.code());
    columns.put("aliases", details.aliases().toArray(String[]::new));
    columns.put("title", details.title());
    columns.put("part", details.schedulePart().orElse(null));
    columns.put("needs", details.needs().map(Enum::name).orElse(null));
    columns.put("note", details.note());
    columns.put("from", details.inUseFrom().orElse(null));
    columns.put("until", details.inUseUntil().orElse(null));
    return columns;
  }

  /** "1 request", "2 requests". */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** "a", "a and b", "a, b and c". */
  static String listed(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  private static void compare(List<String> changed, String what, Object before, Object after) {
    if (!before.equals(after)) {
      changed.add(what);
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }
}
