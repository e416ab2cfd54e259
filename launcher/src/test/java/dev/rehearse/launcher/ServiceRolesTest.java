package dev.rehearse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearse.launcher.SuiteParts.Part;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database side of least privilege, on a real PostgreSQL started as ./rehearse up starts it:
 * the roles made by the launcher's own code for the services of suite.parts, each service's real
 * migrations run by Flyway as its role, then what each role may and may not do.
 */
class ServiceRolesTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final List<Part> SERVICES =
      SuiteParts.read(ROOT.resolve("suite.parts")).stream()
          .filter(p -> p.isService() && p.schema().isPresent())
          .toList();
  private static final String ADMIN_PASSWORD = UUID.randomUUID().toString();

  @TempDir static Path dir;
  private static EmbeddedPostgresServer server;

  @BeforeAll
  static void startAndMigrateEveryService() throws SQLException {
    server = EmbeddedPostgresServer.startWithPasswords(dir.resolve("pg"), 0, ADMIN_PASSWORD);
    try (Connection admin = server.adminConnection()) {
      ServiceRoles.ensureAll(admin, SERVICES, ServiceRolesTest::password);
    }
    for (Part service : SERVICES) {
      migrate(service);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void eachServiceOwnsEveryTableOfItsSchemaAfterMigratingAsItsRole() throws SQLException {
    assertThat(SERVICES).hasSizeGreaterThanOrEqualTo(4);
    for (Part service : SERVICES) {
      List<String> owners =
          strings(
              "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = ?",
              service.schema().get());
      assertThat(owners).as(service.name()).containsExactly(role(service));
      String schema = service.schema().get();
      try (Connection c = as(service).getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE " + schema + ".scratch (id int PRIMARY KEY)");
        s.execute("INSERT INTO " + schema + ".scratch VALUES (1)");
        s.execute("DROP TABLE " + schema + ".scratch");
        s.executeQuery("SELECT count(*) FROM " + schema + "." + firstTable(service)).close();
      }
    }
  }

  @Test
  void aServiceRoleIsRefusedReadingOrWritingAnotherServicesSchema() throws SQLException {
    int refusals = 0;
    for (Part service : SERVICES) {
      for (Part other : SERVICES) {
        if (other == service) {
          continue;
        }
        String table = other.schema().get() + "." + firstTable(other);
        DataSource ds = as(service);
        assertRefused(ds, "SELECT * FROM " + table);
        assertRefused(ds, "INSERT INTO " + table + " DEFAULT VALUES");
        assertRefused(ds, "DELETE FROM " + table);
        assertRefused(ds, "CREATE TABLE " + other.schema().get() + ".intruder (id int)");
        refusals += 4;
      }
    }
    assertThat(refusals).isEqualTo(SERVICES.size() * (SERVICES.size() - 1) * 4);
  }

  @Test
  void aServiceRoleCannotCreateSchemasOrRolesOrUseThePublicSchema() throws SQLException {
    for (Part service : SERVICES) {
      DataSource ds = as(service);
      assertRefused(ds, "CREATE SCHEMA intruder");
      assertRefused(ds, "CREATE ROLE intruder LOGIN");
      assertRefused(ds, "CREATE TABLE public.intruder (id int)");
      assertThat(
              strings(
                  "SELECT concat_ws(',', rolsuper, rolcreatedb, rolcreaterole, rolreplication,"
                      + " rolbypassrls) FROM pg_roles WHERE rolname = ?",
                  role(service)))
          .as(service.name())
          .containsExactly("f,f,f,f,f");
    }
  }

  @Test
  void everyConnectionNeedsTheRightPassword() {
    Part service = SERVICES.get(0);
    Part other = SERVICES.get(1);
    assertRefusedLogin(server.dataSource(EmbeddedPostgresServer.USER, ""));
    assertRefusedLogin(server.dataSource(EmbeddedPostgresServer.USER, "wrong"));
    assertRefusedLogin(server.dataSource(role(service), password(other)));
  }

  @Test
  void aDataDirectoryOfAnEarlierVersionIsTakenOverAndKeepsItsData() throws SQLException {
    Path data = dir.resolve("earlier");
    Part service = SERVICES.get(0);
    String schema = service.schema().get();
    // as earlier versions left it: trusted connections, everything owned by the superuser
    try (EmbeddedPostgresServer earlier = EmbeddedPostgresServer.start(data, 0);
        Connection c = earlier.adminConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute(
          "CREATE TABLE " + schema + ".kept (id bigint GENERATED ALWAYS AS IDENTITY, note text)");
      s.execute("CREATE SEQUENCE " + schema + ".free_standing");
      s.execute("CREATE VIEW " + schema + ".kept_notes AS SELECT note FROM " + schema + ".kept");
      s.execute("INSERT INTO " + schema + ".kept (note) VALUES ('from before')");
    }

    for (int start = 1; start <= 2; start++) { // the second start finds everything in place
      try (EmbeddedPostgresServer now =
          EmbeddedPostgresServer.startWithPasswords(data, 0, ADMIN_PASSWORD)) {
        try (Connection admin = now.adminConnection()) {
          ServiceRoles.ensureAll(admin, List.of(service), ServiceRolesTest::password);
        }
        assertRefusedLogin(now.dataSource(EmbeddedPostgresServer.USER, ""));
        try (Connection c = now.dataSource(role(service), password(service)).getConnection();
            Statement s = c.createStatement()) {
          s.execute("INSERT INTO " + schema + ".kept (note) VALUES ('start " + start + "')");
          s.executeQuery("SELECT nextval('" + schema + ".free_standing')").close();
          try (ResultSet rows = s.executeQuery("SELECT count(*) FROM " + schema + ".kept_notes")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1 + start);
          }
        }
      }
    }
  }

  @Test
  void aSuperuserPasswordOtherThanTheDataDirectorysStopsTheStartSayingWhy() {
    Path data = dir.resolve("other-password");
    EmbeddedPostgresServer.startWithPasswords(data, 0, ADMIN_PASSWORD).close();
    assertThatThrownBy(() -> EmbeddedPostgresServer.startWithPasswords(data, 0, "another"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused the superuser password")
        .hasMessageContaining("REHEARSE_DB_ADMIN_PASSWORD");
    // the refused server was stopped, not left running
    assertThat(data.resolve("postmaster.pid")).doesNotExist();
  }

  private static void migrate(Part service) {
    String schema = service.schema().get();
    Flyway.configure()
        .dataSource(as(service))
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations(
            "filesystem:" + ROOT.resolve("platform/src/main/resources/db/platform"),
            "filesystem:" + ROOT.resolve(service.name() + "/src/main/resources/db/migration"))
        .load()
        .migrate();
  }

  private static String password(Part service) {
    return "pw-" + service.name() + "-" + ADMIN_PASSWORD;
  }

  private static String role(Part service) {
    return ServiceRoles.roleOf(service.name());
  }

  private static DataSource as(Part service) {
    return server.dataSource(role(service), password(service));
  }

  private static String firstTable(Part service) throws SQLException {
    return strings(
            "SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename",
            service.schema().get())
        .get(0);
  }

  private static List<String> strings(String sql, String parameter) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection admin = server.adminConnection();
        PreparedStatement query = admin.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }

  /** Permission denied (42501), not any other error. */
  private static void assertRefused(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute(sql))
          .as(sql)
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).as(sql).isEqualTo("42501"));
    }
  }

  private static void assertRefusedLogin(DataSource ds) {
    assertThatThrownBy(() -> ds.getConnection().close()).isInstanceOf(SQLException.class);
  }
}
