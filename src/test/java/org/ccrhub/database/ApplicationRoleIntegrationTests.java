package org.ccrhub.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ccrhub.CcrHubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The role the running application connects as, embedded or external, as an attacker who took over
 * the application would find it: no superuser, no server files, no programs, no schema changes, and
 * an audit trail it can add to but not rewrite.
 */
@CcrHubTest
class ApplicationRoleIntegrationTests {

  @Autowired JdbcClient jdbc;

  @Test
  void isNeitherASuperuserNorTheOwnerOfAnyTable() {
    assertThat(
            jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
                .query(Boolean.class)
                .single())
        .isFalse();
    assertThat(
            jdbc.sql(
                    "select count(*) from pg_tables where schemaname = 'public'"
                        + " and tableowner = current_user")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void cannotReadServerFilesOrRunPrograms() {
    assertThatThrownBy(() -> jdbc.sql("select pg_read_file('PG_VERSION')").query().singleRow())
        .rootCause()
        .hasMessageContaining("permission denied for function pg_read_file");
    assertThatThrownBy(() -> jdbc.sql("select pg_ls_dir('.')").query().listOfRows())
        .rootCause()
        .hasMessageContaining("permission denied for function pg_ls_dir");
    assertThatThrownBy(() -> jdbc.sql("copy (select 1) to program 'id'").update())
        .rootCause()
        .hasMessageContaining("to COPY to or from an external program");
    assertThatThrownBy(() -> jdbc.sql("copy partnership to '/tmp/partnerships.csv'").update())
        .rootCause()
        .hasMessageContaining("to COPY to a file");
  }

  @Test
  void cannotChangeTheSchema() {
    assertThatThrownBy(() -> jdbc.sql("create table intruder (a int)").update())
        .rootCause()
        .hasMessageContaining("permission denied for schema public");
    assertThatThrownBy(() -> jdbc.sql("alter table partnership add column x int").update())
        .rootCause()
        .hasMessageContaining("must be owner of table partnership");
    assertThatThrownBy(() -> jdbc.sql("drop table partnership").update())
        .rootCause()
        .hasMessageContaining("must be owner of table partnership");
  }

  @Test
  void canAddToTheAuditTrailButNotRewriteIt() {
    assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single())
        .isNotNegative();
    assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone else'").update())
        .rootCause()
        .hasMessageContaining("permission denied for table audit_event");
    assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
        .rootCause()
        .hasMessageContaining("permission denied for table audit_event");
    assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
        .rootCause()
        .hasMessageContaining("permission denied for table audit_event");
  }

  @Test
  void cannotReadTheMigrationHistory() {
    assertThatThrownBy(
            () -> jdbc.sql("select count(*) from flyway_schema_history").query().singleRow())
        .rootCause()
        .hasMessageContaining("permission denied for table flyway_schema_history");
  }
}
