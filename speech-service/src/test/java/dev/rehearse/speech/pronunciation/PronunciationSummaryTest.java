package dev.rehearse.speech.pronunciation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.speech.SpeechTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class PronunciationSummaryTest extends SpeechTestBase {
  @Inject PronunciationAttemptRepository attempts;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);

  @Test
  void countsTermsPractisedAndPassedForTheCallerOnly() {
    String candidate = "c-summary-" + run;
    drill(candidate, "NCCL", Verdict.RETRY, 30, 1);
    drill(candidate, "NCCL", Verdict.CLOSE, 70, 2);
    drill(candidate, "CUDA", Verdict.CORRECT, 95, 3);
    drill(candidate, "CUDA", Verdict.RETRY, 20, 4);
    drill(candidate, "Kubeflow", Verdict.RETRY, 10, 5);
    drill("c-someone-else-" + run, "CUDA", Verdict.CORRECT, 99, 6);

    PronunciationSummary s = summary(candidate);
    assertThat(s.attempts()).isEqualTo(5);
    assertThat(s.termsPractised()).isEqualTo(3);
    assertThat(s.termsPassed()).isEqualTo(2);
    assertThat(s.terms())
        .extracting(PronunciationSummary.TermSummary::term)
        .containsExactly("Kubeflow", "CUDA", "NCCL");
    PronunciationSummary.TermSummary cuda = s.terms().get(1);
    assertThat(cuda.attempts()).isEqualTo(2);
    assertThat(cuda.passed()).isTrue();
    assertThat(cuda.bestScore()).isEqualTo(95);
    assertThat(cuda.lastVerdict()).isEqualTo(Verdict.RETRY);
    assertThat(s.terms().get(0).passed()).isFalse();

    PronunciationSummary none = summary("c-new-" + run);
    assertThat(none.attempts()).isZero();
    assertThat(none.terms()).isEmpty();
  }

  @Test
  void threeCorrectSayingsMasterATerm() {
    String candidate = "c-mastery-" + run;
    drill(candidate, "NCCL", Verdict.CORRECT, 90, 1);
    drill(candidate, "NCCL", Verdict.CORRECT, 92, 2);
    drill(candidate, "NCCL", Verdict.RETRY, 30, 3);
    drill(candidate, "CUDA", Verdict.CORRECT, 95, 4);
    drill(candidate, "CUDA", Verdict.CLOSE, 70, 5);
    drill(candidate, "CUDA", Verdict.CORRECT, 96, 6);
    drill(candidate, "CUDA", Verdict.CORRECT, 97, 7);

    List<PronunciationSummary.TermSummary> terms = summary(candidate).terms();
    assertThat(terms)
        .extracting(t -> t.term() + " " + t.correct() + " " + t.mastered())
        .containsExactly("CUDA 3 true", "NCCL 2 false");
  }

  @Test
  void aCallerWithoutATokenIsRefused() {
    assertProblem(HttpRequest.GET("/api/pronunciation-attempts/summary"), 401, null);
  }

  private PronunciationSummary summary(String candidate) {
    return http.toBlocking()
        .retrieve(
            as(HttpRequest.GET("/api/pronunciation-attempts/summary"), candidate, "CANDIDATE"),
            PronunciationSummary.class);
  }

  private void drill(String candidate, String term, Verdict verdict, int score, int minute) {
    attempts.save(
        new PronunciationAttempt(
            UUID.randomUUID(),
            candidate,
            "pron-" + term.toLowerCase(),
            term,
            term.toLowerCase(),
            verdict,
            score,
            List.of(),
            "advice",
            start.plus(minute, ChronoUnit.MINUTES)));
  }
}
