package dev.rehearse.assessment.quiz;

import static dev.rehearse.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.AssessmentTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest
class QuizTest extends AssessmentTestBase {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject QuizResponseRepository responses;
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String easy = "quiz-easy-" + run;
  final String hard = "quiz-hard-" + run;
  final String other = "quiz-other-" + run;

  @BeforeAll
  void publishItems() {
    publish(quizItem(easy, "data-pipeline-engineering", "Beginner"));
    publish(quizItem(hard, "data-pipeline-engineering", "Advanced"));
    publish(quizItem(other, "model-serving", "Intermediate"));
    publish(openQuestion("open-" + run, "model-serving", "Intermediate", "canary"));
  }

  @Test
  void quizIsMarkedWithTheExplanationOfEachChosenOptionTotalAndPerSkill() {
    QuizResult r = submit("c-quiz-1", List.of(easy, hard, other), Map.of(easy, "b", hard, "a"));

    assertThat(r.total()).isEqualTo(new QuizResult.Total(1, 3, 33));
    QuizResult.Marked right = r.questions().get(0);
    assertThat(right.correct()).isTrue();
    assertThat(right.explanation()).isEqualTo("Right: one definition serves both paths.");
    assertThat(right.correctOptionId()).isEqualTo("b");
    assertThat(right.correctExplanation()).isNull();
    QuizResult.Marked wrong = r.questions().get(1);
    assertThat(wrong.correct()).isFalse();
    assertThat(wrong.explanation()).isEqualTo("A registry versions models, not features.");
    assertThat(wrong.correctOptionId()).isEqualTo("b");
    assertThat(wrong.correctExplanation()).isEqualTo("Right: one definition serves both paths.");
    QuizResult.Marked skipped = r.questions().get(2);
    assertThat(skipped.chosenOptionId()).isNull();
    assertThat(skipped.correct()).isFalse();
    assertThat(skipped.explanation()).isEqualTo("Not answered.");
    assertThat(skipped.correctOptionId()).as("an unanswered item keeps its key hidden").isNull();
    assertThat(skipped.correctExplanation()).isNull();
    assertThat(r.skills())
        .containsExactly(
            new QuizResult.SkillResult("data-pipeline-engineering", 1, 2, 50),
            new QuizResult.SkillResult("model-serving", 0, 1, 0));
  }

  @Test
  void itemStatsAppearOnceEnoughSubmissionsExist() {
    String a = "stat-a-" + run;
    String b = "stat-b-" + run;
    String c = "stat-c-" + run;
    publish(quizItem(a, "model-serving", "Beginner"));
    publish(quizItem(b, "model-serving", "Intermediate"));
    publish(quizItem(c, "model-serving", "Advanced"));
    List<ItemStats> before = stats(a, b, c);
    assertThat(before).isEmpty();
    // four strong candidates get everything right; four weak ones only the easy item; two get all
    // wrong
    for (int i = 0; i < 4; i++) {
      submit("strong-" + i, List.of(a, b, c), Map.of(a, "b", b, "b", c, "b"));
      submit("weak-" + i, List.of(a, b, c), Map.of(a, "b", b, "a", c, "c"));
    }
    submit("lost-1", List.of(a, b, c), Map.of(a, "a", b, "a", c, "a"));
    List<ItemStats> nine = stats(a, b, c);
    assertThat(nine)
        .allSatisfy(
            s -> {
              assertThat(s.responses()).isEqualTo(9);
              assertThat(s.facility()).isNull();
              assertThat(s.verdict()).isEqualTo("needs 1 more responses");
            });
    submit("lost-2", List.of(a, b, c), Map.of(a, "a", b, "a", c, "a"));

    List<ItemStats> stats = stats(a, b, c);
    assertThat(stats).extracting(ItemStats::responses).containsOnly(10);
    ItemStats itemA = stats.get(0);
    ItemStats itemC = stats.get(2);
    assertThat(itemA.facility()).isEqualTo(0.8);
    assertThat(itemC.facility()).isEqualTo(0.4);
    assertThat(itemC.discrimination()).isGreaterThan(0.8);
    assertThat(itemC.verdict()).isEqualTo("good");
    assertThat(itemA.discrimination()).isBetween(0.2, itemC.discrimination());
  }

  @Test
  void itemStatsAreForAdminsOnly() {
    String path = "/api/admin/item-stats";
    assertProblem(http, HttpRequest.GET(path), 401, "Authorization");
    assertProblem(http, asCandidate(HttpRequest.GET(path), "c-stats"), 403, null);
    // a coach claiming more in a header is still a coach
    assertProblem(
        http,
        asCoach(HttpRequest.GET(path), "coach-stats").header("X-User-Role", "ADMIN"),
        403,
        null);
    assertThat(http.toBlocking().exchange(asAdmin(HttpRequest.GET(path), "admin-1")).code())
        .isEqualTo(200);
  }

  @Test
  void badSubmissionsGetAProblemNamingTheFieldAndStoreNothing() {
    long before = responses.count();
    String path = "/api/quiz-submissions";
    assertProblem(
        http,
        post("c-bad", Map.of("itemIds", List.of(), "answers", List.of(answer(easy, "b")))),
        400,
        "itemIds");
    assertProblem(
        http,
        post("c-bad", Map.of("itemIds", List.of(easy), "answers", List.of())),
        400,
        "answers");
    assertProblem(
        http,
        post(
            "c-bad",
            Map.of("itemIds", List.of(easy, "nope-" + run), "answers", List.of(answer(easy, "b")))),
        404,
        "itemIds[1]");
    assertProblem(
        http,
        post(
            "c-bad", Map.of("itemIds", List.of(easy, easy), "answers", List.of(answer(easy, "b")))),
        400,
        "itemIds[1]");
    assertProblem(
        http,
        post(
            "c-bad",
            Map.of("itemIds", List.of(easy, "open-" + run), "answers", List.of(answer(easy, "b")))),
        400,
        "itemIds[1]");
    assertProblem(
        http,
        post(
            "c-bad",
            Map.of(
                "itemIds",
                List.of(easy),
                "answers",
                List.of(answer(easy, "b"), answer(easy, "c")))),
        400,
        "answers[1].itemId");
    assertProblem(
        http,
        post("c-bad", Map.of("itemIds", List.of(easy), "answers", List.of(answer(hard, "b")))),
        400,
        "answers[0].itemId");
    assertProblem(
        http,
        post("c-bad", Map.of("itemIds", List.of(easy), "answers", List.of(answer(easy, "z")))),
        400,
        "answers[0].optionId");
    assertProblem(
        http,
        HttpRequest.POST(
            path, Map.of("itemIds", List.of(easy), "answers", List.of(answer(easy, "b")))),
        401,
        "Authorization");
    assertThat(responses.count()).isEqualTo(before);
  }

  private QuizResult submit(String candidate, List<String> itemIds, Map<String, String> chosen) {
    List<Map<String, String>> answers =
        chosen.entrySet().stream().map(e -> answer(e.getKey(), e.getValue())).toList();
    return http.toBlocking()
        .retrieve(
            post(candidate, Map.of("itemIds", itemIds, "answers", answers)), QuizResult.class);
  }

  private List<ItemStats> stats(String... ids) {
    List<String> wanted = List.of(ids);
    return http
        .toBlocking()
        .retrieve(
            asAdmin(HttpRequest.GET("/api/admin/item-stats"), "admin-1"),
            io.micronaut.core.type.Argument.listOf(ItemStats.class))
        .stream()
        .filter(s -> wanted.contains(s.itemId()))
        .toList();
  }

  private static Map<String, String> answer(String itemId, String optionId) {
    return Map.of("itemId", itemId, "optionId", optionId);
  }

  private static HttpRequest<?> post(String candidate, Object body) {
    return asCandidate(HttpRequest.POST("/api/quiz-submissions", body), candidate);
  }
}
