package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.EvaluationSet.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Searches the grid of {@link ScoringSettings} on the tuning part of the evaluation set only and
 * prints the best settings; the held-out part is scored only for the chosen one. Run it after a
 * change to the scorer, in assessment-service: {@code mvn -q test-compile
 * dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt}, then {@code
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)"
 * dev.rehearse.assessment.scoring.CalibrationSearch}.
 */
final class CalibrationSearch {
  private CalibrationSearch() {}

  record Trial(ScoringSettings settings, double tuning, double firstRelease) {}

  public static void main(String[] args) {
    EvaluationSet set = EvaluationSet.load();
    List<EvaluationSet.Answer> tuning = set.answers.stream().filter(a -> !a.heldOut()).toList();
    List<Trial> trials = new ArrayList<>();
    for (ScoringSettings s : grid()) {
      List<Outcome> outcomes = set.score(Scorers.scorer(s), tuning);
      trials.add(
          new Trial(
              s,
              EvaluationSet.accuracy(outcomes),
              EvaluationSet.accuracy(
                  outcomes.stream().filter(o -> o.answer().firstRelease()).toList())));
    }
    trials.sort(Comparator.comparingDouble(Trial::tuning).reversed());
    trials.stream()
        .limit(15)
        .forEach(
            t ->
                System.out.printf(
                    Locale.ROOT,
                    "tuning %.3f first-release(tuning) %.3f  %s%n",
                    t.tuning(),
                    t.firstRelease(),
                    t.settings()));
  }

  static List<ScoringSettings> grid() {
    List<ScoringSettings> out = new ArrayList<>();
    for (double pLo : new double[] {0.45, 0.50, 0.55}) {
      for (double aLo : new double[] {0.35, 0.40, 0.45}) {
        for (double aSpan : new double[] {0.2, 0.3}) {
          for (double close : new double[] {0.5, 0.75, 1.0}) {
            for (double clear : new double[] {0.45, 0.50, 0.55}) {
              out.add(new ScoringSettings(pLo, pLo + 0.2, aLo, aLo + aSpan, 0.40, close, clear));
            }
          }
        }
      }
    }
    return out;
  }
}
