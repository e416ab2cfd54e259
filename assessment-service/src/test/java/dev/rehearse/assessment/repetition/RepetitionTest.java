package dev.rehearse.assessment.repetition;

import static dev.rehearse.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.contracts.PronunciationScored;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.repetition.Rating;
import dev.rehearse.testsupport.KafkaProbe;
import dev.rehearse.testsupport.TestInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cards are enrolled by what a candidate misses, listed when due by the (moved) clock, and
 * rescheduled by FSRS; each candidate sees only their own.
 */
@MicronautTest
class RepetitionTest extends AssessmentTestBase {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject MovingClock clock;
  final String run = UUID.randomUUID().toString().substring(0, 8);

  /** Vocabulary stays in question-service: its first grade names the term. */
  static final String TERM = "Feature store";

  final String vocab = "vocab-" + run;
  final String quiz = "quiz-rep-" + run;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(TestInfrastructure.properties("assessment"));
    p.put(MovingClock.ENABLED, "true");
    return p;
  }

  @BeforeAll
  void publishItems() {
    publish(quizItem(quiz, "data-pipeline-engineering", "Beginner"));
  }

  @Test
  void aGradedCardIsDueAgainOnTheDayItsIntervalEndsAndNotBefore() {
    String c = "c-days-" + run;
    DueCards empty = due(c);
    assertThat(empty.cards()).isEmpty();
    assertThat(empty.vocabularyCarded()).isEmpty();
    assertThat(empty.newCardDays())
        .isEqualTo(Map.of(Rating.AGAIN, 0, Rating.HARD, 1, Rating.GOOD, 3, Rating.EASY, 16));

    Instant gradedAt = clock.instant();
    ReviewResult first = review(c, CardKind.VOCABULARY, vocab, "GOOD");
    assertThat(first.days()).isEqualTo(3);
    assertThat(first.due()).isEqualTo(gradedAt.plus(Duration.ofDays(3)));
    assertThat(first.state()).isEqualTo(Card.State.REVIEW);
    assertThat(due(c).cards()).as("graded today: not due today").isEmpty();
    assertThat(due(c).vocabularyCarded()).containsExactly(vocab);

    clock.advance(Duration.ofDays(1));
    assertThat(due(c).cards()).as("tomorrow").isEmpty();
    clock.advance(Duration.ofDays(1));
    assertThat(due(c).cards()).as("the day after").isEmpty();
    clock.advance(Duration.ofDays(1));
    DueCards day3 = due(c);
    assertThat(day3.cards()).extracting(DueCards.DueCard::itemRef).containsExactly(vocab);
    assertThat(day3.counts())
        .containsEntry(CardKind.VOCABULARY, 1)
        .containsEntry(CardKind.QUIZ_ITEM, 0);
    DueCards.DueCard card = day3.cards().get(0);
    assertThat(card.label()).isEqualTo("Feature store");
    assertThat(card.target()).isEqualTo(vocab);
    assertThat(card.days().get(Rating.GOOD)).isEqualTo(11);

    ReviewResult second = review(c, CardKind.VOCABULARY, vocab, "GOOD");
    assertThat(second.days()).as("the interval grows").isEqualTo(11);
    assertThat(second.reps()).isEqualTo(2);
    assertThat(due(c).cards()).isEmpty();

    clock.advance(Duration.ofDays(11));
    ReviewResult lapse = review(c, CardKind.VOCABULARY, vocab, "AGAIN");
    assertThat(lapse.lapses()).isEqualTo(1);
    assertThat(lapse.state()).isEqualTo(Card.State.RELEARNING);
    assertThat(lapse.days()).isZero();
    assertThat(due(c).cards()).as("forgotten: back later today").hasSize(1);
  }

  @Test
  void aWrongQuizAnswerEnrolsTheItemAndARightOneDoesNot() {
    String c = "c-quiz-" + run;
    String right = "quiz-right-" + run;
    publish(quizItem(right, "data-pipeline-engineering", "Beginner"));
    http.toBlocking()
        .exchange(
            asCandidate(
                HttpRequest.POST(
                    "/api/quiz-submissions",
                    Map.of(
                        "itemIds",
                        List.of(quiz, right),
                        "answers",
                        List.of(
                            Map.of("itemId", quiz, "optionId", "a"),
                            Map.of("itemId", right, "optionId", "b")))),
                c));
    DueCards due = due(c);
    assertThat(due.cards()).extracting(DueCards.DueCard::itemRef).containsExactly(quiz);
    assertThat(due.cards().get(0).kind()).isEqualTo(CardKind.QUIZ_ITEM);
    assertThat(due.counts()).containsEntry(CardKind.QUIZ_ITEM, 1);

    ReviewResult r = review(c, CardKind.QUIZ_ITEM, quiz, "HARD");
    assertThat(r.days()).isEqualTo(1);
    assertThat(due(c).cards()).isEmpty();
  }

  @Test
  void aWeakConceptOfAScoredAnswerEnrolsUnderItsQuestion() {
    String c = "c-concept-" + run;
    String q = question().questionId();
    answer(http, c, q, "I would send a canary with a small share of traffic, about 5 percent.");
    DueCards due = due(c);
    assertThat(due.cards())
        .extracting(DueCards.DueCard::itemRef)
        .containsExactlyInAnyOrder(q + "/rollback", q + "/monitoring");
    assertThat(due.cards()).allSatisfy(card -> assertThat(card.target()).isEqualTo(q));
    assertThat(due.cards())
        .extracting(DueCards.DueCard::label)
        .anySatisfy(l -> assertThat(l).startsWith("Rollback \u2014 How would you roll out"));
    assertThat(due.counts()).containsEntry(CardKind.CONCEPT, 2);
  }

  @Test
  void aFailedPronunciationDrillOnKafkaEnrolsItsTerm() {
    String c = "c-say-" + run;
    KafkaProbe.send(Topics.SPEECH_PRONUNCIATIONS, c, toJson(drill(c, "NCCL", "CORRECT")));
    KafkaProbe.send(Topics.SPEECH_PRONUNCIATIONS, c, toJson(drill(c, "Kubernetes", "RETRY")));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(due(c).cards())
                    .extracting(DueCards.DueCard::target)
                    .containsExactly("Kubernetes"));
    assertThat(due(c).counts()).containsEntry(CardKind.PRONUNCIATION, 1);

    // passing the drill while the card is due grades it GOOD: a new card's three days
    KafkaProbe.send(Topics.SPEECH_PRONUNCIATIONS, c, toJson(drill(c, "Kubernetes", "CORRECT")));
    await().atMost(Duration.ofSeconds(30)).until(() -> due(c).cards().isEmpty());
    // passing it again before it is due leaves the schedule alone
    KafkaProbe.send(Topics.SPEECH_PRONUNCIATIONS, c, toJson(drill(c, "Kubernetes", "CORRECT")));
    KafkaProbe.send(Topics.SPEECH_PRONUNCIATIONS, c, toJson(drill(c, "NCCL", "RETRY")));
    await().atMost(Duration.ofSeconds(30)).until(() -> due(c).cards().size() == 1);
    clock.advance(Duration.ofDays(3));
    assertThat(due(c).cards())
        .extracting(DueCards.DueCard::target)
        .containsExactlyInAnyOrder("NCCL", "Kubernetes");
    assertThat(due(c).cards().stream().filter(d -> d.target().equals("Kubernetes")).findFirst())
        .get()
        .extracting(DueCards.DueCard::reps)
        .as("reviewed once, not twice")
        .isEqualTo(1);
  }

  @Test
  void anotherCandidateSeesNoneOfIt() {
    String c = "c-mine-" + run;
    review(c, CardKind.VOCABULARY, vocab, "AGAIN");
    assertThat(due(c).cards()).hasSize(1);
    DueCards theirs = due("c-theirs-" + run);
    assertThat(theirs.cards()).isEmpty();
    assertThat(theirs.vocabularyCarded()).isEmpty();
  }

  @Test
  void badReviewsGetAProblem() {
    String c = "c-bad-" + run;
    assertProblem(
        http,
        post(c, Map.of("kind", "VOCABULARY", "itemRef", vocab, "rating", "SUPER")),
        400,
        null);
    assertProblem(http, post(c, Map.of("kind", "VOCABULARY", "itemRef", vocab)), 400, "rating");
    assertProblem(
        http,
        post(c, Map.of("kind", "VOCABULARY", "itemRef", "", "rating", "GOOD")),
        400,
        "itemRef");
    assertProblem(
        http,
        post(c, Map.of("kind", "QUIZ_ITEM", "itemRef", quiz, "rating", "GOOD")),
        404,
        "itemRef");
    assertProblem(
        http,
        post(c, Map.of("kind", "VOCABULARY", "itemRef", "new-" + run, "rating", "GOOD")),
        400,
        "label");
    assertProblem(
        http,
        post(c, Map.of("kind", "VOCABULARY", "itemRef", quiz, "rating", "GOOD", "label", TERM)),
        400,
        "itemRef");
    assertProblem(http, HttpRequest.GET("/api/repetition/due"), 401, "Authorization");
    assertThat(due(c).cards()).isEmpty();
  }

  private DueCards due(String candidate) {
    return http.toBlocking()
        .retrieve(asCandidate(HttpRequest.GET("/api/repetition/due"), candidate), DueCards.class);
  }

  private ReviewResult review(String candidate, CardKind kind, String itemRef, String rating) {
    return http.toBlocking()
        .retrieve(
            post(
                candidate,
                Map.of("kind", kind.name(), "itemRef", itemRef, "rating", rating, "label", TERM)),
            ReviewResult.class);
  }

  private static HttpRequest<?> post(String candidate, Object body) {
    return asCandidate(HttpRequest.POST("/api/repetition/reviews", body), candidate);
  }

  private static PronunciationScored drill(String candidate, String term, String verdict) {
    return new PronunciationScored(
        UUID.randomUUID(),
        PronunciationScored.SCHEMA_VERSION,
        Instant.now(),
        UUID.randomUUID(),
        candidate,
        term,
        "something",
        verdict,
        "RETRY".equals(verdict) ? 20 : 95);
  }
}
