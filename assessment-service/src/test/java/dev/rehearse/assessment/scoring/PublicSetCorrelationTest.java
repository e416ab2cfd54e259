package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Scores a public, human-graded short-answer set (SemEval-2013 Task 7, Beetle; see
 * evaluation/public/README.md) the way a content pack's rubric-free item is scored: each question
 * imported with its reference answer as the model answer and no rubric. The scores must follow the
 * people's grades. Nothing of this set was used to choose the scorer's settings.
 */
class PublicSetCorrelationTest {
  /** Measured 2026-11-30 at the calibrated settings: r = 0.297; a change that loses more than a little fails. */
  static final double MIN_PEARSON = 0.27;

  @Test
  void scoresFromModelAnswersAloneFollowTheHumanGrades() throws IOException {
    RubricScorer scorer = Scorers.scorer();
    List<Double> scores = new ArrayList<>();
    List<Double> grades = new ArrayList<>();
    for (PublicGradedSet.Question q : PublicGradedSet.load("/evaluation/public/beetle.yml")) {
      CatalogQuestion item = new CatalogQuestion(q.id(), "public", "Beginner", q.text(), List.of(), List.of(),
          Instant.EPOCH, q.referenceAnswer());
      for (PublicGradedSet.StudentAnswer a : q.answers()) {
        scores.add((double) scorer.score(item, a.text()).score());
        grades.add(a.grade());
      }
    }
    double r = Correlation.pearson(scores.stream().mapToDouble(Double::doubleValue).toArray(),
        grades.stream().mapToDouble(Double::doubleValue).toArray());
    String report = String.format(Locale.ROOT, "Beetle (SemEval-2013 Task 7): %d answers, Pearson r = %.3f%n", scores.size(), r);
    System.out.print(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "public-set-report.txt"), report);
    assertThat(r).isGreaterThanOrEqualTo(MIN_PEARSON);
  }
}
