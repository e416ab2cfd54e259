package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.ScoreResult.Band;
import dev.rehearse.assessment.scoring.ScoreResult.MatchKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How a score was built, with the scorer's own numbers: the points each concept earned (they add up
 * to {@code coverage}), then each adjustment in the order it was applied (closeness to the model
 * answer, red-flag claims, the cap for the answer's form), each with the score before and after, so
 * that {@code coverage} plus every adjustment's {@code points} is {@code score}; and the band
 * cut-offs.
 */
@Serdeable
public record ScoreBreakdown(
    List<ConceptLine> concepts,
    int coverage,
    List<Adjustment> adjustments,
    int score,
    List<BandCut> bands) {

  /**
   * One concept: its weight in the rubric, whether and how it was found, the share of its weight
   * earned ({@code credit}, 0 when missed) and the points of 100 that earned.
   */
  @Serdeable
  public record ConceptLine(
      String concept,
      String label,
      int weight,
      boolean found,
      @Nullable MatchKind how,
      @Nullable Double similarity,
      double credit,
      int points) {}

  /**
   * A step after concept coverage: {@code rule} names it (CLOSENESS, WHOLE_ANSWER, CLAIM, ECHO_CAP,
   * KEYWORD_LIST_CAP, VERY_BRIEF_CAP, BRIEF_CAP), {@code points} is {@code after - before}, {@code
   * cap} the cap's value for a cap.
   */
  @Serdeable
  public record Adjustment(
      String rule, String description, int before, int after, int points, @Nullable Integer cap) {
    static Adjustment of(String rule, String description, int before, int after, Integer cap) {
      return new Adjustment(rule, description, before, after, after - before, cap);
    }
  }

  /** The lowest score of a band. */
  @Serdeable
  public record BandCut(String band, int from) {}

  /** Every band from the lowest, with the score it starts at. */
  static List<BandCut> cutOffs() {
    return Arrays.stream(Band.values())
        .map(b -> new BandCut(b.label(), b.from()))
        .sorted(Comparator.comparingInt(BandCut::from))
        .toList();
  }

  /**
   * Whole points for shares of 100 that add up to exactly {@code total} (largest remainders get the
   * points rounding left over; {@code total} is the rounded sum of {@code exact}), so that the
   * table's column sums to the coverage shown.
   */
  static int[] apportion(double[] exact, int total) {
    int[] out = new int[exact.length];
    int given = 0;
    for (int i = 0; i < exact.length; i++) {
      out[i] = (int) Math.floor(exact[i]);
      given += out[i];
    }
    Integer[] order =
        IntStream.range(0, exact.length)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> -(exact[i] - Math.floor(exact[i]))))
            .toArray(Integer[]::new);
    for (int k = 0; given < total && k < order.length; k++, given++) {
      out[order[k]]++;
    }
    return out;
  }
}
