package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.contracts.AttemptScored.Mode;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * The labelled evaluation set (src/test/resources/evaluation): questions copied from the pack, some
 * with a model answer only, and answers with the band a coach gave them before they were scored.
 */
final class EvaluationSet {
  record Answer(
      String id,
      String question,
      String kind,
      String band,
      boolean heldOut,
      boolean firstRelease,
      Mode mode,
      String text) {}

  record Outcome(Answer answer, int score, String band) {
    boolean correct() {
      return answer.band().equals(band);
    }
  }

  final Map<String, CatalogQuestion> questions;
  final List<Answer> answers;

  private EvaluationSet(Map<String, CatalogQuestion> questions, List<Answer> answers) {
    this.questions = questions;
    this.answers = answers;
  }

  static EvaluationSet load() {
    Map<String, RedFlagRule> rules =
        RedFlagRulesTest.load().stream()
            .map(RedFlagRulesTest::rule)
            .collect(Collectors.toMap(RedFlagRule::id, Function.identity()));
    List<Map<String, Object>> items = yaml("/evaluation/questions.yml").get("items");
    Map<String, CatalogQuestion> questions =
        items.stream()
            .collect(Collectors.toMap(i -> (String) i.get("id"), i -> question(i, rules)));
    List<Map<String, Object>> rows = yaml("/evaluation/answers.yml").get("answers");
    List<Answer> answers =
        rows.stream()
            .map(
                a ->
                    new Answer(
                        (String) a.get("id"),
                        (String) a.get("question"),
                        (String) a.get("kind"),
                        (String) a.get("band"),
                        Boolean.TRUE.equals(a.get("heldOut")),
                        Boolean.TRUE.equals(a.get("firstRelease")),
                        "SPOKEN".equals(a.get("mode")) ? Mode.SPOKEN : Mode.TYPED,
                        ((String) a.get("text")).trim()))
            .toList();
    return new EvaluationSet(questions, answers);
  }

  List<Outcome> score(RubricScorer scorer, List<Answer> which) {
    return which.stream()
        .map(
            a -> {
              ScoreResult r = scorer.score(questions.get(a.question()), a.text(), a.mode());
              return new Outcome(a, r.score(), r.band().label());
            })
        .toList();
  }

  static double accuracy(List<Outcome> outcomes) {
    return outcomes.isEmpty()
        ? 1
        : (double) outcomes.stream().filter(Outcome::correct).count() / outcomes.size();
  }

  @SuppressWarnings("unchecked")
  static CatalogQuestion question(Map<String, Object> i, Map<String, RedFlagRule> rules) {
    List<Map<String, Object>> rubric =
        (List<Map<String, Object>>) i.getOrDefault("rubric", List.of());
    List<RubricConcept> concepts =
        rubric.stream()
            .map(
                c ->
                    new RubricConcept(
                        (String) c.get("id"),
                        (String) c.get("label"),
                        (Integer) c.get("weight"),
                        ((List<Object>) c.get("synonyms")).stream().map(String::valueOf).toList()))
            .toList();
    List<RedFlagRule> flags =
        ((List<String>) i.getOrDefault("redFlags", List.of())).stream().map(rules::get).toList();
    return new CatalogQuestion(
        (String) i.get("id"),
        (String) i.get("skill"),
        (String) i.get("level"),
        ((String) i.get("question")).trim(),
        concepts,
        flags,
        Instant.EPOCH,
        ((String) i.get("modelAnswer")).trim());
  }

  static Map<String, List<Map<String, Object>>> yaml(String resource) {
    try (InputStream in = EvaluationSet.class.getResourceAsStream(resource)) {
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
