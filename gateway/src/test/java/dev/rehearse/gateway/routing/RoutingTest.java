package dev.rehearse.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.gateway.Echo;
import dev.rehearse.gateway.FakeService;
import dev.rehearse.gateway.GatewayTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest
class RoutingTest extends GatewayTestBase {
  @Inject EmbeddedServer server;

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of("rehearse.services.offline.openapi", "rehearse-offline-0.1.yml");
  }

  @Test
  void everyPublicPathReachesItsServiceUnchanged() {
    Map<String, String> owners =
        Map.ofEntries(
            Map.entry("/api/roles/ml-engineer/skills", "question"),
            Map.entry("/api/questions/q-1", "question"),
            Map.entry("/api/pronunciation/terms", "question"),
            Map.entry("/api/practice-sets/next", "question"),
            Map.entry("/api/admin/packs/pack-1", "question"),
            Map.entry("/api/attempts", "assessment"),
            Map.entry("/api/answer-guides/q-1", "assessment"),
            Map.entry("/api/sessions/s-1/report", "assessment"),
            Map.entry("/api/self-assessments/s-1", "assessment"),
            Map.entry("/api/quiz-submissions", "assessment"),
            Map.entry("/api/coach/cohorts", "assessment"),
            Map.entry("/api/cohort-memberships", "assessment"),
            Map.entry("/api/progress", "assessment"),
            Map.entry("/api/admin/item-stats", "assessment"),
            Map.entry("/api/assignments", "assessment"),
            Map.entry("/api/cohort-questions/coach-1", "assessment"),
            Map.entry("/api/repetition/due", "assessment"),
            Map.entry("/api/spoken-attempts", "speech"),
            Map.entry("/api/pronunciation-attempts", "speech"),
            Map.entry("/api/pronunciation-attempts/summary", "speech"),
            Map.entry("/api/admin/pronunciation/terms", "speech"));
    owners.forEach(
        (path, service) -> {
          // an admin may use every path, so each one reaches its service
          Echo echo =
              echo(
                  HttpRequest.GET(path + "?limit=5&skill=model%20serving")
                      .bearerAuth(tokenFor("c-1", "ADMIN")));
          assertThat(echo.service()).as(path).isEqualTo(service);
          assertThat(echo.path()).isEqualTo(path);
          assertThat(echo.query()).isEqualTo("limit=5&skill=model%20serving");
        });
  }

  @Test
  void identityHeadersFromClientsAreDroppedAndTheTokenGoesAlong() {
    Echo echo =
        echo(
            HttpRequest.POST("/api/attempts", Map.of("questionId", "q-1", "answerText", "canary"))
                .bearerAuth(tokenFor("c-7"))
                .header("X-Candidate-Id", "c-8")
                .header("X-User-Role", "ADMIN"));

    assertThat(echo.method()).isEqualTo("POST");
    assertThat(echo.headers()).doesNotContainKeys("x-candidate-id", "x-user-role");
    assertThat(echo.headers().get("authorization")).startsWith("Bearer ey");
    assertThat(echo.headers()).containsEntry("content-type", "application/json");
  }

  @Test
  void aServiceContinuesTheTraceTheClientStarted() {
    String traceId = "3e4d1c2b5a6978f0e1d2c3b4a5968778";
    String clientSpan = "1122334455667788";
    Echo echo =
        echo(
            HttpRequest.GET("/api/questions/q-1")
                .bearerAuth(tokenFor("c-1"))
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01"));

    // the gateway's span: same trace, a span of its own
    assertThat(echo.headers().get("traceparent"))
        .matches("00-" + traceId + "-[0-9a-f]{16}-01")
        .doesNotContain(clientSpan);
  }

  @Test
  void aRequestWithoutATraceReachesItsServiceInTheTraceTheGatewayStarted() {
    Echo first = echo(HttpRequest.GET("/api/questions/q-1").bearerAuth(tokenFor("c-1")));
    Echo second = echo(HttpRequest.GET("/api/questions/q-1").bearerAuth(tokenFor("c-1")));
    assertThat(first.headers().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(first.headers().get("traceparent").substring(3, 35))
        .isNotEqualTo(second.headers().get("traceparent").substring(3, 35));
  }

  @Test
  void answersComeBackAsTheServiceSentThemWithTheirLength() {
    String json = "{\"id\":\"q-9\",\"text\":\"Why canary a model rollout?\"}";
    question.answer("/api/questions/q-9", 200, json);
    question.answer(
        "/api/questions/missing",
        404,
        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}");

    HttpResponse<String> found =
        http.toBlocking()
            .exchange(
                HttpRequest.GET("/api/questions/q-9").bearerAuth(tokenFor("c-1")), String.class);
    assertThat(found.body()).isEqualTo(json);
    assertThat(found.getContentType())
        .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/json"));
    assertThat(found.getHeaders().get("Content-Length"))
        .isEqualTo(String.valueOf(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    assertThat(found.getHeaders().get("Transfer-Encoding")).isNull();
    assertThat(
            assertProblem(
                HttpRequest.GET("/api/questions/missing").bearerAuth(tokenFor("c-1")), 404))
        .contains("Not Found");
  }

  @Test
  void everyAnswerHeaderComesBackRepeatedOnesInOrder() {
    List<String> links =
        List.of("</api/questions?page=2>; rel=\"next\"", "</api/questions?page=9>; rel=\"last\"");
    question.answer(
        "/api/questions/paged", 200, "[]", Map.of("Link", links, "X-Total-Count", List.of("170")));

    HttpResponse<String> paged =
        http.toBlocking()
            .exchange(
                HttpRequest.GET("/api/questions/paged").bearerAuth(tokenFor("c-1")), String.class);
    assertThat(paged.getHeaders().getAll("Link")).containsExactlyElementsOf(links);
    assertThat(paged.getHeaders().getAll("X-Total-Count")).containsExactly("170");
    assertThat(paged.getHeaders().getAll("Content-Type")).containsExactly("application/json");
    assertThat(paged.getHeaders().getAll("Content-Length")).containsExactly("2");
    assertThat(paged.getHeaders().get("X-Frame-Options"))
        .isEqualTo("DENY"); // the gateway's own still added once
  }

  @Test
  void pathsOutsideTheApiAreTheWebAppsWithoutCors() {
    HttpResponse<String> page =
        http.toBlocking()
            .exchange(HttpRequest.GET("/").header("Origin", "http://localhost:8080"), String.class);
    assertThat(page.body()).contains("<html");
    assertThat(page.getHeaders().get("Access-Control-Allow-Origin")).isNull();
    HttpResponse<String> api =
        http.toBlocking()
            .exchange(
                HttpRequest.GET("/api/questions")
                    .bearerAuth(tokenFor("c-1"))
                    .header("Origin", "http://localhost:8080"),
                String.class);
    assertThat(api.getHeaders().get("Access-Control-Allow-Origin"))
        .isEqualTo("http://localhost:8080");
  }

  @Test
  void audioBodyIsStreamedToSpeechByteForByte() {
    byte[] audio = new byte[5 * 1024 * 1024];
    new Random(7).nextBytes(audio);
    Echo echo =
        echo(
            HttpRequest.POST("/api/spoken-attempts?questionId=q-1", audio)
                .contentType("audio/wav")
                .bearerAuth(tokenFor("c-1")));

    assertThat(echo.service()).isEqualTo("speech");
    assertThat(echo.query()).isEqualTo("questionId=q-1");
    assertThat(echo.bodyLength()).isEqualTo(audio.length);
    assertThat(echo.bodySha256()).isEqualTo(FakeService.sha256(audio));
  }

  @Test
  void oversizedBodiesAreRefusedBeforeReachingAService() {
    assertProblem(
        HttpRequest.POST("/api/questions", new byte[2 * 1024 * 1024])
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .bearerAuth(tokenFor("c-1")),
        413);
    assertProblem(
        HttpRequest.POST("/api/spoken-attempts?questionId=q-1", new byte[21 * 1024 * 1024])
            .contentType("audio/wav")
            .bearerAuth(tokenFor("c-1")),
        413);
  }

  @Test
  void unknownApiPathIsANotFoundProblem() {
    String body =
        assertProblem(HttpRequest.GET("/api/nothing-here/1").bearerAuth(tokenFor("c-1")), 404);
    assertThat(body).contains("/api/nothing-here/1");
    assertProblem(HttpRequest.GET("/api/rolesx").bearerAuth(tokenFor("c-1")), 404);
  }

  @Test
  void attemptStillBeingTranscribedIsAnsweredBySpeech() {
    String spoken = UUID.randomUUID().toString();
    String scored = UUID.randomUUID().toString();
    String unknown = UUID.randomUUID().toString();
    String notFound =
        "{\"type\":\"https://rehearse.dev/problems/not-found\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"id: no such attempt\",\"instance\":null,\"errors\":[{\"field\":\"id\",\"message\":\"no such attempt\"}],"
            + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
    assessment.answer("/api/attempts/" + spoken, 404, notFound);
    speech.answer(
        "/api/spoken-attempts/" + spoken,
        200,
        "{\"id\":\"" + spoken + "\",\"status\":\"TRANSCRIBING\",\"percent\":40}");
    assessment.answer(
        "/api/attempts/" + scored,
        200,
        "{\"id\":\"" + scored + "\",\"status\":\"SCORED\",\"score\":80}");
    assessment.answer("/api/attempts/" + unknown, 404, notFound);
    speech.answer(
        "/api/spoken-attempts/" + unknown, 404, notFound.replace("attempt", "spoken attempt"));

    assertThat(
            http.toBlocking()
                .retrieve(HttpRequest.GET("/api/attempts/" + spoken).bearerAuth(tokenFor("c-1"))))
        .contains("\"status\":\"TRANSCRIBING\"")
        .contains("\"percent\":40");
    assertThat(
            http.toBlocking()
                .retrieve(HttpRequest.GET("/api/attempts/" + scored).bearerAuth(tokenFor("c-1"))))
        .contains("\"score\":80");
    String problem =
        assertProblem(HttpRequest.GET("/api/attempts/" + unknown).bearerAuth(tokenFor("c-1")), 404);
    assertThat(problem).contains("no such attempt").doesNotContain("spoken");
    assertProblem(HttpRequest.GET("/api/attempts/not-a-uuid").bearerAuth(tokenFor("c-1")), 400);
  }

  @Test
  void serviceThatIsDownOrSilentGivesAServiceUnavailableProblem() throws Exception {
    String body =
        assertProblem(HttpRequest.GET("/api/offline/anything").bearerAuth(tokenFor("c-1")), 503);
    assertThat(body)
        .contains("the offline service is unavailable")
        .contains("/api/offline/anything");

    question.hang("/api/questions/slow");
    long start = System.nanoTime();
    var silent =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.getURL() + "/api/questions/slow"))
                    .header("Authorization", "Bearer " + tokenFor("c-1"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(silent.statusCode()).isEqualTo(503);
    assertThat(silent.body()).contains("the question service is unavailable");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(20));
  }

  @Test
  void eachServicesOpenApiDocumentIsFetchedFromItsServiceWithoutIdentity() {
    String document = "openapi: 3.0.1\ninfo:\n  title: Rehearse question-service\n";
    question.answer("/openapi/rehearse-question-service-0.1.yml", 200, document);

    assertThat(
            http.toBlocking()
                .retrieve(HttpRequest.GET("/openapi/rehearse-question-service-0.1.yml")))
        .isEqualTo(document);
    Echo echo =
        echo(
            HttpRequest.GET("/openapi/rehearse-speech-service-0.1.yml")
                .header("X-Candidate-Id", "c-1")
                .header("Authorization", "Bearer not-for-the-service"));
    assertThat(echo.service()).isEqualTo("speech");
    assertThat(echo.path()).isEqualTo("/openapi/rehearse-speech-service-0.1.yml");
    assertThat(echo.headers()).doesNotContainKeys("x-candidate-id", "x-user-role", "authorization");
    assertThat(http.toBlocking().retrieve("/openapi/rehearse-gateway-0.1.yml"))
        .contains("Rehearse gateway");
  }

  @Test
  void onlyConfiguredOpenApiDocumentsAreFetchedAndADownServiceIsUnavailable() {
    assertStatus(HttpRequest.GET("/openapi/rehearse-billing-service-0.1.yml"), 404);
    assertStatus(HttpRequest.GET("/openapi/api/roles"), 404);
    assertStatus(HttpRequest.POST("/openapi/rehearse-question-service-0.1.yml", "{}"), 404);
    String body = assertProblem(HttpRequest.GET("/openapi/rehearse-offline-0.1.yml"), 503);
    assertThat(body).contains("the offline service is unavailable");
  }

  @Test
  void swaggerUiAloneMayUseInlineStyles() {
    String swagger =
        http.toBlocking()
            .exchange("/swagger-ui/index.html", String.class)
            .getHeaders()
            .get("Content-Security-Policy");
    String app =
        http.toBlocking().exchange("/", String.class).getHeaders().get("Content-Security-Policy");
    assertThat(app).contains("default-src 'self'").doesNotContain("unsafe-inline");
    assertThat(swagger)
        .isEqualTo(app + "; style-src 'self' 'unsafe-inline'"); // scripts stay 'self'
  }

  private void assertStatus(HttpRequest<?> request, int status) {
    try {
      HttpResponse<String> ok = http.toBlocking().exchange(request, String.class);
      throw new AssertionError("expected " + status + " but got " + ok.code());
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(status);
    }
  }

  @Test
  void healthReportsDatabaseAndKafka() {
    String health = http.toBlocking().retrieve("/health");
    assertThat(health).contains("\"status\":\"UP\"").contains("jdbc").contains("kafka");
  }
}
