package dev.rehearse.platform.kafka;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import java.util.Map;

/**
 * Every consumer group member of every service leaves fast when its process dies: the broker gives
 * its partitions to another instance once it has missed heartbeats for {@code session.timeout.ms}
 * (10 s, Kafka's own default being 45 s), heartbeats going every 3 s. Set as micronaut-kafka's
 * {@code kafka.consumers.default}, which every listener uses, below application.yml in precedence:
 * a service's configuration or the environment (KAFKA_CONSUMERS_DEFAULT_SESSION_TIMEOUT_MS) wins. A
 * listener started before the topic it reads exists finds it within 10 s.
 */
@ContextConfigurer
public class KafkaFailover implements ApplicationContextConfigurer {
  static final Map<String, Object> DEFAULTS =
      Map.of(
          "kafka.consumers.default.session.timeout.ms", "10000",
          "kafka.consumers.default.heartbeat.interval.ms", "3000",
          // a topic its owner has not made yet answers "not authorised" to a reader, and the
          // consumer asks again only at its next metadata refresh: 10 s, not Kafka's 5 minutes
          "kafka.consumers.default.metadata.max.age.ms", "10000");

  /** Below the application files (-300), the environment (-200) and system properties (-100). */
  static final int PRECEDENCE = -400;

  @Override
  public void configure(ApplicationContextBuilder builder) {
    builder.propertySources(PropertySource.of("rehearse-kafka-failover", DEFAULTS, PRECEDENCE));
  }
}
