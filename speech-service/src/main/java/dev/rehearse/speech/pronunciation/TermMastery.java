package dev.rehearse.speech.pronunciation;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How one candidate is doing with one drill term: how often it was tried and judged CORRECT, and
 * whether that makes it mastered ({@link #MASTERED_AFTER} correct sayings).
 */
@Serdeable
public record TermMastery(String term, int attempts, int correct, boolean mastered) {
  /** Said clearly this many times, a term is mastered. */
  public static final int MASTERED_AFTER = 3;

  /** One line per term tried, in the order of the terms' names. */
  static List<TermMastery> of(Collection<PronunciationAttempt> attempts) {
    Map<String, List<PronunciationAttempt>> byTerm =
        attempts.stream().collect(Collectors.groupingBy(PronunciationAttempt::term));
    return byTerm.entrySet().stream()
        .map(
            e -> {
              int correct =
                  (int) e.getValue().stream().filter(a -> a.verdict() == Verdict.CORRECT).count();
              return new TermMastery(
                  e.getKey(), e.getValue().size(), correct, correct >= MASTERED_AFTER);
            })
        .sorted(Comparator.comparing(TermMastery::term))
        .toList();
  }
}
