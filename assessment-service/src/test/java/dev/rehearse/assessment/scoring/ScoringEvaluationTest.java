package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.contracts.AttemptScored.Mode;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Scores every labelled answer of the evaluation set and compares the band with the coach's band.
 * Reports accuracy on the tuning part and on the held-out part (never used while tuning) apart,
 * and writes the per-answer table to target/evaluation-report.txt.
 */
class ScoringEvaluationTest {
  private final RubricScorer scorer = new RubricScorer();

  record Outcome(String id, String kind, boolean heldOut, String expected, String actual, int score) {
    boolean correct() {
      return expected.equals(actual);
    }
  }

  @Test
  void atLeastNinetyPercentOfLabelledAnswersLandInTheirBand() throws IOException {
    Map<String, RedFlagRule> rules = RedFlagRulesTest.load().stream().map(RedFlagRulesTest::rule)
        .collect(Collectors.toMap(RedFlagRule::id, Function.identity()));
    Map<String, CatalogQuestion> questions = questions(rules);
    List<Map<String, Object>> answers = yaml("/evaluation/answers.yml").get("answers");
    assertThat(answers).hasSizeGreaterThanOrEqualTo(60);
    assertThat(questions).hasSizeGreaterThanOrEqualTo(10);

    List<Outcome> outcomes = new ArrayList<>();
    for (Map<String, Object> a : answers) {
      CatalogQuestion q = questions.get((String) a.get("question"));
      Mode mode = "SPOKEN".equals(a.get("mode")) ? Mode.SPOKEN : Mode.TYPED;
      ScoreResult r = scorer.score(q, ((String) a.get("text")).trim(), mode);
      outcomes.add(new Outcome((String) a.get("id"), (String) a.get("kind"), Boolean.TRUE.equals(a.get("heldOut")),
          (String) a.get("band"), r.band().label(), r.score()));
    }
    List<Outcome> tuning = outcomes.stream().filter(o -> !o.heldOut()).toList();
    List<Outcome> heldOut = outcomes.stream().filter(Outcome::heldOut).toList();
    String report = report(outcomes, tuning, heldOut);
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "evaluation-report.txt"), report);

    assertThat((double) heldOut.size() / outcomes.size()).isGreaterThanOrEqualTo(0.2);
    assertThat(accuracy(outcomes)).as(report).isGreaterThanOrEqualTo(0.9);
  }

  private static String report(List<Outcome> all, List<Outcome> tuning, List<Outcome> heldOut) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Scoring evaluation: overall %.1f%% (%d answers), tuning %.1f%% (%d), held-out %.1f%% (%d)%n",
        100 * accuracy(all), all.size(), 100 * accuracy(tuning), tuning.size(), 100 * accuracy(heldOut), heldOut.size()));
    all.stream().collect(Collectors.groupingBy(Outcome::kind, java.util.TreeMap::new, Collectors.toList()))
        .forEach((kind, list) -> out.append(String.format(Locale.ROOT, "  %-10s %5.1f%% of %d%n", kind, 100 * accuracy(list), list.size())));
    for (Outcome o : all) {
      out.append(String.format(Locale.ROOT, "%s %-16s %-10s %-8s expected %-10s got %-10s score %3d%n",
          o.correct() ? " " : "X", o.id(), o.kind(), o.heldOut() ? "held-out" : "tuning", o.expected(), o.actual(), o.score()));
    }
    return out.toString();
  }

  private static double accuracy(List<Outcome> list) {
    return list.isEmpty() ? 1 : (double) list.stream().filter(Outcome::correct).count() / list.size();
  }

  @SuppressWarnings("unchecked")
  static Map<String, CatalogQuestion> questions(Map<String, RedFlagRule> rules) {
    List<Map<String, Object>> items = yaml("/evaluation/questions.yml").get("items");
    return items.stream().collect(Collectors.toMap(i -> (String) i.get("id"), i -> new CatalogQuestion(
        (String) i.get("id"), (String) i.get("skill"), (String) i.get("level"), (String) i.get("question"),
        ((List<Map<String, Object>>) i.get("rubric")).stream().map(c -> new RubricConcept((String) c.get("id"),
            (String) c.get("label"), (Integer) c.get("weight"), ((List<Object>) c.get("synonyms")).stream().map(String::valueOf).toList())).toList(),
        ((List<String>) i.get("redFlags")).stream().map(rules::get).toList(), Instant.EPOCH)));
  }

  static Map<String, List<Map<String, Object>>> yaml(String resource) {
    try (InputStream in = ScoringEvaluationTest.class.getResourceAsStream(resource)) {
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
