package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.scoring.EvaluationSet.Answer;
import dev.rehearse.assessment.scoring.EvaluationSet.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
    assertThat(set.answers.stream().map(Answer::question).distinct())
        .hasSizeGreaterThanOrEqualTo(25);
    assertThat(set.questions.values().stream().filter(q -> q.concepts().isEmpty()))
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(share(Answer::heldOut)).isGreaterThanOrEqualTo(0.25);
    for (String kind :
        List.of("paraphrase", "keyword-list", "echo", "negated", "short-correct", "partial")) {
      assertThat(set.answers.stream().filter(a -> a.kind().equals(kind)))
          .as(kind)
          .hasSizeGreaterThanOrEqualTo(20);
    }
  }

  @Test
  void mostAnswersLandInTheirBandOnTheTuningAndTheHeldOutParts() {
    // measured 2026-11-30: tuning 74.6%, held-out 70.1%; the gates sit just below, so a regression
    // fails
    assertThat(EvaluationSet.accuracy(where(o -> !o.answer().heldOut())))
        .as(report())
        .isGreaterThanOrEqualTo(0.74);
    assertThat(EvaluationSet.accuracy(where(o -> o.answer().heldOut())))
        .as(report())
        .isGreaterThanOrEqualTo(0.68);
  }

  @Test
  void theFirstReleaseAnswersScoreAtLeastAsWellAsBefore() {
    // the first release put 66 of these 72 in their band (91.7%)
    assertThat(where(o -> o.answer().firstRelease() && o.correct()))
        .as(report())
        .hasSizeGreaterThanOrEqualTo(66);
  }

  /**
   * Keyword lists and echoes never pass 40; negated answers rarely do (a few keep some right
   * steps).
   */
  @Test
  void gamedAnswersScoreFortyOrLess() {
    assertThat(where(o -> List.of("keyword-list", "echo").contains(o.answer().kind())))
        .as(report())
        .allSatisfy(o -> assertThat(o.score()).isLessThanOrEqualTo(40));
    List<Outcome> gamed = where(o -> GAMING.contains(o.answer().kind()));
    assertThat(gamed.stream().filter(o -> o.score() <= 40).count())
        .as(report())
        .isGreaterThanOrEqualTo(Math.round(0.9 * gamed.size()));
  }

  /**
   * Paraphrases that share no word with the rubric are found by meaning: well above weak answers,
   * though still short of their bands on this set (see the README: a known limit of the small
   * model).
   */
  @Test
  void paraphrasesScoreWellAboveWeakAnswers() {
    double paraphrases =
        where(o -> o.answer().kind().equals("paraphrase")).stream()
            .mapToInt(Outcome::score)
            .average()
            .orElseThrow();
    double weak =
        where(o -> o.answer().kind().equals("weak")).stream()
            .mapToInt(Outcome::score)
            .average()
            .orElseThrow();
    assertThat(paraphrases).as(report()).isGreaterThanOrEqualTo(weak + 15);
  }

  /**
   * Over the set, the mean score falls from strong to partial to weak to off-topic answers; on
   * every question strong answers beat weak and off-topic ones (the full order per question is
   * reported).
   */
  @Test
  void strongerAnswersScoreHigher() {
    double strong = mean(o -> STRONG.contains(o.answer().kind()));
    double partial = mean(o -> o.answer().kind().equals("partial"));
    double weak = mean(o -> o.answer().kind().equals("weak"));
    double offTopic = mean(o -> o.answer().kind().equals("off-topic"));
    assertThat(List.of(strong, partial, weak, offTopic))
        .as(report())
        .isSortedAccordingTo(Comparator.reverseOrder());
    Map<String, String> violations = new TreeMap<>();
    set.questions
        .keySet()
        .forEach(
            q -> {
              double s =
                  mean(o -> o.answer().question().equals(q) && STRONG.contains(o.answer().kind()));
              double w =
                  mean(
                      o ->
                          o.answer().question().equals(q)
                              && List.of("weak", "off-topic").contains(o.answer().kind()));
              if (!(s > w)) {
                violations.put(q, String.format(Locale.ROOT, "strong %.0f, weak %.0f", s, w));
              }
            });
    assertThat(violations).as(report()).isEmpty();
  }

  private static final List<String> STRONG = List.of("excellent", "strong", "paraphrase");

  private static double mean(Predicate<Outcome> p) {
    return where(p).stream().mapToInt(Outcome::score).average().orElse(Double.NaN);
  }

  /**
   * Questions whose mean scores do not fall strictly from strong to partial to weak to off-topic.
   */
  private static String orderReport() {
    StringBuilder out = new StringBuilder();
    int ordered = 0;
    for (String q : new TreeMap<>(set.questions).keySet()) {
      double[] m = {
        mean(o -> o.answer().question().equals(q) && STRONG.contains(o.answer().kind())),
        mean(o -> o.answer().question().equals(q) && o.answer().kind().equals("partial")),
        mean(o -> o.answer().question().equals(q) && o.answer().kind().equals("weak")),
        mean(o -> o.answer().question().equals(q) && o.answer().kind().equals("off-topic"))
      };
      if (m[0] > m[1] && m[1] > m[2] && m[2] >= m[3]) {
        ordered++;
      } else {
        out.append(
            String.format(
                Locale.ROOT,
                "    out of order: %s %.0f > %.0f > %.0f >= %.0f%n",
                q,
                m[0],
                m[1],
                m[2],
                m[3]));
      }
    }
    return String.format(
            Locale.ROOT,
            "  order strong > partial > weak >= off-topic holds on %d of %d questions%n",
            ordered,
            set.questions.size())
        + out;
  }

  private static List<Outcome> where(Predicate<Outcome> p) {
    return outcomes.stream().filter(p).toList();
  }

  private static double share(Predicate<Answer> p) {
    return (double) set.answers.stream().filter(p).count() / set.answers.size();
  }

  private static String report() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Scoring evaluation: overall %.1f%% (%d), tuning %.1f%% (%d), held-out %.1f%% (%d),"
                + " first release %.1f%% (%d)%n",
            pct(o -> true),
            outcomes.size(),
            pct(o -> !o.answer().heldOut()),
            where(o -> !o.answer().heldOut()).size(),
            pct(o -> o.answer().heldOut()),
            where(o -> o.answer().heldOut()).size(),
            pct(o -> o.answer().firstRelease()),
            where(o -> o.answer().firstRelease()).size()));
    out.append(orderReport());
    outcomes.stream()
        .collect(Collectors.groupingBy(o -> o.answer().kind(), TreeMap::new, Collectors.toList()))
        .forEach(
            (kind, list) ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "  %-14s %5.1f%% of %3d, tuning %5.1f%%, held-out %5.1f%%,"
                            + " scores %s%n",
                        kind,
                        100 * EvaluationSet.accuracy(list),
                        list.size(),
                        100
                            * EvaluationSet.accuracy(
                                list.stream().filter(o -> !o.answer().heldOut()).toList()),
                        100
                            * EvaluationSet.accuracy(
                                list.stream().filter(o -> o.answer().heldOut()).toList()),
                        list.stream()
                            .mapToInt(Outcome::score)
                            .summaryStatistics()
                            .toString()
                            .replaceAll("IntSummaryStatistics", ""))));
    for (Outcome o : outcomes) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s %-16s %-14s %-8s expected %-10s got %-10s score %3d%n",
              o.correct() ? " " : "X",
              o.answer().id(),
              o.answer().kind(),
              o.answer().heldOut() ? "held-out" : "tuning",
              o.answer().band(),
              o.band(),
              o.score()));
    }
    return out.toString();
  }

  private static double pct(Predicate<Outcome> p) {
    return 100 * EvaluationSet.accuracy(where(p));
  }
}
