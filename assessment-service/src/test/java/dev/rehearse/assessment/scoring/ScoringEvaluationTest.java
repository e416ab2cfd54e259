package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.scoring.EvaluationSet.Answer;
import dev.rehearse.assessment.scoring.EvaluationSet.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores every labelled answer of the evaluation set and compares the band with the coach's band.
 * Reports the tuning part and the held-out part (never used while tuning) apart, per kind, the
 * gaming kinds' scores and the per-question ordering, and writes the table to
 * target/evaluation-report.txt.
 */
class ScoringEvaluationTest {
  private static final List<String> GAMING = List.of("keyword-list", "echo", "negated");
  private static EvaluationSet set;
  private static List<Outcome> outcomes;

  @BeforeAll
  static void scoreEverything() throws IOException {
    set = EvaluationSet.load();
    outcomes = set.score(Scorers.scorer(), set.answers);
    String report = report();
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "evaluation-report.txt"), report);
  }

  @Test
  void theSetIsLargeVariedAndPartlyHeldOut() {
    assertThat(set.answers).hasSizeGreaterThanOrEqualTo(200);
    assertThat(set.answers.stream().map(Answer::question).distinct()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(set.questions.values().stream().filter(q -> q.concepts().isEmpty())).hasSizeGreaterThanOrEqualTo(5);
    assertThat(share(Answer::heldOut)).isGreaterThanOrEqualTo(0.25);
    for (String kind : List.of("paraphrase", "keyword-list", "echo", "negated", "short-correct", "partial")) {
      assertThat(set.answers.stream().filter(a -> a.kind().equals(kind))).as(kind).hasSizeGreaterThanOrEqualTo(20);
    }
  }

  @Test
  void mostAnswersLandInTheirBandOnTheTuningAndTheHeldOutParts() {
    assertThat(EvaluationSet.accuracy(where(o -> !o.answer().heldOut()))).as(report()).isGreaterThanOrEqualTo(0.80);
    assertThat(EvaluationSet.accuracy(where(o -> o.answer().heldOut()))).as(report()).isGreaterThanOrEqualTo(0.75);
  }

  @Test
  void theFirstReleaseAnswersScoreAtLeastAsWellAsBefore() {
    assertThat(EvaluationSet.accuracy(where(o -> o.answer().firstRelease()))).as(report()).isGreaterThanOrEqualTo(0.917);
  }

  @Test
  void paraphrasesScoreWellAndGamedAnswersDoNot() {
    List<Outcome> paraphrases = where(o -> o.answer().kind().equals("paraphrase"));
    assertThat(paraphrases.stream().filter(o -> o.score() >= 60).count()).as(report())
        .isGreaterThanOrEqualTo(Math.round(0.9 * paraphrases.size()));
    List<Outcome> gamed = where(o -> GAMING.contains(o.answer().kind()));
    assertThat(gamed.stream().filter(o -> o.score() <= 40).count()).as(report())
        .isGreaterThanOrEqualTo(Math.round(0.95 * gamed.size()));
  }

  /** Within each question, the mean score falls from strong to partial to weak to off-topic answers. */
  @Test
  void strongerAnswersScoreHigherOnEveryQuestion() {
    Map<String, List<String>> violations = new TreeMap<>();
    set.questions.keySet().forEach(q -> {
      double strong = mean(q, List.of("excellent", "strong", "paraphrase"));
      double partial = mean(q, List.of("partial"));
      double weak = mean(q, List.of("weak"));
      double offTopic = mean(q, List.of("off-topic"));
      if (!(strong > partial && partial > weak && weak >= offTopic)) {
        violations.put(q, List.of(String.format(Locale.ROOT, "%.0f > %.0f > %.0f >= %.0f", strong, partial, weak, offTopic)));
      }
    });
    assertThat(violations).as(report()).isEmpty();
  }

  private static double mean(String question, List<String> kinds) {
    return where(o -> o.answer().question().equals(question) && kinds.contains(o.answer().kind())).stream()
        .mapToInt(Outcome::score).average().orElse(Double.NaN);
  }

  private static List<Outcome> where(Predicate<Outcome> p) {
    return outcomes.stream().filter(p).toList();
  }

  private static double share(Predicate<Answer> p) {
    return (double) set.answers.stream().filter(p).count() / set.answers.size();
  }

  private static String report() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Scoring evaluation: overall %.1f%% (%d), tuning %.1f%% (%d), held-out %.1f%% (%d),"
            + " first release %.1f%% (%d)%n",
        pct(o -> true), outcomes.size(), pct(o -> !o.answer().heldOut()), where(o -> !o.answer().heldOut()).size(),
        pct(o -> o.answer().heldOut()), where(o -> o.answer().heldOut()).size(),
        pct(o -> o.answer().firstRelease()), where(o -> o.answer().firstRelease()).size()));
    outcomes.stream().collect(Collectors.groupingBy(o -> o.answer().kind(), TreeMap::new, Collectors.toList()))
        .forEach((kind, list) -> out.append(String.format(Locale.ROOT, "  %-14s %5.1f%% of %3d, tuning %5.1f%%, held-out %5.1f%%,"
                + " scores %s%n", kind, 100 * EvaluationSet.accuracy(list), list.size(),
            100 * EvaluationSet.accuracy(list.stream().filter(o -> !o.answer().heldOut()).toList()),
            100 * EvaluationSet.accuracy(list.stream().filter(o -> o.answer().heldOut()).toList()),
            list.stream().mapToInt(Outcome::score).summaryStatistics().toString().replaceAll("IntSummaryStatistics", ""))));
    for (Outcome o : outcomes) {
      out.append(String.format(Locale.ROOT, "%s %-16s %-14s %-8s expected %-10s got %-10s score %3d%n",
          o.correct() ? " " : "X", o.answer().id(), o.answer().kind(), o.answer().heldOut() ? "held-out" : "tuning",
          o.answer().band(), o.band(), o.score()));
    }
    return out.toString();
  }

  private static double pct(Predicate<Outcome> p) {
    return 100 * EvaluationSet.accuracy(where(p));
  }
}
