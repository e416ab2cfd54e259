package dev.rehearse.question.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.question.QuestionTestBase;
import dev.rehearse.question.catalog.PronunciationController.PronunciationTerm;
import dev.rehearse.question.catalog.RoleViews.RoleDetail;
import dev.rehearse.question.catalog.RoleViews.RoleSummary;
import dev.rehearse.question.catalog.RoleViews.SkillView;
import dev.rehearse.testsupport.GatewayTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

@MicronautTest
class CatalogApiTest extends QuestionTestBase {

  @Test
  void rolesListTheirSkillWeights() {
    var roles =
        http.toBlocking()
            .retrieve(HttpRequest.GET("/api/roles"), Argument.listOf(RoleSummary.class));
    RoleSummary serving =
        roles.stream().filter(r -> r.id().equals("t-serving-engineer")).findFirst().orElseThrow();
    assertThat(serving.title()).isEqualTo("Serving Engineer");
    assertThat(serving.skills()).extracting(RoleSkill::weight).containsExactly(60, 40);
  }

  @Test
  void roleDetailShowsSkillsWithWeightsAndTheLevelsPresent() {
    RoleDetail role =
        http.toBlocking()
            .retrieve(HttpRequest.GET("/api/roles/t-serving-engineer"), RoleDetail.class);
    assertThat(role.skills())
        .extracting(SkillView::id)
        .containsExactly("t-serving", "t-observability");
    SkillView serving = role.skills().get(0);
    assertThat(serving.weight()).isEqualTo(60);
    assertThat(serving.title()).isEqualTo("Model serving");
    assertThat(serving.levels()).containsExactly("Beginner", "Intermediate");
    assertThat(serving.items()).isEqualTo(5);
    assertThat(role.skills().get(1).levels()).containsExactly("Beginner", "Advanced");
  }

  @Test
  void roleDetailSaysWhatEachLevelOfASkillMeans() {
    RoleDetail role =
        http.toBlocking()
            .retrieve(HttpRequest.GET("/api/roles/t-serving-engineer"), RoleDetail.class);
    assertThat(role.skills().get(0).levelDescriptions())
        .containsExactly(
            new LevelDescription("Beginner", "Deploys a model behind a managed endpoint."),
            new LevelDescription(
                "Intermediate", "Runs an inference server with dynamic batching and autoscaling."),
            new LevelDescription("Advanced", "Designs canary rollouts with automatic rollback."),
            new LevelDescription("Expert", "Sets serving standards for many teams."));
    assertThat(role.skills().get(1).levelDescriptions())
        .as("a skill whose pack does not say")
        .isEmpty();
  }

  @Test
  void questionsFilterByRoleSkillTypeAndLevel() {
    QuestionPage open = page("/api/questions?role=t-serving-engineer&type=OPEN");
    assertThat(open.items())
        .extracting(QuestionSummary::id)
        .containsExactly("t-open-drift", "t-open-rollout");
    QuestionPage beginner =
        page("/api/questions?role=t-training-specialist&skill=t-observability&level=beginner");
    assertThat(beginner.items()).extracting(QuestionSummary::id).containsExactly("t-open-drift");
    assertThat(beginner.items().get(0).rank()).isNull();
  }

  @Test
  void questionsArePaged() {
    QuestionPage first = page("/api/questions?role=t-serving-engineer&size=3");
    QuestionPage second = page("/api/questions?role=t-serving-engineer&size=3&page=1");
    QuestionPage past = page("/api/questions?role=t-serving-engineer&size=3&page=9");
    assertThat(first.total()).isEqualTo(7);
    assertThat(first.totalPages()).isEqualTo(3);
    assertThat(first.items()).hasSize(3);
    assertThat(second.items()).hasSize(3).doesNotContainAnyElementsOf(first.items());
    assertThat(past.items()).isEmpty();
    assertThat(past.total()).isEqualTo(7);
  }

  @Test
  void questionDetailCarriesTypeSpecificContentAndResolvedRedFlags() {
    // a coach sees the answer key (what candidates see is AnswerKeyTest's)
    QuestionDetail open =
        http.toBlocking()
            .retrieve(
                HttpRequest.GET("/api/questions/t-open-rollout")
                    .bearerAuth(GatewayTokens.token("coach-1", "COACH")),
                QuestionDetail.class);
    assertThat(open.type()).isEqualTo(ItemType.OPEN);
    assertThat(open.content().rubric())
        .extracting(c -> c.id())
        .containsExactly("canary", "rollback", "monitoring");
    assertThat(open.content().modelAnswer()).contains("canary");
    assertThat(open.redFlagRules())
        .extracting(r -> r.id())
        .containsExactly("t-no-rollback", "t-manual-deploy");
    String quiz =
        http.toBlocking()
            .retrieve(
                HttpRequest.GET("/api/questions/t-quiz-latency")
                    .bearerAuth(GatewayTokens.token("coach-1", "COACH")));
    assertThat(quiz)
        .contains("\"options\":[")
        .contains("\"explanation\":\"Smaller numbers mean faster kernels.\"")
        .doesNotContain("\"statement\"");
  }

  @Test
  void pronunciationTermsCarryTheirSpokenForms() {
    var terms =
        http.toBlocking()
            .retrieve(
                HttpRequest.GET("/api/pronunciation/terms"),
                Argument.listOf(PronunciationTerm.class));
    PronunciationTerm nccl =
        terms.stream().filter(t -> t.id().equals("t-pron-nccl")).findFirst().orElseThrow();
    assertThat(nccl.term()).isEqualTo("NCCL");
    assertThat(nccl.spokenForms()).containsExactly("nickel");
    var forServing =
        http.toBlocking()
            .retrieve(
                HttpRequest.GET("/api/pronunciation/terms?role=t-serving-engineer"),
                Argument.listOf(PronunciationTerm.class));
    assertThat(forServing).extracting(PronunciationTerm::id).containsExactly("t-pron-k8s");
  }

  @Test
  void badInputGetsAProblemNamingTheField() {
    assertProblem(HttpRequest.GET("/api/roles/no-such-role"), 404, "id");
    assertProblem(HttpRequest.GET("/api/questions/no-such-item"), 404, "id");
    assertProblem(HttpRequest.GET("/api/questions?type=ESSAY"), 400, "type");
    assertProblem(HttpRequest.GET("/api/questions?level=Guru"), 400, "level");
    assertProblem(HttpRequest.GET("/api/questions?role=no-such-role"), 400, "role");
    assertProblem(HttpRequest.GET("/api/questions?skill=no-such-skill"), 400, "skill");
    assertProblem(HttpRequest.GET("/api/questions?size=0"), 400, "size");
    assertProblem(HttpRequest.GET("/api/questions?size=101"), 400, "size");
    assertProblem(HttpRequest.GET("/api/questions?page=-1"), 400, "page");
    assertProblem(HttpRequest.GET("/api/questions?page=abc"), 400, null);
    assertProblem(HttpRequest.GET("/api/questions?q=" + "x".repeat(201)), 400, "q");
  }

  private QuestionPage page(String uri) {
    return http.toBlocking().retrieve(HttpRequest.GET(uri), QuestionPage.class);
  }
}
