package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calibrated settings are still the best of their neighbourhood on the tuning part of the
 * evaluation set (the held-out part plays no part). After a change to the scorer, run {@link
 * CalibrationSearch} over the wider grid and update {@link ScoringSettings#CALIBRATED}.
 */
class ScoringCalibrationTest {
  @Test
  void noNeighbouringSettingScoresTheTuningPartClearlyBetter() {
    EvaluationSet set = EvaluationSet.load();
    List<EvaluationSet.Answer> tuning = set.answers.stream().filter(a -> !a.heldOut()).toList();
    ScoringSettings c = ScoringSettings.CALIBRATED;
    double chosen = EvaluationSet.accuracy(set.score(Scorers.scorer(c), tuning));
    for (double step : new double[] {-0.05, 0.05}) {
      List<ScoringSettings> neighbours =
          List.of(
              new ScoringSettings(
                  c.phraseLo() + step,
                  c.phraseHi() + step,
                  c.anchorLo(),
                  c.anchorHi(),
                  c.anchorMin(),
                  c.closeness(),
                  c.ruleClear()),
              new ScoringSettings(
                  c.phraseLo(),
                  c.phraseHi(),
                  c.anchorLo() + step,
                  c.anchorHi() + step,
                  c.anchorMin(),
                  c.closeness(),
                  c.ruleClear()),
              new ScoringSettings(
                  c.phraseLo(),
                  c.phraseHi(),
                  c.anchorLo(),
                  c.anchorHi(),
                  c.anchorMin(),
                  Math.min(1, c.closeness() + step * 5),
                  c.ruleClear() + step));
      for (ScoringSettings n : neighbours) {
        double accuracy = EvaluationSet.accuracy(set.score(Scorers.scorer(n), tuning));
        assertThat(accuracy)
            .as("%s scores %.3f against the calibrated %.3f", n, accuracy, chosen)
            .isLessThanOrEqualTo(chosen + 0.011);
      }
    }
  }
}
