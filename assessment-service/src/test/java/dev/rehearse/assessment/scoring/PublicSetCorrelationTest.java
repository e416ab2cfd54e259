package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scores public, human-graded short-answer sets (SemEval-2013 Task 7: Beetle and SciEntsBank; see
 * evaluation/public/README.md) the way a content pack's rubric-free item is scored: each question
 * imported with its reference answer as the model answer and no rubric. The scores must follow the
 * people's grades. No setting was fitted to these sets; the share of the reference answer's words
 * an answer uses is reported beside, as the baseline any scorer should at least approach.
 */
class PublicSetCorrelationTest {
  @ParameterizedTest
  @CsvSource({
    // measured 2026-11-30: Beetle r = 0.354 (word share alone 0.355), SciEntsBank r = 0.469 (0.383)
    "beetle, 0.33",
    "scientsbank, 0.45",
  })
  void scoresFromModelAnswersAloneFollowTheHumanGrades(String set, double minPearson)
      throws IOException {
    RubricScorer scorer = Scorers.scorer();
    List<Double> scores = new ArrayList<>();
    List<Double> wordShares = new ArrayList<>();
    List<Double> grades = new ArrayList<>();
    for (PublicGradedSet.Question q : PublicGradedSet.load("/evaluation/public/" + set + ".yml")) {
      CatalogQuestion item =
          new CatalogQuestion(
              q.id(),
              "public",
              "Beginner",
              q.text(),
              List.of(),
              List.of(),
              Instant.EPOCH,
              q.referenceAnswer());
      for (PublicGradedSet.StudentAnswer a : q.answers()) {
        scores.add((double) scorer.score(item, a.text()).score());
        wordShares.add(wordShare(q, a.text()));
        grades.add(a.grade());
      }
    }
    double[] g = grades.stream().mapToDouble(Double::doubleValue).toArray();
    double r = Correlation.pearson(scores.stream().mapToDouble(Double::doubleValue).toArray(), g);
    double baseline =
        Correlation.pearson(wordShares.stream().mapToDouble(Double::doubleValue).toArray(), g);
    String report =
        String.format(
            Locale.ROOT,
            "%s (SemEval-2013 Task 7): %d answers, Pearson r = %.3f;"
                + " share of the reference answer's words r = %.3f%n",
            set,
            scores.size(),
            r,
            baseline);
    System.out.print(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "public-set-report-" + set + ".txt"), report);
    assertThat(r).isGreaterThanOrEqualTo(minPearson);
  }

  /**
   * The share of the reference answer's content words, other than the question's, that the answer
   * uses.
   */
  private static double wordShare(PublicGradedSet.Question q, String answer) {
    Set<String> wanted = new HashSet<>(ScoringTexts.contentTerms(q.referenceAnswer()));
    wanted.removeAll(ScoringTexts.contentTerms(q.text()));
    Set<String> said = ScoringTexts.contentTerms(answer);
    return wanted.isEmpty()
        ? 0
        : (double) wanted.stream().filter(said::contains).count() / wanted.size();
  }
}
