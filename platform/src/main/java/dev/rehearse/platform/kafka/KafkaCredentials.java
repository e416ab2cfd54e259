package dev.rehearse.platform.kafka;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import java.util.Map;
import java.util.Optional;

/**
 * Signs every Kafka client of the service in with SASL/SCRAM-SHA-256 when REHEARSE_KAFKA_USERNAME
 * and REHEARSE_KAFKA_PASSWORD are set (./rehearse up and docker compose always set them; the
 * component tests' broker is PLAINTEXT and they set neither). There is no default password.
 */
@ContextConfigurer
public class KafkaCredentials implements ApplicationContextConfigurer {
  static final String USERNAME = "REHEARSE_KAFKA_USERNAME";
  static final String PASSWORD = "REHEARSE_KAFKA_PASSWORD";
  static final String MECHANISM = "SCRAM-SHA-256";

  @Override
  public void configure(ApplicationContextBuilder builder) {
    properties(System.getenv())
        .ifPresent(
            p -> builder.propertySources(PropertySource.of("rehearse-kafka-credentials", p)));
  }

  /** The client settings for these credentials; empty when neither variable is set. */
  static Optional<Map<String, Object>> properties(Map<String, String> env) {
    String user = env.get(USERNAME);
    String password = env.get(PASSWORD);
    boolean hasUser = user != null && !user.isBlank();
    boolean hasPassword = password != null && !password.isBlank();
    if (!hasUser && !hasPassword) {
      return Optional.empty();
    }
    if (!hasUser || !hasPassword) {
      throw new IllegalStateException(
          "Kafka credentials are incomplete: set both " + USERNAME + " and " + PASSWORD);
    }
    return Optional.of(
        Map.of(
            "kafka.security.protocol",
            "SASL_PLAINTEXT",
            "kafka.sasl.mechanism",
            MECHANISM,
            "kafka.sasl.jaas.config",
            jaas(user, password)));
  }

  static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + escaped(user)
        + "\" password=\""
        + escaped(password)
        + "\";";
  }

  private static String escaped(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
