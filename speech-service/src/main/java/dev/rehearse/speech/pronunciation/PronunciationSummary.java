package dev.rehearse.speech.pronunciation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A candidate's drilling so far: how many terms they practised and passed (a CORRECT or CLOSE
 * verdict at least once), and per term its attempts, best score, last verdict and the sayings
 * judged CORRECT; {@link #MASTERED_AFTER} of those master a term.
 */
@Serdeable
public record PronunciationSummary(
    int attempts, int termsPractised, int termsPassed, List<TermSummary> terms) {
  /** Said clearly this many times, a term is mastered. */
  public static final int MASTERED_AFTER = 3;

  static PronunciationSummary of(List<TermSummary> terms) {
    return new PronunciationSummary(
        terms.stream().mapToInt(TermSummary::attempts).sum(),
        terms.size(),
        (int) terms.stream().filter(TermSummary::passed).count(),
        terms);
  }

  @Introspected
  @Serdeable
  public record TermSummary(
      String term,
      int attempts,
      boolean passed,
      int bestScore,
      Verdict lastVerdict,
      Instant lastAt,
      int correct,
      boolean mastered) {}
}
