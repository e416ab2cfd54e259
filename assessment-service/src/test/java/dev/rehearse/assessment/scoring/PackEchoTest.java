package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.contracts.AttemptScored.Mode;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Echoing the question must not cover its rubric: every open question and scenario of the shipped
 * pack (read from question-service beside this module) is scored with its own text as the answer,
 * and none may score above 20. Red flags are left out, so only concept coverage counts.
 */
class PackEchoTest {
  static final int MAX_ECHO_SCORE = 20;
  static final Path ITEMS =
      Path.of("../question-service/src/main/resources/packs/ml-infrastructure/items");

  private final RubricScorer scorer = Scorers.scorer();

  @Test
  void noQuestionCoversItsRubricWithItsOwnText() throws IOException {
    List<Map<String, Object>> items = new ArrayList<>();
    items("open.yml").stream().map(HashMap::new).forEach(items::add);
    items("scenarios.yml").stream().map(PackEchoTest::asQuestion).forEach(items::add);
    items.forEach(i -> i.remove("redFlags"));
    assertThat(items).hasSizeGreaterThan(50);
    List<String> echoes = new ArrayList<>();
    for (Map<String, Object> item : items) {
      CatalogQuestion q = EvaluationSet.question(item, Map.of());
      ScoreResult r = scorer.score(q, q.text());
      int byWords = rubricCoveredByWords(q);
      System.out.printf("echo %3d words %3d %s%n", r.score(), byWords, q.questionId());
      if (r.score() > MAX_ECHO_SCORE) {
        echoes.add(q.questionId() + " scores " + r.score() + " from its own text");
      }
      if (byWords > MAX_ECHO_SCORE) {
        echoes.add(q.questionId() + "'s rubric gives " + byWords + "% to the question's own words");
      }
    }
    assertThat(echoes).as("questions whose own text scores above %d", MAX_ECHO_SCORE).isEmpty();
  }

  /**
   * The share of rubric weight the question's own words cover, with the scorer's guard against
   * echoed words switched off: a synonym the question itself uses teaches nothing about the answer.
   */
  private static int rubricCoveredByWords(CatalogQuestion q) {
    AnswerText text = new AnswerText(q.text());
    double total = 0;
    double covered = 0;
    for (RubricConcept concept : q.concepts()) {
      total += concept.weight();
      if (LexicalMatch.find(concept, text, Mode.TYPED, Set.of()).isPresent()) {
        covered += concept.weight();
      }
    }
    return total == 0 ? 0 : (int) Math.round(100 * covered / total);
  }

  /** A scenario as the candidate sees it: situation and task; its steps are the model answer. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> asQuestion(Map<String, Object> scenario) {
    Map<String, Object> q = new HashMap<>(scenario);
    q.put("question", ((String) scenario.get("situation")).trim() + "\n\n" + scenario.get("task"));
    q.put("modelAnswer", String.join(" ", (List<String>) scenario.get("steps")));
    return q;
  }

  private static List<Map<String, Object>> items(String file) throws IOException {
    try (Reader in = Files.newBufferedReader(ITEMS.resolve(file))) {
      Map<String, List<Map<String, Object>>> doc = new Yaml().load(in);
      return doc.get("items");
    }
  }
}
