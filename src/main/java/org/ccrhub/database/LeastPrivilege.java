package org.ccrhub.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.ccrhub.shared.AdvisoryLock;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * After every migration, as the schema owner: gives the application's role what it needs and no
 * more, and refuses to go on if that role could do more than that.
 *
 * <p>The application reads and writes every table but cannot change the schema; on the audit trail
 * it can only add and read records (ADR 9). A role that is a superuser, or that owns the tables,
 * could rewrite the audit trail and read the server's files, so CCR Hub does not start with one.
 */
@Component
class LeastPrivilege implements Callback {

  static final String AUDIT_TABLE = "audit_event";

  /** Issued board packs are kept as issued: the application may add them, never change them. */
  static final String ISSUED_BOARD_PACK_TABLE = "issued_board_pack";

  private final DataSource application;

  LeastPrivilege(DataSource application) {
    this.application = application;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    try (Statement owner = context.getConnection().createStatement()) {
      // two nodes starting together would otherwise grant at once, and PostgreSQL can refuse one
      owner.execute("select pg_advisory_xact_lock(" + AdvisoryLock.GRANTS.namespace() + ", 0)");
      String schema = single(owner, "select quote_ident(current_schema())");
      String role = checkedApplicationRole(single(owner, "select current_schema()"));
      String quoted = single(owner, "select quote_ident('" + role.replace("'", "''") + "')");
      owner.execute("grant usage on schema " + schema + " to " + quoted);
      // each table the owner owns: a table someone else put in the schema is left alone (a
      // blanket "on all tables" would fail on it)
      for (String[] object : ownedObjects(owner)) {
        owner.execute(
            object[1].equals("S")
                ? "grant usage, select on sequence " + schema + "." + object[0] + " to " + quoted
                : "grant select, insert, update, delete on "
                    + schema
                    + "."
                    + object[0]
                    + " to "
                    + quoted);
      }
      for (String appendOnly : List.of(AUDIT_TABLE, ISSUED_BOARD_PACK_TABLE)) {
        owner.execute(
            "revoke update, delete, truncate on " + schema + "." + appendOnly + " from " + quoted);
      }
      owner.execute(
          "revoke all on "
              + schema
              + "."
              + context.getConfiguration().getTable()
              + " from "
              + quoted);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not grant the application role its privileges", e);
    }
  }

  /** The role the application connects as, refused if it is a superuser or owns a table. */
  private String checkedApplicationRole(String schema) throws SQLException {
    try (Connection connection = application.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                """
                select r.rolname, r.rolsuper,
                    exists (select 1 from pg_tables t
                            where t.schemaname = '%s' and t.tableowner = r.rolname)
                from pg_roles r where r.rolname = current_user
                """
                    .formatted(schema.replace("'", "''")))) {
      rs.next();
      String role = rs.getString(1);
      if (rs.getBoolean(2)) {
        throw new UnsafeDatabaseRoleException(
            "CCR Hub connects to the database as "
                + role
                + ", a superuser. Give it a role of its own without superuser rights, and run"
                + " migrations as the schema owner (README: The database).");
      }
      if (rs.getBoolean(3)) {
        throw new UnsafeDatabaseRoleException(
            "CCR Hub connects to the database as "
                + role
                + ", which owns its tables and so could rewrite the audit trail. Connect as a role"
                + " of its own (spring.datasource.username) and run migrations as the owner"
                + " (spring.flyway.user) (README: The database).");
      }
      return role;
    }
  }

  /** The quoted names and kinds of the tables, views and sequences the migrating role owns. */
  private static java.util.List<String[]> ownedObjects(Statement owner) throws SQLException {
    java.util.List<String[]> objects = new java.util.ArrayList<>();
    try (ResultSet rs =
        owner.executeQuery(
            """
            select quote_ident(c.relname), c.relkind::text from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = current_schema()
              and c.relowner = (select oid from pg_roles where rolname = current_user)
              and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
            """)) {
      while (rs.next()) {
        objects.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    return objects;
  }

  private static String single(Statement statement, String query) throws SQLException {
    try (ResultSet rs = statement.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Override
  public String getCallbackName() {
    return "least privilege for the application role";
  }
}
