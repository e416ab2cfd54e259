package dev.rehearse.question.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.AttemptScored;
import dev.rehearse.contracts.Topics;
import dev.rehearse.question.QuestionTestBase;
import dev.rehearse.question.practice.PracticePlanner.Reason;
import dev.rehearse.question.practice.PracticeSet.Entry;
import dev.rehearse.testsupport.GatewayTokens;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest
class PracticeSetTest extends QuestionTestBase {
  static final String ROLE = "t-serving-engineer";

  @Test
  void aNewCandidateGetsNewItemsSharedByRoleWeightWithNoRepeats() {
    PracticeSet set = create(candidate(), Map.of("role", ROLE, "size", 5));

    assertThat(set.items()).hasSize(5).extracting(Entry::reason).containsOnly(Reason.NEW);
    assertThat(set.items()).extracting(Entry::id).doesNotHaveDuplicates();
    assertThat(set.items())
        .extracting(Entry::skill)
        .containsExactly(
            "t-serving", "t-serving", "t-serving", "t-observability", "t-observability");
    assertThat(set.skills()).extracting(PracticeSet.SkillFocus::slots).containsExactly(3, 2);
  }

  @Test
  void scoredAttemptsPutTheWeakSubSkillFirstAndScheduleAnsweredItemsLater() {
    String candidate = candidate();
    AttemptScored weak = scored(candidate, "t-open-drift", "t-observability", 10, Instant.now());
    send(weak);
    send(scored(candidate, "t-open-rollout", "t-serving", 95, Instant.now()));
    send(scored(candidate, "t-quiz-latency", "t-serving", 90, Instant.now()));
    await().atMost(Duration.ofSeconds(30)).until(() -> attempts(candidate) == 3);

    PracticeSet set = create(candidate, Map.of("role", ROLE, "size", 5));

    assertThat(set.skills().get(0).skill()).isEqualTo("t-observability");
    assertThat(set.skills().get(0).mastery()).isEqualTo(10.0);
    assertThat(set.skills().get(1).mastery()).isEqualTo(93.0);
    assertThat(set.items())
        .extracting(Entry::id)
        .startsWith("t-quiz-drift", "t-open-drift")
        .doesNotContain("t-open-rollout", "t-quiz-latency")
        .doesNotHaveDuplicates();
    assertThat(set.items().get(1).reason()).isEqualTo(Reason.AHEAD);

    send(weak); // redelivered: the inbox applies it once
    send(scored(candidate, "t-open-drift", "t-observability", 20, Instant.now()));
    await().atMost(Duration.ofSeconds(30)).until(() -> attempts(candidate) == 4);
    assertThat(create(candidate, Map.of("role", ROLE)).skills().get(0).mastery()).isEqualTo(14.0);
  }

  @Test
  void anItemWhoseReviewDateHasPassedIsDueAndComesFirst() {
    String candidate = candidate();
    send(
        scored(
            candidate,
            "t-vocab-dynamic-batching",
            "t-serving",
            40,
            Instant.now().minus(Duration.ofDays(10))));
    await().atMost(Duration.ofSeconds(30)).until(() -> attempts(candidate) == 1);

    PracticeSet set =
        create(candidate, Map.of("role", ROLE, "size", 3, "types", List.of("VOCABULARY", "quiz")));

    assertThat(set.items().get(0).id()).isEqualTo("t-vocab-dynamic-batching");
    assertThat(set.items().get(0).reason()).isEqualTo(Reason.DUE);
    assertThat(set.items())
        .extracting(Entry::type)
        .allMatch(t -> t.name().equals("VOCABULARY") || t.name().equals("QUIZ"));
  }

  @Test
  void aSetIsNeverLargerThanTheItemsAvailableAndHoldsEachOnce() {
    PracticeSet set =
        create(candidate(), Map.of("role", ROLE, "size", 50, "types", List.of("OPEN")));
    assertThat(set.items())
        .extracting(Entry::id)
        .containsExactlyInAnyOrder("t-open-rollout", "t-open-drift");
  }

  @Test
  void theSetIsForTheTokensSubjectWhateverTheHeadersSay() {
    String candidate = candidate();
    PracticeSet set =
        http.toBlocking()
            .retrieve(
                post(candidate, Map.of("role", ROLE)).header("X-Candidate-Id", "someone-else"),
                PracticeSet.class);
    assertThat(set.candidateId()).isEqualTo(candidate);
  }

  @Test
  void withoutATokenNoSetIsMade() {
    assertProblem(
        HttpRequest.POST("/api/practice-sets", Map.of("role", ROLE)), 401, "Authorization");
    assertProblem(
        HttpRequest.POST("/api/practice-sets", Map.of("role", ROLE))
            .header("X-Candidate-Id", candidate()),
        401,
        "Authorization");
  }

  @Test
  void badInputGetsAProblemNamingTheField() {
    assertProblem(post(candidate(), Map.of("role", " ")), 400, "role");
    assertProblem(post(candidate(), Map.of("role", "no-such-role")), 404, "role");
    assertProblem(post(candidate(), Map.of("role", ROLE, "size", 0)), 400, "size");
    assertProblem(post(candidate(), Map.of("role", ROLE, "size", 51)), 400, "size");
    assertProblem(
        post(candidate(), Map.of("role", ROLE, "types", List.of("QUIZ", "ESSAY"))),
        400,
        "types[1]");
    Map<String, Object> nullType = new HashMap<>(Map.of("role", ROLE));
    nullType.put("types", java.util.Arrays.asList((String) null));
    assertProblem(post(candidate(), nullType), 400, "types[0]");
    assertProblem(
        HttpRequest.POST("/api/practice-sets", "{\"role\": ")
            .contentType(MediaType.APPLICATION_JSON)
            .bearerAuth(GatewayTokens.token(candidate(), "CANDIDATE")),
        400,
        null);
  }

  private int attempts(String candidate) {
    return create(candidate, Map.of("role", ROLE)).skills().stream()
        .mapToInt(PracticeSet.SkillFocus::attempts)
        .sum();
  }

  private PracticeSet create(String candidate, Map<String, Object> body) {
    var response = http.toBlocking().exchange(post(candidate, body), PracticeSet.class);
    assertThat(response.code()).isEqualTo(201);
    return response.body();
  }

  private static MutableHttpRequest<?> post(String candidate, Map<String, Object> body) {
    return HttpRequest.POST("/api/practice-sets", body)
        .bearerAuth(GatewayTokens.token(candidate, "CANDIDATE"));
  }

  private static String candidate() {
    return "c-" + UUID.randomUUID();
  }

  private static AttemptScored scored(
      String candidate, String item, String skill, int score, Instant at) {
    return new AttemptScored(
        UUID.randomUUID(),
        AttemptScored.SCHEMA_VERSION,
        at,
        UUID.randomUUID(),
        candidate,
        item,
        skill,
        AttemptScored.Mode.TYPED,
        score,
        "Weak",
        List.of(),
        List.of(),
        List.of());
  }

  private void send(AttemptScored event) {
    KafkaProbe.send(Topics.ASSESSMENT_SCORED, event.candidateId(), toJson(event));
  }
}
