package dev.rehearse.assessment.selfassessment;

import static dev.rehearse.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.assessment.scoring.AttemptView;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.Calibration;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.Flag;
import dev.rehearse.assessment.selfassessment.SelfAssessmentResult.SkillResult;
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
class SelfAssessmentTest extends AssessmentTestBase {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject SelfAssessmentRepository store;
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String role = "role-" + run;
  final String training = "distributed-training";
  final String serving = "model-serving";
  final String monitoring = "monitoring-observability";

  @BeforeAll
  void publishRoleItems() {
    publish(selfCheck(id("dt-beg"), role, training, "Beginner", 40));
    publish(selfCheck(id("dt-int"), role, training, "Intermediate", 40));
    publish(selfCheck(id("dt-adv"), role, training, "Advanced", 40));
    publish(selfCheck(id("sv-beg"), role, serving, "Beginner", 40));
    publish(selfCheck(id("sv-adv"), role, serving, "Advanced", 40));
    publish(selfCheck(id("mo-beg"), role, monitoring, "Beginner", 20));
    publish(selfCheck(id("other-role"), "another-role-" + run, monitoring, "Beginner", 20));
    publish(openQuestion(id("open-dt"), training, "Advanced", "gradient checkpointing"));
    publish(quizItem(id("quiz-dt"), training, "Intermediate"));
  }

  @Test
  void perSkillLevelsAWeightedOverallLevelAndTheCalibrationGapAgainstScoredWork() {
    String candidate = "c-self-" + run;
    // measured evidence in distributed training: a Weak answer to an Advanced question and a wrong
    // quiz answer
    http.toBlocking()
        .retrieve(
            asCandidate(
                HttpRequest.POST(
                    "/api/attempts",
                    Map.of(
                        "questionId",
                        id("open-dt"),
                        "answerText",
                        "I would buy bigger GPUs and hope that the model fits somehow.")),
                candidate),
            AttemptView.class);
    http.toBlocking()
        .retrieve(
            asCandidate(
                HttpRequest.POST(
                    "/api/quiz-submissions",
                    Map.of(
                        "itemIds",
                        List.of(id("quiz-dt")),
                        "answers",
                        List.of(Map.of("itemId", id("quiz-dt"), "optionId", "a")))),
                candidate),
            String.class);

    SelfAssessmentResult r =
        assess(
            candidate,
            Map.of(
                id("dt-beg"),
                4,
                id("dt-int"),
                4,
                id("dt-adv"),
                3,
                id("sv-beg"),
                3,
                id("sv-adv"),
                1));

    assertThat(r.levels()).containsExactly("Beginner", "Intermediate", "Advanced", "Expert");
    SkillResult dt = skill(r, training);
    assertThat(dt.level()).isEqualTo("Advanced");
    assertThat(dt.score()).isEqualTo(89);
    assertThat(dt.weight()).isEqualTo(40);
    SkillResult sv = skill(r, serving);
    assertThat(sv.level()).isEqualTo("Beginner");
    assertThat(sv.score()).isEqualTo(33);
    // (40 x 89 + 40 x 33) / 80 = 61; levels (40 x 3 + 40 x 1) / 80 = 2 -> Intermediate; 80 of 100
    // weight rated
    assertThat(r.overall())
        .isEqualTo(new SelfAssessmentResult.Overall(61, "Intermediate", 80, "role"));

    Calibration cal =
        r.calibration().stream()
            .filter(c -> c.skillId().equals(training))
            .findFirst()
            .orElseThrow();
    assertThat(cal.selfLevel()).isEqualTo("Advanced");
    assertThat(cal.measuredLevel()).isEqualTo("Beginner");
    assertThat(cal.measuredBand()).isEqualTo("Weak");
    assertThat(cal.evidence()).isEqualTo(2);
    assertThat(cal.gap()).isEqualTo(2);
    assertThat(cal.message())
        .startsWith("You rate yourself Advanced in distributed training; your work scores Weak");
    assertThat(
            r.calibration().stream()
                .filter(c -> c.skillId().equals(serving))
                .findFirst()
                .orElseThrow()
                .verdict())
        .isEqualTo("not measured yet");
    assertThat(r.redFlags())
        .extracting(Flag::rule)
        .contains("overrates-skill")
        .doesNotContain("same-rating-everywhere", "partial-coverage");
    // the flag names its skill apart, and its evidence speaks in levels only
    assertThat(r.redFlags())
        .filteredOn(f -> f.rule().equals("overrates-skill"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.skillId()).isEqualTo(training);
              assertThat(f.evidence())
                  .isEqualTo("rated Advanced; answers and quizzes show Beginner");
            });
    assertThat(store.findById(r.id())).isPresent();
  }

  @Test
  void selfCheckRulesFireOnSuspiciousRatings() {
    SelfAssessmentResult uniform =
        assess(
            "c-uniform-" + run,
            Map.of(
                id("dt-beg"),
                3,
                id("dt-int"),
                3,
                id("dt-adv"),
                3,
                id("sv-beg"),
                3,
                id("sv-adv"),
                3));
    assertThat(uniform.redFlags()).extracting(Flag::rule).containsExactly("same-rating-everywhere");

    SelfAssessmentResult odd = assess("c-odd-" + run, Map.of(id("dt-beg"), 1, id("dt-adv"), 4));
    assertThat(odd.redFlags()).extracting(Flag::rule).contains("harder-rated-higher");
    assertThat(odd.redFlags())
        .filteredOn(f -> f.rule().equals("harder-rated-higher"))
        .first()
        .extracting(Flag::evidence)
        .asString()
        .contains("Advanced statements average 4.0, Beginner statements 1.0");

    SelfAssessmentResult narrow = assess("c-narrow-" + run, Map.of(id("mo-beg"), 1));
    assertThat(narrow.redFlags()).extracting(Flag::rule).contains("partial-coverage");
    assertThat(narrow.overall().coveragePercent()).isEqualTo(20);

    SelfAssessmentResult gap =
        assess("c-gap-" + run, Map.of(id("sv-beg"), 1, id("sv-adv"), 2, id("dt-beg"), 3));
    assertThat(gap.redFlags())
        .extracting(Flag::rule)
        .contains("core-skill-gap")
        .doesNotContain("same-rating-everywhere");
    assertThat(gap.redFlags())
        .filteredOn(f -> f.rule().equals("core-skill-gap"))
        .extracting(Flag::skillId)
        .containsExactly(serving);
  }

  @Test
  void badRatingsGetAProblemNamingTheFieldAndStoreNothing() {
    long before = store.count();
    assertProblem(http, post(Map.of("roleId", role, "ratings", List.of())), 400, "ratings");
    assertProblem(
        http,
        post(Map.of("roleId", role, "ratings", List.of(rating(id("dt-beg"), 5)))),
        400,
        "ratings[0].rating");
    assertProblem(
        http,
        post(Map.of("roleId", role, "ratings", List.of(rating(id("dt-beg"), 0)))),
        400,
        "ratings[0].rating");
    assertProblem(
        http,
        post(
            Map.of(
                "roleId",
                role,
                "ratings",
                List.of(rating(id("dt-beg"), 2), rating(id("dt-beg"), 3)))),
        400,
        "ratings[1].itemId");
    assertProblem(
        http,
        post(
            Map.of(
                "roleId",
                role,
                "ratings",
                List.of(rating(id("dt-beg"), 2), rating("nope-" + run, 3)))),
        404,
        "ratings[1].itemId");
    assertProblem(
        http,
        post(Map.of("roleId", role, "ratings", List.of(rating(id("quiz-dt"), 2)))),
        400,
        "ratings[0].itemId");
    assertProblem(
        http,
        post(Map.of("roleId", role, "ratings", List.of(rating(id("other-role"), 2)))),
        400,
        "ratings[0].itemId");
    assertProblem(
        http,
        post(Map.of("roleId", "no-role-" + run, "ratings", List.of(rating(id("dt-beg"), 2)))),
        404,
        "roleId");
    assertProblem(http, post(Map.of("ratings", List.of(rating(id("dt-beg"), 2)))), 400, "roleId");
    assertThat(store.count()).isEqualTo(before);
  }

  private SelfAssessmentResult assess(String candidate, Map<String, Integer> ratings) {
    List<Map<String, Object>> list =
        ratings.entrySet().stream().map(e -> rating(e.getKey(), e.getValue())).toList();
    return http.toBlocking()
        .retrieve(
            asCandidate(
                HttpRequest.POST("/api/self-assessments", Map.of("roleId", role, "ratings", list)),
                candidate),
            SelfAssessmentResult.class);
  }

  private static SkillResult skill(SelfAssessmentResult r, String skillId) {
    return r.skills().stream().filter(s -> s.skillId().equals(skillId)).findFirst().orElseThrow();
  }

  private static Map<String, Object> rating(String itemId, int rating) {
    return Map.of("itemId", itemId, "rating", rating);
  }

  private static HttpRequest<?> post(Object body) {
    return asCandidate(HttpRequest.POST("/api/self-assessments", body), "c-bad");
  }

  private String id(String name) {
    return "self-" + name + "-" + run;
  }
}
