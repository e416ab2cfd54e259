package dev.rehearse.assessment.cohort;

import static dev.rehearse.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.assessment.scoring.AttemptView;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A coach sees candidates who joined one of their cohorts, and nobody else; admins see everyone.
 */
@MicronautTest
class CohortTest extends AssessmentTestBase {
  @Inject
  @Client("/")
  HttpClient http;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String coach = "coach-" + run;
  final String otherCoach = "other-coach-" + run;

  @Test
  void aCandidateJoinsWithTheCodeAndTheCoachSeesTheirWork() {
    String evening = "evening-coach-" + run;
    CohortView cohort = create(evening, "Evening group");
    assertThat(cohort.joinCode()).hasSize(8).matches("[A-HJKMNP-Z2-9]+");
    String candidate = "joiner-" + run;
    AttemptView attempt = answer(candidate);
    assertThat(candidatesOf(evening))
        .extracting(CandidateSummary::candidateId)
        .doesNotContain(candidate);
    assertProblem(
        http,
        asCoach(HttpRequest.GET("/api/coach/candidates/" + candidate + "/attempts"), evening),
        404,
        "candidateId");

    // typed as people do: lower case, with a dash
    String typed =
        cohort.joinCode().substring(0, 4).toLowerCase() + "-" + cohort.joinCode().substring(4);
    Membership joined = join(candidate, typed);
    assertThat(joined.cohortName()).isEqualTo("Evening group");
    assertThat(join(candidate, cohort.joinCode()).joinedAt())
        .isEqualTo(joined.joinedAt()); // joining twice is joining once

    assertThat(memberships(candidate))
        .extracting(Membership::cohortId)
        .containsExactly(cohort.id());
    assertThat(cohortsOf(evening))
        .singleElement()
        .satisfies(c -> assertThat(c.members()).isEqualTo(1));
    CandidateSummary summary =
        candidatesOf(evening).stream()
            .filter(c -> c.candidateId().equals(candidate))
            .findFirst()
            .orElseThrow();
    assertThat(summary.attempts()).isEqualTo(1);
    assertThat(summary.averageScore()).isEqualTo(attempt.score());
    assertThat(summary.cohorts()).isEqualTo("Evening group");
    assertThat(
            http.toBlocking()
                .retrieve(
                    asCoach(HttpRequest.GET("/api/attempts/" + attempt.id()), evening),
                    AttemptView.class)
                .id())
        .isEqualTo(attempt.id());

    String fresh = "fresh-" + run; // joined, nothing answered yet: listed with no average
    join(fresh, cohort.joinCode());
    CandidateSummary idle =
        candidatesOf(evening).stream()
            .filter(c -> c.candidateId().equals(fresh))
            .findFirst()
            .orElseThrow();
    assertThat(idle.attempts()).isZero();
    assertThat(idle.averageScore()).isNull();
    assertThat(
            http.toBlocking()
                .retrieve(
                    asCoach(
                        HttpRequest.GET("/api/coach/candidates/" + fresh + "/attempts"), evening),
                    Argument.listOf(AttemptView.class)))
        .isEmpty();
  }

  @Test
  void anotherCoachReachesNoneOfItAndAnAdminReachesAll() {
    CohortView morning = create(coach, "Morning group " + run);
    String candidate = "member-" + run;
    join(candidate, morning.joinCode());
    AttemptView attempt = answer(candidate);
    create(otherCoach, "Someone else's group");

    assertThat(candidatesOf(otherCoach))
        .extracting(CandidateSummary::candidateId)
        .doesNotContain(candidate);
    assertProblem(
        http,
        asCoach(HttpRequest.GET("/api/coach/candidates/" + candidate + "/attempts"), otherCoach),
        404,
        "candidateId");
    assertProblem(
        http,
        asCoach(HttpRequest.GET("/api/progress?candidateId=" + candidate), otherCoach),
        404,
        "candidateId");
    assertProblem(
        http, asCoach(HttpRequest.GET("/api/attempts/" + attempt.id()), otherCoach), 404, "id");
    assertProblem(
        http,
        asCoach(HttpRequest.GET("/api/attempts/" + attempt.id() + "/reviews"), otherCoach),
        404,
        "id");
    assertProblem(
        http,
        asCoach(
            HttpRequest.POST(
                "/api/attempts/" + attempt.id() + "/reviews",
                Map.of("overrideScore", 1, "reason", "not mine to judge")),
            otherCoach),
        404,
        "id");
    UUID cohortId = morning.id();
    assertProblem(
        http,
        asCoach(
            HttpRequest.POST("/api/coach/cohorts/" + cohortId + "/join-code", Map.of()),
            otherCoach),
        404,
        "id");
    assertProblem(
        http,
        asCoach(
            HttpRequest.DELETE("/api/coach/cohorts/" + cohortId + "/members/" + candidate),
            otherCoach),
        404,
        "id");
    // another candidate: own data only
    String stranger = "stranger-" + run;
    assertProblem(
        http, asCandidate(HttpRequest.GET("/api/attempts/" + attempt.id()), stranger), 404, "id");
    assertProblem(
        http,
        asCandidate(HttpRequest.GET("/api/attempts/" + attempt.id() + "/reviews"), stranger),
        404,
        "id");
    assertProblem(
        http,
        asCandidate(HttpRequest.GET("/api/progress?candidateId=" + candidate), stranger),
        403,
        null);
    assertProblem(http, asCandidate(HttpRequest.GET("/api/coach/candidates"), stranger), 403, null);
    assertProblem(
        http,
        asCandidate(HttpRequest.POST("/api/coach/cohorts", Map.of("name", "mine")), stranger),
        403,
        null);
    assertProblem(
        http,
        asCandidate(HttpRequest.DELETE("/api/cohort-memberships/" + cohortId), stranger),
        404,
        "cohortId");
    assertProblem(
        http,
        asCoach(
            HttpRequest.POST("/api/cohort-memberships", Map.of("joinCode", morning.joinCode())),
            otherCoach),
        403,
        null);

    MutableHttpRequest<?> admin = asAdmin(HttpRequest.GET("/api/coach/candidates"), "admin-" + run);
    assertThat(http.toBlocking().retrieve(admin, Argument.listOf(CandidateSummary.class)))
        .extracting(CandidateSummary::candidateId)
        .contains(candidate);
    assertThat(
            http.toBlocking()
                .retrieve(
                    asAdmin(
                        HttpRequest.GET("/api/progress?candidateId=" + candidate), "admin-" + run),
                    String.class))
        .contains(candidate);
  }

  @Test
  void aCoachWhoseTokenSaysCandidateReachesNoneOfTheirCohorts() {
    // a demoted coach: the cohorts stay in the database, the new token decides
    String demoted = "demoted-" + run;
    CohortView cohort = create(demoted, "Former group " + run);
    String candidate = "former-member-" + run;
    join(candidate, cohort.joinCode());
    AttemptView attempt = answer(candidate);
    assertThat(candidatesOf(demoted)).extracting(CandidateSummary::candidateId).contains(candidate);

    assertProblem(
        http, asCandidate(HttpRequest.GET("/api/attempts/" + attempt.id()), demoted), 404, "id");
    assertProblem(
        http,
        asCandidate(HttpRequest.GET("/api/attempts/" + attempt.id() + "/reviews"), demoted),
        404,
        "id");
    assertProblem(http, asCandidate(HttpRequest.GET("/api/coach/candidates"), demoted), 403, null);
    assertProblem(http, asCandidate(HttpRequest.GET("/api/coach/cohorts"), demoted), 403, null);
    assertProblem(
        http,
        asCandidate(HttpRequest.GET("/api/coach/candidates/" + candidate + "/attempts"), demoted),
        403,
        null);
    assertProblem(
        http,
        asCandidate(HttpRequest.GET("/api/progress?candidateId=" + candidate), demoted),
        403,
        null);
  }

  @Test
  void leavingOrBeingRemovedEndsTheCoachsView() {
    CohortView cohort = create(coach, "Weekend group " + run);
    String leaver = "leaver-" + run;
    String removed = "removed-" + run;
    join(leaver, cohort.joinCode());
    join(removed, cohort.joinCode());
    AttemptView attempt = answer(leaver);

    http.toBlocking()
        .exchange(
            asCandidate(HttpRequest.DELETE("/api/cohort-memberships/" + cohort.id()), leaver));
    assertThat(memberships(leaver)).isEmpty();
    assertProblem(
        http, asCoach(HttpRequest.GET("/api/attempts/" + attempt.id()), coach), 404, "id");
    http.toBlocking()
        .exchange(
            asCoach(
                HttpRequest.DELETE("/api/coach/cohorts/" + cohort.id() + "/members/" + removed),
                coach));
    assertThat(candidatesOf(coach))
        .extracting(CandidateSummary::candidateId)
        .doesNotContain(leaver, removed);
    assertProblem(
        http,
        asCoach(
            HttpRequest.DELETE("/api/coach/cohorts/" + cohort.id() + "/members/" + removed), coach),
        404,
        "candidateId");
  }

  @Test
  void aNewCodeStopsTheOldOneAndBadCodesAreClearProblems() {
    CohortView cohort = create(coach, "Rotating group " + run);
    CohortView renewed =
        http.toBlocking()
            .retrieve(
                asCoach(
                    HttpRequest.POST("/api/coach/cohorts/" + cohort.id() + "/join-code", Map.of()),
                    coach),
                CohortView.class);
    assertThat(renewed.joinCode()).isNotEqualTo(cohort.joinCode());
    assertProblem(
        http,
        asCandidate(
            HttpRequest.POST("/api/cohort-memberships", Map.of("joinCode", cohort.joinCode())),
            "late-" + run),
        404,
        "joinCode");
    assertThat(join("late-" + run, renewed.joinCode()).cohortId()).isEqualTo(cohort.id());
    assertProblem(
        http,
        asCandidate(HttpRequest.POST("/api/cohort-memberships", Map.of("joinCode", " ")), "x"),
        400,
        "joinCode");
    assertProblem(
        http,
        asCandidate(HttpRequest.POST("/api/cohort-memberships", Map.of()), "x"),
        400,
        "joinCode");
    assertProblem(
        http,
        asCandidate(
            HttpRequest.POST("/api/cohort-memberships", Map.of("joinCode", "A".repeat(40))), "x"),
        400,
        "joinCode");
    assertProblem(
        http,
        asCoach(HttpRequest.POST("/api/coach/cohorts", Map.of("name", "")), coach),
        400,
        "name");
    assertProblem(
        http,
        asCoach(HttpRequest.POST("/api/coach/cohorts", Map.of("name", "n".repeat(101))), coach),
        400,
        "name");
    assertProblem(
        http,
        asCoach(HttpRequest.POST("/api/coach/cohorts/not-a-uuid/join-code", Map.of()), coach),
        400,
        null);
  }

  private CohortView create(String who, String name) {
    return http.toBlocking()
        .retrieve(
            asCoach(HttpRequest.POST("/api/coach/cohorts", Map.of("name", name)), who),
            CohortView.class);
  }

  private List<CohortView> cohortsOf(String who) {
    return http.toBlocking()
        .retrieve(
            asCoach(HttpRequest.GET("/api/coach/cohorts"), who), Argument.listOf(CohortView.class));
  }

  private List<CandidateSummary> candidatesOf(String who) {
    return http.toBlocking()
        .retrieve(
            asCoach(HttpRequest.GET("/api/coach/candidates"), who),
            Argument.listOf(CandidateSummary.class));
  }

  private Membership join(String candidate, String code) {
    return http.toBlocking()
        .retrieve(
            asCandidate(
                HttpRequest.POST("/api/cohort-memberships", Map.of("joinCode", code)), candidate),
            Membership.class);
  }

  private List<Membership> memberships(String candidate) {
    return http.toBlocking()
        .retrieve(
            asCandidate(HttpRequest.GET("/api/cohort-memberships"), candidate),
            Argument.listOf(Membership.class));
  }

  private AttemptView answer(String candidate) {
    return http.toBlocking()
        .retrieve(
            asCandidate(
                HttpRequest.POST(
                    "/api/attempts",
                    Map.of(
                        "questionId",
                        question().questionId(),
                        "answerText",
                        "A canary with 5% of traffic, watch latency, and roll back on a regression.")),
                candidate),
            AttemptView.class);
  }
}
