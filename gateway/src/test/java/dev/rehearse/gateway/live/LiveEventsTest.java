package dev.rehearse.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.AttemptReviewed;
import dev.rehearse.contracts.AttemptScored;
import dev.rehearse.contracts.PronunciationScored;
import dev.rehearse.contracts.Topics;
import dev.rehearse.gateway.GatewayTestBase;
import dev.rehearse.gateway.SseClient;
import dev.rehearse.gateway.SseClient.Received;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest
class LiveEventsTest extends GatewayTestBase {
  @Inject EmbeddedServer server;
  @Inject LiveEventRepository liveEvents;

  @Test
  void scoredAttemptIsPushedToItsCandidateOnly() {
    String alice = "c-alice-" + UUID.randomUUID();
    String bob = "c-bob-" + UUID.randomUUID();
    try (SseClient aliceStream = connect(alice, null);
        SseClient bobStream = connect(bob, null)) {
      AttemptScored forAlice = scored(alice);
      KafkaProbe.send(Topics.ASSESSMENT_SCORED, alice, toJson(forAlice));
      await().atMost(Duration.ofSeconds(30)).until(() -> aliceStream.events().size() == 1);

      Received pushed = aliceStream.events().get(0);
      assertThat(pushed.event()).isEqualTo("scored");
      assertThat(Long.parseLong(pushed.id())).isPositive();
      assertThat(pushed.data()).contains(forAlice.attemptId().toString()).contains("\"score\":70");

      AttemptScored forBob = scored(bob);
      KafkaProbe.send(Topics.ASSESSMENT_SCORED, bob, toJson(forBob));
      await().atMost(Duration.ofSeconds(30)).until(() -> bobStream.events().size() == 1);
      assertThat(bobStream.events().get(0).data()).contains(forBob.attemptId().toString());
      assertThat(aliceStream.events()).hasSize(1);
    }
  }

  @Test
  void reviewsAndPronunciationResultsArePushedWithTheirKind() {
    String carol = "c-carol-" + UUID.randomUUID();
    try (SseClient stream = connect(carol, null)) {
      KafkaProbe.send(
          Topics.ASSESSMENT_REVIEWED,
          carol,
          toJson(
              new AttemptReviewed(
                  UUID.randomUUID(),
                  1,
                  Instant.now(),
                  UUID.randomUUID(),
                  carol,
                  "coach-1",
                  85,
                  "named the rollback trigger",
                  null)));
      KafkaProbe.send(
          Topics.SPEECH_PRONUNCIATIONS,
          carol,
          toJson(
              new PronunciationScored(
                  UUID.randomUUID(),
                  1,
                  Instant.now(),
                  UUID.randomUUID(),
                  carol,
                  "kubectl",
                  "cube control",
                  "CORRECT",
                  92)));
      await().atMost(Duration.ofSeconds(30)).until(() -> stream.events().size() == 2);
      assertThat(stream.events())
          .extracting(Received::event)
          .containsExactlyInAnyOrder("reviewed", "pronunciation");
    }
  }

  @Test
  void reconnectWithLastEventIdReplaysWhatWasMissedOnce() {
    String dave = "c-dave-" + UUID.randomUUID();
    String lastSeen;
    try (SseClient first = connect(dave, null)) {
      KafkaProbe.send(Topics.ASSESSMENT_SCORED, dave, toJson(scored(dave)));
      await().atMost(Duration.ofSeconds(30)).until(() -> first.events().size() == 1);
      lastSeen = first.events().get(0).id();
    }
    AttemptScored missed1 = scored(dave);
    AttemptScored missed2 = scored(dave);
    KafkaProbe.send(Topics.ASSESSMENT_SCORED, dave, toJson(missed1));
    KafkaProbe.send(Topics.ASSESSMENT_SCORED, dave, toJson(missed2));
    KafkaProbe.send(Topics.ASSESSMENT_SCORED, dave, toJson(missed2)); // a redelivery: pushed once
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> liveEvents.missed(dave, Long.parseLong(lastSeen), Long.MAX_VALUE).size() == 2);

    try (SseClient resumed = connect(dave, lastSeen)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> resumed.events().size() == 2);
      List<Received> replayed = resumed.events();
      assertThat(replayed.get(0).data()).contains(missed1.attemptId().toString());
      assertThat(replayed.get(1).data()).contains(missed2.attemptId().toString());
      assertThat(Long.parseLong(replayed.get(0).id())).isGreaterThan(Long.parseLong(lastSeen));
      assertThat(Long.parseLong(replayed.get(1).id()))
          .isGreaterThan(Long.parseLong(replayed.get(0).id()));

      AttemptScored live = scored(dave);
      KafkaProbe.send(Topics.ASSESSMENT_SCORED, dave, toJson(live));
      await().atMost(Duration.ofSeconds(30)).until(() -> resumed.events().size() == 3);
      assertThat(resumed.events().get(2).data()).contains(live.attemptId().toString());
    }
  }

  @Test
  void streamNeedsAnIdentityAndANumericLastEventId() {
    assertProblem(HttpRequest.GET("/api/events"), 401);
    assertProblem(
        HttpRequest.GET("/api/events")
            .bearerAuth(tokenFor("c-1"))
            .header("Last-Event-ID", "yesterday"),
        400);
  }

  private SseClient connect(String candidate, String lastEventId) {
    Map<String, String> headers =
        lastEventId == null
            ? Map.of("Authorization", "Bearer " + tokenFor(candidate))
            : Map.of(
                "Authorization", "Bearer " + tokenFor(candidate), "Last-Event-ID", lastEventId);
    return new SseClient(server.getURL() + "/api/events", headers);
  }

  private static AttemptScored scored(String candidate) {
    return new AttemptScored(
        UUID.randomUUID(),
        AttemptScored.SCHEMA_VERSION,
        Instant.now(),
        UUID.randomUUID(),
        candidate,
        "q-serving-1",
        "model-serving",
        AttemptScored.Mode.TYPED,
        70,
        "Good",
        List.of("canary"),
        List.of("rollback"),
        List.of());
  }
}
