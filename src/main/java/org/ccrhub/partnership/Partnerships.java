package org.ccrhub.partnership;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagScheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The partnerships of this installation. */
@Service
public class Partnerships {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  Partnerships(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  public Partnership create(String slug, String name) {
    return create(slug, name, RagScheme.FOUR);
  }

  /** Creates a partnership that rates its plans and indicators with the given RAG scheme. */
  @Transactional
  public Partnership create(String slug, String name, RagScheme ragScheme) {
    Partnership.checkSlug(slug);
    String checkedName = Partnership.checkName(name);
    if (findBySlug(slug).isPresent()) {
      throw new InvalidInputException("A partnership with slug '" + slug + "' already exists");
    }
    long id =
        jdbc.sql(
                """
                insert into partnership (slug, name, rag_scheme) values (:slug, :name, :scheme)
                returning id
                """)
            .param("slug", slug)
            .param("name", checkedName)
            .param("scheme", ragScheme.name())
            .query(Long.class)
            .single();
    audit.record(
        AuditEntry.success("CREATE", "Partnership", id, id, "Created partnership " + slug));
    return new Partnership(id, slug, checkedName);
  }

  /**
   * Changes the RAG scheme. Callers check first that no rating in use would disappear (the plans
   * module does, in {@code RagSettings}).
   */
  @Transactional
  public void changeRagScheme(Partnership partnership, RagScheme scheme) {
    jdbc.sql("update partnership set rag_scheme = :s where id = :id")
        .param("s", scheme.name())
        .param("id", partnership.id())
        .update();
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "Partnership",
            partnership.id(),
            partnership.id(),
            "RAG scheme changed to "
                + scheme.name().toLowerCase(java.util.Locale.ROOT)
                + " levels"));
  }

  /** The partnership an operator names on the command line; invalid input if there is none. */
  @Transactional(readOnly = true)
  public Partnership named(String slug) {
    return findBySlug(slug)
        .orElseThrow(() -> new InvalidInputException("Partnership '" + slug + "' does not exist"));
  }

  @Transactional(readOnly = true)
  public Optional<Partnership> findBySlug(String slug) {
    return jdbc.sql("select id, slug, name from partnership where slug = :slug")
        .param("slug", slug)
        .query(Partnership.class)
        .optional();
  }

  @Transactional(readOnly = true)
  public List<Partnership> findAllById(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select id, slug, name from partnership where id in (:ids) order by name")
        .param("ids", ids)
        .query(Partnership.class)
        .list();
  }

  @Transactional(readOnly = true)
  public List<Partnership> findAll() {
    return jdbc.sql("select id, slug, name from partnership order by name")
        .query(Partnership.class)
        .list();
  }
}
