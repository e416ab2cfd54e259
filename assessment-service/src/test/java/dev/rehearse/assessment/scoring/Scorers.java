package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.meaning.QuestionVectors;
import dev.rehearse.assessment.meaning.SentenceEncoder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scorers for tests that need no application context: the real sentence model, with vectors kept in
 * memory. The encoder remembers what it has encoded, so a grid of settings over the same answers
 * runs the model once per text.
 */
final class Scorers {
  static final SentenceEncoder ENCODER = new RememberingEncoder();

  private Scorers() {}

  static RubricScorer scorer() {
    return scorer(ScoringSettings.CALIBRATED);
  }

  static RubricScorer scorer(ScoringSettings settings) {
    return new RubricScorer(ENCODER, new QuestionVectors(ENCODER), settings);
  }

  private static final class RememberingEncoder extends SentenceEncoder {
    private final Map<String, float[]> seen = new ConcurrentHashMap<>();

    @Override
    public float[][] encode(List<String> texts) {
      List<String> missing = texts.stream().filter(t -> !seen.containsKey(t)).distinct().toList();
      float[][] fresh = super.encode(missing);
      for (int i = 0; i < missing.size(); i++) {
        seen.put(missing.get(i), fresh[i]);
      }
      return texts.stream().map(seen::get).toArray(float[][]::new);
    }
  }
}
