package org.ccrhub.sharing;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The lawful bases a partnership can cite: those CCR Hub ships and its own. */
@Service
public class LawfulBases {

  private final JdbcClient jdbc;

  LawfulBases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every basis the partnership can cite, in the order the law gives them, then its own. */
  public List<LawfulBasis> of(Partnership partnership) {
    return jdbc.sql(
            """
            select id, partnership_id, kind, code, aliases, title, note, in_use_from, in_use_until
            from lawful_basis
            where partnership_id is null or partnership_id = :p
            order by partnership_id nulls first, sort, lower(code)
            """)
        .param("p", partnership.id())
        .query(
            (rs, n) ->
                new LawfulBasis(
                    rs.getLong("id"),
                    rs.getObject("partnership_id", Long.class),
                    LawfulBasis.Kind.valueOf(rs.getString("kind")),
                    rs.getString("code"),
                    strings(rs.getArray("aliases")),
                    rs.getString("title"),
                    rs.getString("note"),
                    rs.getObject("in_use_from", java.time.LocalDate.class),
                    rs.getObject("in_use_until", java.time.LocalDate.class)))
        .list();
  }

  /** Finds the partnership's bases by how people write them. */
  public Matcher matcher(Partnership partnership) {
    return new Matcher(of(partnership));
  }

  /**
   * Finds bases by their code or an alias, capitals, spaces, full stops and the words "Article" and
   * "Art" aside: {@code Art. 6(1)(e) UK GDPR} is not found, but {@code UK GDPR Article 6(1)(e)} and
   * {@code uk gdpr 6 (1) (e)} are {@code UK GDPR 6(1)(e)}.
   */
  public static final class Matcher {
    private final Map<String, LawfulBasis> byKey = new HashMap<>();

    public Matcher(List<LawfulBasis> bases) {
      // later wins: a code over an alias, a partnership's own over what CCR Hub ships
      for (boolean own : new boolean[] {false, true}) {
        for (LawfulBasis basis : bases) {
          if ((basis.partnershipId() != null) == own) {
            basis.aliases().forEach(alias -> byKey.put(key(alias), basis));
          }
        }
        for (LawfulBasis basis : bases) {
          if ((basis.partnershipId() != null) == own) {
            byKey.put(key(basis.code()), basis);
          }
        }
      }
    }

    public Optional<LawfulBasis> match(String written) {
      return Optional.ofNullable(byKey.get(key(written)));
    }
  }

  /** How a basis is compared: lower case, without spaces, full stops, "article" or "art". */
  static String key(String written) {
    return written
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\barticle\\b|\\bart\\b", "")
        .replaceAll("[\\s.]+", "");
  }

  private static List<String> strings(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }
}
