package dev.rehearse.gateway;

import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.AccessRevoked;
import dev.rehearse.contracts.Topics;
import dev.rehearse.gateway.accounts.AccessTokens;
import dev.rehearse.gateway.keys.KeySet;
import dev.rehearse.testsupport.KafkaProbe;
import dev.rehearse.testsupport.Problems;
import dev.rehearse.testsupport.ServiceTest;
import dev.rehearse.testsupport.TestInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/**
 * Points the gateway at the JVM's shared PostgreSQL and Kafka, and at fake services standing in for
 * question, assessment and speech (which run as separate processes in real life).
 */
public abstract class GatewayTestBase extends ServiceTest {
  /** The gateway's signing keys in tests: made per test JVM, never stored. */
  protected static final KeySet SIGNING_KEYS =
      new KeySet(List.of(KeySet.generate(Instant.now().minusSeconds(60))));

  protected final FakeService question = new FakeService("question");
  protected final FakeService assessment = new FakeService("assessment");
  protected final FakeService speech = new FakeService("speech");

  @Inject
  @Client("/")
  protected HttpClient http;

  @Inject protected AccessTokens tokens;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(TestInfrastructure.properties("gateway"));
    p.put("rehearse.auth.signing-keys", SIGNING_KEYS.toJson());
    p.put("rehearse.services.question.url", question.url());
    p.put("rehearse.services.assessment.url", assessment.url());
    p.put("rehearse.services.speech.url", speech.url());
    // a service that is down: nothing listens at its URL
    p.put("rehearse.services.offline.url", FakeService.downUrl());
    p.put("rehearse.services.offline.paths", "/api/offline");
    // how long a silent service is waited for (also the test client's read timeout: slow calls use
    // a JDK client)
    p.put("micronaut.http.client.read-timeout", "5s");
    p.put("rehearse.gateway.events.poll-interval", "50ms");
    p.putAll(extraProperties());
    return p;
  }

  protected Map<String, String> extraProperties() {
    return Map.of();
  }

  @AfterAll
  void stopFakes() {
    question.close();
    assessment.close();
    speech.close();
  }

  /**
   * A token the gateway itself signed for {@code subject} with {@code role}, as sign-in would give.
   */
  protected String tokenFor(String subject, String role) {
    return tokens.sign(subject, role, subject, subject + "@rehearse.test", UUID.randomUUID());
  }

  protected String tokenFor(String subject) {
    return tokenFor(subject, "CANDIDATE");
  }

  /**
   * The AccessRevoked events the gateway published for {@code subject}, once one for {@code reason}
   * has arrived.
   */
  protected List<AccessRevoked> awaitRevocations(String subject, String reason) {
    try (KafkaProbe probe = new KafkaProbe(Topics.GATEWAY_ACCESS)) {
      List<AccessRevoked> found = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                found.clear();
                probe
                    .records(r -> subject.equals(r.key()))
                    .forEach(r -> found.add(fromJson(r.value(), AccessRevoked.class)));
                return found.stream().anyMatch(r -> reason.equals(r.reason()));
              });
      return found;
    }
  }

  protected Echo echo(HttpRequest<?> request) {
    return http.toBlocking().retrieve(request, Echo.class);
  }

  /** Sends the request expecting a problem answer; returns its body. */
  protected String assertProblem(HttpRequest<?> request, int status) {
    return Problems.assertProblem(http, request, status, null);
  }
}
