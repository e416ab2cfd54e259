package dev.rehearse.assessment.progress;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;

/**
 * Direction of a series of scores: the mean of the later half minus the mean of the earlier half.
 * At least {@link #MIN_POINTS} scores are needed; a change of {@link #THRESHOLD} points or more
 * counts as improving or declining. {@code pointsNeeded} says how many more scores a trend needs (0
 * once there are enough), so pages need not know the minimum.
 */
@Serdeable
public record Trend(String direction, double delta, String explanation, int pointsNeeded) {
  static final int MIN_POINTS = 3;
  static final double THRESHOLD = 5;

  static Trend of(List<Integer> scores) {
    if (scores.size() < MIN_POINTS) {
      return new Trend(
          "not enough data",
          0,
          "a trend needs at least " + MIN_POINTS + " scored answers",
          MIN_POINTS - scores.size());
    }
    int half = scores.size() / 2;
    double earlier =
        scores.subList(0, half).stream().mapToInt(Integer::intValue).average().orElse(0);
    double later =
        scores.subList(scores.size() - half, scores.size()).stream()
            .mapToInt(Integer::intValue)
            .average()
            .orElse(0);
    double delta = Math.round((later - earlier) * 10) / 10.0;
    String direction =
        delta >= THRESHOLD ? "improving" : delta <= -THRESHOLD ? "declining" : "steady";
    return new Trend(
        direction,
        delta,
        String.format(
            Locale.ROOT,
            "the latest %d answers average %.0f, the first %d average %.0f",
            half,
            later,
            half,
            earlier),
        0);
  }
}
