package dev.rehearse.gateway;

import dev.rehearse.testsupport.GatewayTokens;
import dev.rehearse.testsupport.Problems;
import dev.rehearse.testsupport.ServiceTest;
import dev.rehearse.testsupport.TestInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Points the gateway at the JVM's shared PostgreSQL and Kafka, and at fake services standing in for
 * question, assessment and speech (which run as separate processes in real life).
 */
public abstract class GatewayTestBase extends ServiceTest {
  protected final FakeService question = new FakeService("question");
  protected final FakeService assessment = new FakeService("assessment");
  protected final FakeService speech = new FakeService("speech");

  @Inject
  @Client("/")
  protected HttpClient http;

  @Inject TokenGenerator tokens;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(TestInfrastructure.properties("gateway"));
    p.put("rehearse.auth.jwt-secret", GatewayTokens.SECRET);
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
    return tokens
        .generateToken(Authentication.build(subject, List.of(role), Map.of("name", subject)), 3600)
        .orElseThrow();
  }

  protected String tokenFor(String subject) {
    return tokenFor(subject, "CANDIDATE");
  }

  protected Echo echo(HttpRequest<?> request) {
    return http.toBlocking().retrieve(request, Echo.class);
  }

  /** Sends the request expecting a problem answer; returns its body. */
  protected String assertProblem(HttpRequest<?> request, int status) {
    return Problems.assertProblem(http, request, status, null);
  }
}
