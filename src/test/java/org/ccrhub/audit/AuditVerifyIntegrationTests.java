package org.ccrhub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.DatabaseAdministrator;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone with database access (the schema owner: the application's own role may not) edits or
 * deletes an audit record directly: {@code audit verify} reports the first broken link. Each test
 * puts the table back as it was, since the other tests share this database.
 */
@CcrHubTest
class AuditVerifyIntegrationTests {

  @Autowired AuditTrail audit;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired AdminCommands commands;
  @Autowired DatabaseAdministrator administrator;

  @Test
  void theTrailOfRealChangesVerifies() {
    Partnership partnership = fixtures.partnership();
    fixtures.user(partnership, Role.ANALYST);

    AuditChain.Verification result = audit.verify();

    assertThat(result.intact()).isTrue();
    assertThat(result.checked()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void anEditMadeDirectlyInTheDatabaseIsReportedByTheCommand() {
    Partnership partnership = fixtures.partnership();
    fixtures.user(partnership, Role.ANALYST);
    long edited = idOfRecord(partnership, "CREATE");
    String original = summaryOf(edited);
    try {
      administrator
          .owner()
          .sql("update audit_event set summary = 'nothing to see here' where id = :id")
          .param("id", edited)
          .update();

      AdminCommands.Result result = commands.run("audit", "verify");

      assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
      assertThat(result.err())
          .as(result.out())
          .contains("Audit trail broken at record " + edited + ": its content was changed");
    } finally {
      administrator
          .owner()
          .sql("update audit_event set summary = :s where id = :id")
          .param("s", original)
          .param("id", edited)
          .update();
    }
    AdminCommands.Result repaired = commands.run("audit", "verify");
    assertThat(repaired.exitCode()).isZero();
    assertThat(repaired.out()).startsWith("Audit trail intact:");
  }

  @Test
  void aRecordDeletedDirectlyInTheDatabaseIsReported() {
    Partnership partnership = fixtures.partnership();
    fixtures.user(partnership, Role.ANALYST);
    long deleted = idOfRecord(partnership, "CREATE");
    Map<String, Object> row =
        jdbc.sql("select * from audit_event where id = :id")
            .param("id", deleted)
            .query()
            .singleRow();
    long next =
        jdbc.sql("select min(id) from audit_event where id > :id")
            .param("id", deleted)
            .query(Long.class)
            .single();
    try {
      administrator
          .owner()
          .sql("delete from audit_event where id = :id")
          .param("id", deleted)
          .update();

      AuditChain.Verification result = audit.verify();

      assertThat(result.firstBreak().orElseThrow().recordId()).isEqualTo(next);
    } finally {
      administrator
          .owner()
          .sql(
              """
              insert into audit_event (id, occurred_at, actor, actor_user_id, partnership_id, action,
                  object_type, object_id, outcome, source_address, summary, previous_hash, hash)
              overriding system value
              values (:id, :occurred_at, :actor, :actor_user_id, :partnership_id, :action,
                  :object_type, :object_id, :outcome, :source_address, :summary, :previous_hash, :hash)
              """)
          .params(row)
          .update();
    }
    assertThat(audit.verify().intact()).isTrue();
  }

  private long idOfRecord(Partnership partnership, String action) {
    return jdbc.sql("select min(id) from audit_event where partnership_id = :p and action = :a")
        .param("p", partnership.id())
        .param("a", action)
        .query(Long.class)
        .single();
  }

  private String summaryOf(long id) {
    return jdbc.sql("select summary from audit_event where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }
}
