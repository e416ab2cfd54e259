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

    assertThat(r.total()).isEqualTo(new QuizResult.Total(1, 3, 33, 1.0));
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
            new QuizResult.SkillResult("data-pipeline-engineering", 1, 2, 50, 1.0),
            new QuizResult.SkillResult("model-serving", 0, 1, 0, 0.0));
  }

  @Test
  void anItemWithSeveralRightAnswersGivesPartialCredit() {
    String multi = "quiz-multi-" + run;
    publish(multiAnswerItem(multi));
    // a and b are right, c and d wrong: (right picks - wrong picks) / 2, at least 0
    assertThat(credit(multi, "a")).isEqualTo(0.5);
    assertThat(credit(multi, "a", "b")).isEqualTo(1.0);
    assertThat(credit(multi, "a", "b", "c")).isEqualTo(0.5);
    assertThat(credit(multi, "a", "c")).isZero();
    assertThat(credit(multi, "c", "d")).isZero();

    QuizResult r = submitPicks("c-multi", List.of(multi, easy), Map.of(multi, List.of("b", "d")));
    QuizResult.Marked m = r.questions().get(0);
    assertThat(m.multipleAnswers()).isTrue();
    assertThat(m.correct()).isFalse();
    assertThat(m.chosenOptionIds()).containsExactly("b", "d");
    assertThat(m.options())
        .extracting(QuizResult.OptionMark::optionId, o -> o.chosen(), o -> o.correct())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", false, true),
            org.assertj.core.groups.Tuple.tuple("b", true, true),
            org.assertj.core.groups.Tuple.tuple("d", true, false));
    assertThat(r.total()).isEqualTo(new QuizResult.Total(0, 2, 0, 0.0));

    r =
        submitPicks(
            "c-multi", List.of(multi, easy), Map.of(multi, List.of("a"), easy, List.of("b")));
    assertThat(r.total()).isEqualTo(new QuizResult.Total(1, 2, 75, 1.5));
    assertThat(responses.findByCandidateId("c-multi"))
        .extracting(QuizResponse::optionId)
        .contains("b,d", "a");

    assertProblem(
        http,
        post(
            "c-bad",
            Map.of(
                "itemIds",
                List.of(easy),
                "answers",
                List.of(Map.of("itemId", easy, "optionIds", List.of("a", "b"))))),
        400,
        "answers[0].optionIds");
    assertProblem(
        http,
        post(
            "c-bad",
            Map.of("itemIds", List.of(multi), "answers", List.of(Map.of("itemId", multi)))),
        400,
        "answers[0].optionId");
    assertProblem(
        http,
        post(
            "c-bad",
            Map.of(
                "itemIds",
                List.of(multi),
                "answers",
                List.of(Map.of("itemId", multi, "optionId", "a", "optionIds", List.of("b"))))),
        400,
        "answers[0].optionId");
    assertProblem(
        http,
        post(
            "c-bad",
            Map.of(
                "itemIds",
                List.of(multi),
                "answers",
                List.of(Map.of("itemId", multi, "optionIds", List.of("a", "a"))))),
        400,
        "answers[0].optionIds");
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

  private double credit(String itemId, String... picks) {
    return submitPicks("c-credit", List.of(itemId), Map.of(itemId, List.of(picks)))
        .questions()
        .get(0)
        .credit();
  }

  private QuizResult submitPicks(
      String candidate, List<String> itemIds, Map<String, List<String>> picks) {
    List<Map<String, Object>> answers =
        picks.entrySet().stream()
            .map(e -> Map.<String, Object>of("itemId", e.getKey(), "optionIds", e.getValue()))
            .toList();
    return http.toBlocking()
        .retrieve(
            post(candidate, Map.of("itemIds", itemIds, "answers", answers)), QuizResult.class);
  }

  /** Two right options (a, b) of four. */
  private static dev.rehearse.contracts.QuestionPublished multiAnswerItem(String id) {
    return new dev.rehearse.contracts.QuestionPublished(
        UUID.randomUUID(),
        dev.rehearse.contracts.QuestionPublished.SCHEMA_VERSION,
        java.time.Instant.now(),
        id,
        List.of(),
        "model-serving",
        "Intermediate",
        "Which of these help a rollout stop a bad model early? (Choose all that apply.)",
        List.of(),
        List.of(),
        "QUIZ",
        null,
        List.of(
            option("a", true, "A canary exposes a small share of traffic first."),
            option("b", true, "Automated rollback reverts when error rates climb."),
            option("c", false, "A bigger batch size changes throughput, not safety."),
            option("d", false, "Turning logs off hides the very signal you need.")));
  }

  private static dev.rehearse.contracts.QuestionPublished.QuizOption option(
      String id, boolean correct, String why) {
    return new dev.rehearse.contracts.QuestionPublished.QuizOption(
        id, "Option " + id, correct, why);
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
