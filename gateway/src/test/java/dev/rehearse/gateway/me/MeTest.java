package dev.rehearse.gateway.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.AccountDeleted;
import dev.rehearse.contracts.Topics;
import dev.rehearse.gateway.GatewayTestBase;
import dev.rehearse.gateway.accounts.SignedIn;
import dev.rehearse.testsupport.AccountTraces;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /api/me/export gathers the gateway's own sections and every service's (asked with the
 * caller's token), as an attachment, or answers 503 when a service cannot; DELETE /api/me needs the
 * password, then leaves no trace of the account in the gateway and tells every service on Kafka.
 */
@MicronautTest(transactional = false)
class MeTest extends GatewayTestBase {
  private static final String PASSWORD = "correct horse battery";

  @Inject TransactionOperations<Connection> tx;

  @Test
  void theExportIsOneAttachmentWithEveryServicesPartOrA503() {
    SignedIn alice = register("alice");
    question.answer(ServiceExports.PATH, 200, part("question", "practice"));
    assessment.answer(ServiceExports.PATH, 200, part("assessment-service", "attempts"));
    speech.answer(ServiceExports.PATH, 200, part("speech-service", "spoken-attempts"));

    HttpResponse<String> export =
        http.toBlocking()
            .exchange(
                HttpRequest.GET("/api/me/export").bearerAuth(alice.accessToken()), String.class);
    assertThat(export.getHeaders().get("Content-Disposition")).startsWith("attachment;");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) fromJson(export.body(), Map.class).get("services");
    assertThat(services).containsOnlyKeys("gateway", "question", "assessment", "speech");
    assertThat(services.get("gateway")).containsKeys("account", "live-events");
    assertThat(services.get("gateway").toString()).contains(alice.user().email());
    assertThat(services.get("assessment")).containsKey("attempts");

    speech.answer(ServiceExports.PATH, 500, "{}");
    String problem =
        assertProblem(HttpRequest.GET("/api/me/export").bearerAuth(alice.accessToken()), 503);
    assertThat(problem).contains("speech");
    assertProblem(HttpRequest.GET("/api/me/export"), 401);
  }

  @Test
  void deletingNeedsThePasswordThenLeavesNoTraceAndTellsEveryService() {
    SignedIn bob = register("bob");
    String id = bob.user().id().toString();
    assertProblem(HttpRequest.DELETE("/api/me").bearerAuth(bob.accessToken()), 400);
    assertProblem(
        HttpRequest.DELETE("/api/me")
            .bearerAuth(bob.accessToken())
            .header(MeController.CONFIRM, "not the password"),
        403);
    assertProblem(HttpRequest.DELETE("/api/me").header(MeController.CONFIRM, PASSWORD), 401);
    assertThat(traces(id)).isNotEmpty();

    HttpResponse<?> deleted =
        http.toBlocking()
            .exchange(
                HttpRequest.DELETE("/api/me")
                    .bearerAuth(bob.accessToken())
                    .header(MeController.CONFIRM, PASSWORD));
    assertThat(deleted.code()).isEqualTo(204);
    assertProblem(HttpRequest.GET("/api/auth/me").bearerAuth(bob.accessToken()), 401);
    assertProblem(
        HttpRequest.POST(
            "/api/auth/login", Map.of("email", bob.user().email(), "password", PASSWORD)),
        401);
    awaitRevocations(id, "account-deleted");
    try (KafkaProbe probe = new KafkaProbe(Topics.GATEWAY_ACCOUNTS)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !probe.records(r -> id.equals(r.key())).isEmpty());
      assertThat(
              fromJson(probe.records(r -> id.equals(r.key())).get(0).value(), AccountDeleted.class)
                  .accountId())
          .isEqualTo(id);
    }
    // the gateway's own listener erases again on receipt, the sent outbox rows with it
    await().atMost(Duration.ofSeconds(30)).until(() -> traces(id).isEmpty());
  }

  private List<String> traces(String id) {
    return tx.executeRead(s -> AccountTraces.find(s.getConnection(), "gateway", id));
  }

  private SignedIn register(String name) {
    String email = name + "-" + UUID.randomUUID() + "@rehearse.test";
    return http.toBlocking()
        .retrieve(
            HttpRequest.POST(
                "/api/auth/register",
                Map.of("email", email, "password", PASSWORD, "displayName", name)),
            SignedIn.class);
  }

  private static String part(String service, String section) {
    return "{\"service\":\"" + service + "\",\"sections\":{\"" + section + "\":[]}}";
  }
}
