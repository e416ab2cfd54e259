package dev.rehearse.assessment.inbox;

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

@MicronautTest
class InboxTest extends AssessmentTestBase {
  @Inject
  @Client("/")
  HttpClient http;

  final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void flaggedUnreviewedAttemptsComeFirstAndOnlyTheCoachsOwnCandidatesAppear() {
    String coach = "coach-inbox-" + run;
    String otherCoach = "coach-other-" + run;
    String steady = "c-steady-" + run;
    String shaky = "c-shaky-" + run;
    String stranger = "c-stranger-" + run;
    cohortJoinedBy(http, coach, steady, shaky);
    cohortJoinedBy(http, otherCoach, stranger);
    String q = question().questionId();

    AttemptView clean =
        answer(
            http,
            steady,
            q,
            "A canary on 5% of traffic, watch latency and error rate, roll back to the previous version.");
    AttemptView reviewed =
        answer(http, steady, q, "A canary with 10% of traffic and a rollback if latency grows.");
    http.toBlocking()
        .exchange(
            asCoach(
                HttpRequest.POST(
                    "/api/attempts/" + reviewed.id() + "/reviews",
                    Map.of("overrideScore", 70, "reason", "Names the gate.")),
                coach));
    AttemptView flagged =
        answer(http, shaky, q, "We copy the model to the servers by hand when it is ready.");
    AttemptView strangers =
        answer(http, stranger, q, "We copy the model by hand onto every server.");

    List<InboxItem> mine = inbox(asCoach(HttpRequest.GET("/api/coach/inbox"), coach));
    assertThat(mine)
        .extracting(InboxItem::attemptId)
        .containsExactly(flagged.id(), clean.id(), reviewed.id());
    InboxItem first = mine.get(0);
    assertThat(first.flagged()).isTrue();
    assertThat(first.redFlags()).isPositive();
    assertThat(first.reviewed()).isFalse();
    assertThat(first.candidateId()).isEqualTo(shaky);
    assertThat(mine.get(2).reviewed()).isTrue();
    assertThat(mine.get(2).reviewedScore()).isEqualTo(70);
    assertThat(mine.get(2).machineScore()).isEqualTo(reviewed.machineScore());

    assertThat(inbox(asCoach(HttpRequest.GET("/api/coach/inbox"), otherCoach)))
        .extracting(InboxItem::attemptId)
        .containsExactly(strangers.id());
    assertThat(inbox(asAdmin(HttpRequest.GET("/api/coach/inbox?limit=200"), "admin-" + run)))
        .extracting(InboxItem::attemptId)
        .contains(flagged.id(), strangers.id());
  }

  @Test
  void candidatesHaveNoInboxAndTheLimitIsBounded() {
    assertProblem(
        http, asCandidate(HttpRequest.GET("/api/coach/inbox"), "c-nosy-" + run), 403, null);
    assertProblem(
        http, asCoach(HttpRequest.GET("/api/coach/inbox?limit=0"), "coach-x-" + run), 400, "limit");
    assertProblem(
        http,
        asCoach(HttpRequest.GET("/api/coach/inbox?limit=100000"), "coach-x-" + run),
        400,
        "limit");
  }

  private List<InboxItem> inbox(MutableHttpRequest<?> request) {
    return http.toBlocking().retrieve(request, Argument.listOf(InboxItem.class));
  }
}
