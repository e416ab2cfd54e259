package dev.rehearse.question.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.question.QuestionTestBase;
import dev.rehearse.testsupport.GatewayTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Answer keys are for staff: a candidate (or an anonymous reader of the public catalog) reads items
 * without rubric, model answer, steps, option correctness and explanations, or red-flag phrases.
 * Roles come only from signed tokens: a role header, or a token nobody trusts, proves nothing.
 */
@MicronautTest
class AnswerKeyTest extends QuestionTestBase {
  static final List<String> KEYED =
      List.of("t-open-rollout", "t-scenario-gpu-utilisation", "t-quiz-latency");
  static final List<String> KEY_FIELDS =
      List.of(
          "\"rubric\"",
          "\"synonyms\"",
          "\"modelAnswer\"",
          "\"steps\"",
          "\"correct\"",
          "\"phrases\"");
  @Inject ObjectMapper json;

  @Test
  void aCandidateReadsNoAnswerKey() {
    for (String id : KEYED) {
      assertNoKey(id, read(as(get(id), "cand-1", "CANDIDATE")));
    }
    Map<String, Object> quiz = content(read(as(get("t-quiz-latency"), "cand-1", "CANDIDATE")));
    assertThat(quiz.get("question"))
        .isEqualTo("Which change usually cuts inference latency most for a large network?");
    assertThat(options(quiz))
        .extracting(o -> o.keySet())
        .allSatisfy(keys -> assertThat(keys).containsOnly("id", "text"));
    assertThat(options(quiz))
        .extracting(o -> o.get("text"))
        .containsExactly("Quantisation to int8", "More logging");
    String scenario = read(as(get("t-scenario-gpu-utilisation"), "cand-1", "CANDIDATE"));
    assertThat(scenario)
        .contains("\"situation\":\"A 256-GPU cluster")
        .contains("\"task\":\"Propose how")
        .doesNotContain("Measure where the time goes")
        .doesNotContain("Prefetch");
    String open = read(as(get("t-open-rollout"), "cand-1", "CANDIDATE"));
    // red flags keep their title and explanation, not what triggers them
    assertThat(open)
        .contains("\"title\":\"No rollback plan\"")
        .contains("The answer never says how to go back")
        .doesNotContain("\"by hand\"")
        .doesNotContain("small share of traffic");
  }

  @Test
  void coachesAndAdminsReadTheWholeKey() {
    for (String role : List.of("COACH", "ADMIN")) {
      String open = read(as(get("t-open-rollout"), "staff-" + role, role));
      assertThat(open)
          .as(role)
          .contains("\"rubric\":[")
          .contains("\"synonyms\":[\"canary\",\"small share of traffic\"]")
          .contains("\"modelAnswer\":\"Start with a canary")
          .contains("\"phrases\":[\"by hand\",\"manually\"]");
      assertThat(read(as(get("t-scenario-gpu-utilisation"), "staff-" + role, role)))
          .as(role)
          .contains("\"steps\":[\"Measure where the time goes\"")
          .contains("\"rubric\":[");
      List<Map<String, Object>> options =
          options(content(read(as(get("t-quiz-latency"), "staff-" + role, role))));
      assertThat(options).extracting(o -> o.get("correct")).containsExactly(true, false);
      assertThat(options)
          .extracting(o -> o.get("explanation"))
          .containsExactly(
              "Smaller numbers mean faster kernels.", "Logging adds work to every request.");
    }
  }

  @Test
  void anAnonymousReaderGetsTheCandidateViewWhateverTheHeadersSay() {
    for (String id : KEYED) {
      assertNoKey(id, read(get(id)));
      assertNoKey(id, read(get(id).header("X-User-Role", "COACH")));
      assertNoKey(
          id,
          read(
              get(id)
                  .bearerAuth(GatewayTokens.token("cand-2", "CANDIDATE"))
                  .header("X-Candidate-Id", "staff-1")
                  .header("X-User-Role", "ADMIN")));
    }
  }

  @Test
  void aForgedStaffTokenIsRefusedNotDowngraded() {
    // public content read with a bad token is still refused: a caller who sends one learns it is
    // bad
    for (String forged :
        List.of(
            GatewayTokens.hs256("a-development-secret-written-in-application-yml", "x", "COACH"),
            GatewayTokens.signedByAnotherKey("x", "ADMIN"),
            GatewayTokens.withClaims("gateway", "x", "COACH", Instant.now().minusSeconds(120)))) {
      assertProblem(get("t-open-rollout").bearerAuth(forged), 401, "Authorization");
    }
  }

  @Test
  void searchResultsCarrySummariesOnly() {
    String page = http.toBlocking().retrieve(HttpRequest.GET("/api/questions?size=100"));
    assertThat(page).contains("t-open-rollout").contains("t-quiz-latency");
    KEY_FIELDS.forEach(field -> assertThat(page).doesNotContain(field));
    assertThat(page).doesNotContain("\"explanation\"").doesNotContain("\"content\"");
  }

  private void assertNoKey(String id, String body) {
    assertThat(body).as(id).contains("\"id\":\"" + id + "\"");
    KEY_FIELDS.forEach(field -> assertThat(body).as(id).doesNotContain(field));
    assertThat(options(content(body)))
        .as(id)
        .allSatisfy(o -> assertThat(o).doesNotContainKey("explanation"));
  }

  private Map<String, Object> content(String body) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> content =
          (Map<String, Object>)
              json.readValue(body, Argument.mapOf(String.class, Object.class)).get("content");
      return content;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> options(Map<String, Object> content) {
    return (List<Map<String, Object>>) content.getOrDefault("options", List.of());
  }

  private String read(HttpRequest<?> request) {
    return http.toBlocking().retrieve(request);
  }

  private static MutableHttpRequest<?> get(String id) {
    return HttpRequest.GET("/api/questions/" + id);
  }

  private static MutableHttpRequest<?> as(
      MutableHttpRequest<?> request, String subject, String role) {
    return request.bearerAuth(GatewayTokens.token(subject, role));
  }
}
