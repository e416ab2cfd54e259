package dev.rehearse.launcher;

import dev.rehearse.launcher.SuiteParts.Part;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs PostgreSQL and Kafka for `./rehearse up` until the process is stopped. Usage: {@code
 * DevInfrastructure <data-dir> <postgres-port> <kafka-port> <suite.parts>}. Writes {@code
 * infra.ready} into the data directory once both accept connections.
 *
 * <p>PostgreSQL takes passwords only. They come from the environment, never the command line:
 * {@code REHEARSE_DB_ADMIN_PASSWORD} for the superuser, and {@code REHEARSE_DB_<VAR>_PASSWORD} for
 * the role of each service in suite.parts (VAR its variable column), which owns its schema.
 */
public final class DevInfrastructure {
  private static final Logger LOG = LoggerFactory.getLogger(DevInfrastructure.class);

  private DevInfrastructure() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args.length > 0 ? args[0] : ".rehearse").toAbsolutePath();
    int pgPort = args.length > 1 ? Integer.parseInt(args[1]) : 15432;
    int kafkaPort = args.length > 2 ? Integer.parseInt(args[2]) : 19092;
    List<Part> parts = SuiteParts.read(Path.of(args.length > 3 ? args[3] : "suite.parts"));
    Path ready = dataDir.resolve("infra.ready");
    Files.deleteIfExists(ready);

    EmbeddedPostgresServer postgres =
        EmbeddedPostgresServer.startWithPasswords(
            dataDir.resolve("postgres"), pgPort, password("REHEARSE_DB_ADMIN_PASSWORD"));
    try (Connection admin = postgres.adminConnection()) {
      ServiceRoles.ensureAll(
          admin, parts, part -> password("REHEARSE_DB_" + part.variable() + "_PASSWORD"));
    } catch (SQLException | RuntimeException e) {
      postgres.close();
      throw e;
    }
    LOG.info("PostgreSQL ready at {}", postgres.jdbcUrl());
    EmbeddedKafkaBroker kafka =
        new EmbeddedKafkaBroker(dataDir.resolve("kafka"), kafkaPort).start();
    LOG.info("Kafka ready at {}", kafka.bootstrapServers());

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping Kafka and PostgreSQL");
                  kafka.close();
                  postgres.close();
                  stopped.countDown();
                }));
    Files.writeString(ready, postgres.jdbcUrl() + "\n" + kafka.bootstrapServers() + "\n");
    stopped.await();
  }

  private static String password(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          variable + " is not set: PostgreSQL takes passwords only (./rehearse up sets them)");
    }
    return value;
  }
}
