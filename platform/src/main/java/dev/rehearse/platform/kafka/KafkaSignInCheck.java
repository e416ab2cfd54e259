package dev.rehearse.platform.kafka;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the service at start-up, saying why, when Kafka refuses its credentials or requires
 * credentials it was not given; otherwise a misconfigured client would only retry silently. A
 * broker that does not answer at all is left to the clients' own retries (it may start later).
 */
@Context
@Requires(property = "kafka.bootstrap.servers")
public class KafkaSignInCheck {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSignInCheck.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  public KafkaSignInCheck(
      @Value("${kafka.bootstrap.servers}") String servers,
      @Nullable @Value("${kafka.sasl.jaas.config}") String jaas,
      @Nullable @Value("${kafka.security.protocol}") String protocol) {
    Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", servers));
    if (jaas != null) {
      client.put("security.protocol", protocol);
      client.put("sasl.mechanism", KafkaCredentials.MECHANISM);
      client.put("sasl.jaas.config", jaas);
    }
    Outcome outcome = signIn(client);
    if (outcome == Outcome.REFUSED) {
      throw new IllegalStateException(
          "Kafka at "
              + servers
              + " refused this service's credentials: check "
              + KafkaCredentials.USERNAME
              + " and "
              + KafkaCredentials.PASSWORD);
    }
    if (outcome == Outcome.NO_ANSWER && jaas == null && requiresSasl(servers)) {
      throw new IllegalStateException(
          "Kafka at "
              + servers
              + " requires SASL sign-in and this service has no credentials: set "
              + KafkaCredentials.USERNAME
              + " and "
              + KafkaCredentials.PASSWORD);
    }
    if (outcome == Outcome.NO_ANSWER) {
      LOG.warn("Kafka at {} did not answer within {}; the clients keep retrying", servers, TIMEOUT);
    }
  }

  private enum Outcome {
    SIGNED_IN,
    REFUSED,
    NO_ANSWER
  }

  /**
   * A client without credentials gets no answer from a SASL listener; one with made-up ones is
   * refused.
   */
  private static boolean requiresSasl(String servers) {
    Map<String, Object> probe = new HashMap<>(Map.of("bootstrap.servers", servers));
    probe.put("security.protocol", "SASL_PLAINTEXT");
    probe.put("sasl.mechanism", KafkaCredentials.MECHANISM);
    probe.put(
        "sasl.jaas.config",
        KafkaCredentials.jaas("rehearse-probe-" + UUID.randomUUID(), UUID.randomUUID().toString()));
    return signIn(probe) == Outcome.REFUSED;
  }

  private static Outcome signIn(Map<String, Object> client) {
    client.put("request.timeout.ms", (int) TIMEOUT.toMillis());
    client.put("default.api.timeout.ms", (int) TIMEOUT.toMillis());
    try (Admin admin = Admin.create(client)) {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .clusterId()
          .get(TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS);
      return Outcome.SIGNED_IN;
    } catch (ExecutionException e) {
      return e.getCause() instanceof SaslAuthenticationException
          ? Outcome.REFUSED
          : Outcome.NO_ANSWER;
    } catch (TimeoutException e) {
      return Outcome.NO_ANSWER;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.NO_ANSWER;
    }
  }
}
