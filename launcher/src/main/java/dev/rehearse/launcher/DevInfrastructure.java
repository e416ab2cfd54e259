package dev.rehearse.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs PostgreSQL and Kafka for `./rehearse up` until the process is stopped. Usage: {@code
 * DevInfrastructure <data-dir> <postgres-port> <kafka-port>}. Writes {@code infra.ready} into the
 * data directory once both accept connections. Kafka runs in secure mode (SASL/SCRAM users and
 * ACLs, see {@link KafkaSecurity#fromEnvironment}) when the environment names the access table.
 */
public final class DevInfrastructure {
  private static final Logger LOG = LoggerFactory.getLogger(DevInfrastructure.class);

  private DevInfrastructure() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args.length > 0 ? args[0] : ".rehearse").toAbsolutePath();
    int pgPort = args.length > 1 ? Integer.parseInt(args[1]) : 15432;
    int kafkaPort = args.length > 2 ? Integer.parseInt(args[2]) : 19092;
    Path ready = dataDir.resolve("infra.ready");
    Files.deleteIfExists(ready);

    EmbeddedPostgresServer postgres =
        EmbeddedPostgresServer.start(dataDir.resolve("postgres"), pgPort);
    LOG.info("PostgreSQL ready at {}", postgres.jdbcUrl());
    EmbeddedKafkaBroker kafka = startKafka(dataDir, kafkaPort);

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

  private static EmbeddedKafkaBroker startKafka(Path dataDir, int port) {
    KafkaSecurity security = KafkaSecurity.fromEnvironment(System.getenv()).orElse(null);
    EmbeddedKafkaBroker kafka =
        new EmbeddedKafkaBroker(dataDir.resolve("kafka"), port, security).start();
    LOG.info(
        "Kafka ready at {} ({})",
        kafka.bootstrapServers(),
        security == null ? "PLAINTEXT, no authorisation" : "SASL/SCRAM with ACLs");
    return kafka;
  }
}
