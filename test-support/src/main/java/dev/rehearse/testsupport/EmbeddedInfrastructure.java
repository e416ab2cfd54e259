package dev.rehearse.testsupport;

import dev.rehearse.launcher.EmbeddedKafkaBroker;
import dev.rehearse.launcher.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real PostgreSQL binaries and an in-process KRaft broker, for machines without Docker. */
final class EmbeddedInfrastructure implements Infrastructure {
  private final EmbeddedPostgresServer postgres;
  private final EmbeddedKafkaBroker kafka;

  EmbeddedInfrastructure() {
    try {
      Path dir = Files.createTempDirectory("rehearse-test-");
      postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0);
      kafka = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String jdbcUrl() {
    return postgres.jdbcUrl();
  }

  @Override
  public String dbUser() {
    return EmbeddedPostgresServer.USER;
  }

  @Override
  public String dbPassword() {
    return "";
  }

  @Override
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public void stopKafka() {
    kafka.stop();
  }

  @Override
  public void startKafka() {
    kafka.start();
  }

  @Override
  public String description() {
    return "embedded PostgreSQL and in-process Kafka";
  }

  void close() {
    kafka.close();
    postgres.close();
  }
}
