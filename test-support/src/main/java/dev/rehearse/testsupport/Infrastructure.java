package dev.rehearse.testsupport;

/** The PostgreSQL server and Kafka broker a test JVM shares. */
public interface Infrastructure {
  String jdbcUrl();

  String dbUser();

  String dbPassword();

  String bootstrapServers();

  /** Takes the broker away and brings it back on the same address, as an outage would. */
  void stopKafka();

  void startKafka();

  String description();
}
