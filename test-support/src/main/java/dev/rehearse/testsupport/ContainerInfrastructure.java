package dev.rehearse.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/** Testcontainers' PostgreSQL and Kafka, used when a Docker engine answers. */
final class ContainerInfrastructure implements Infrastructure {
  private final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");
  private final KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");

  ContainerInfrastructure() {
    postgres.start();
    kafka.start();
  }

  @Override
  public String jdbcUrl() {
    return postgres.getJdbcUrl();
  }

  @Override
  public String dbUser() {
    return postgres.getUsername();
  }

  @Override
  public String dbPassword() {
    return postgres.getPassword();
  }

  @Override
  public String bootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public void stopKafka() {
    // pausing keeps the mapped port, so clients see an outage rather than a new broker
    DockerClientFactory.instance().client().pauseContainerCmd(kafka.getContainerId()).exec();
  }

  @Override
  public void startKafka() {
    DockerClientFactory.instance().client().unpauseContainerCmd(kafka.getContainerId()).exec();
  }

  @Override
  public String description() {
    return "Testcontainers PostgreSQL and Kafka";
  }

  void close() {
    kafka.stop();
    postgres.stop();
  }
}
