package dev.rehearse.launcher;

import dev.rehearse.launcher.SuiteParts.Part;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One login role per service, owning its own schema and nothing else: no superuser, no CREATEDB or
 * CREATEROLE, no rights on the other schemas or on {@code public}. Run as the superuser at every
 * start; every step is idempotent, and a schema made by an earlier version (owned by the superuser)
 * is handed over to its role with everything in it. docker compose does the same in
 * docker/postgres-init/10-service-roles.sh.
 */
public final class ServiceRoles {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceRoles.class);

  private ServiceRoles() {}

  /** The role of a part: its name as an SQL identifier (question-service -> question_service). */
  public static String roleOf(String part) {
    return part.replace('-', '_');
  }

  /**
   * The role of every service in {@code parts} that has a schema, with the password {@code
   * password} gives it; and nobody but the superuser may use the shared {@code public} schema.
   */
  public static void ensureAll(Connection admin, List<Part> parts, Function<Part, String> password)
      throws SQLException {
    execute(admin, "REVOKE ALL ON SCHEMA public FROM PUBLIC");
    for (Part part : parts) {
      if (part.isService() && part.schema().isPresent()) {
        ensure(admin, roleOf(part.name()), password.apply(part), part.schema().get());
        LOG.info("PostgreSQL role {} owns schema {}", roleOf(part.name()), part.schema().get());
      }
    }
  }

  /** Creates or updates the role (attributes, password) and gives it its schema. */
  private static void ensure(Connection admin, String role, String password, String schema)
      throws SQLException {
    String r = identifier(role);
    String s = identifier(schema);
    if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
      execute(admin, "CREATE ROLE " + r);
    }
    execute(
        admin,
        "ALTER ROLE " + r + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
    // hashed here: the password itself never reaches the server or its logs
    admin
        .unwrap(PGConnection.class)
        .alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    execute(admin, "CREATE SCHEMA IF NOT EXISTS " + s + " AUTHORIZATION " + r);
    execute(admin, "ALTER SCHEMA " + s + " OWNER TO " + r);
    for (String statement : ownershipTransfers(admin, role, schema)) {
      execute(admin, statement);
    }
  }

  /**
   * ALTER ... OWNER TO for every table, view and sequence of the schema the role does not own yet.
   * Sequences last: a table's change takes the sequences of its columns along, and those may not
   * change on their own.
   */
  private static List<String> ownershipTransfers(Connection admin, String role, String schema)
      throws SQLException {
    String sql =
        """
        SELECT format('ALTER %s %I.%I OWNER TO %I',
                      CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END,
                      n.nspname, c.relname, r.rolname)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_roles r ON r.rolname = ?
        WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'S') AND c.relowner <> r.oid
        ORDER BY c.relkind = 'S', c.relname
        """;
    List<String> statements = new ArrayList<>();
    try (PreparedStatement query = admin.prepareStatement(sql)) {
      query.setString(1, role);
      query.setString(2, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          statements.add(rows.getString(1));
        }
      }
    }
    return statements;
  }

  private static boolean exists(Connection admin, String sql, String value) throws SQLException {
    try (PreparedStatement query = admin.prepareStatement(sql)) {
      query.setString(1, value);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static void execute(Connection admin, String sql) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
