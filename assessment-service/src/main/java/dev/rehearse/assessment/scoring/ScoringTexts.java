package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.meaning.Clauses;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a question is compared with by meaning, derived from the catalog copy alone (no model call):
 * its concepts (the rubric, or else the model answer's key points), the model answer's key points,
 * the question itself, and for each MISSING red-flag rule the sentences that describe what clears it.
 * The vectors of {@link #all()} are computed when the catalog copy changes.
 */
record ScoringTexts(
    List<RubricConcept> concepts,
    boolean derived,
    List<RubricConcept> keyPoints,
    String question,
    Map<String, List<String>> ruleSentences) {

  static ScoringTexts of(CatalogQuestion q) {
    boolean derived = q.concepts().isEmpty();
    List<RubricConcept> keyPoints = KeyPoints.derive(q.modelAnswer());
    List<RubricConcept> concepts = derived ? keyPoints : q.concepts();
    Map<String, List<String>> rules = new LinkedHashMap<>();
    for (RedFlagRule rule : q.redFlags()) {
      if (rule.kind() == RedFlagRule.Kind.MISSING) {
        rules.put(rule.id(), ruleSentences(rule));
      }
    }
    return new ScoringTexts(concepts, derived, keyPoints, q.text(), rules);
  }

  /** The phrases a concept is known by: its label and synonyms. */
  static List<String> phrases(RubricConcept c) {
    return Stream.concat(Stream.of(c.label()), c.synonyms().stream()).distinct().toList();
  }

  /**
   * What a rule's explanation says a good answer does (its sentences that are not themselves
   * negative, such as "The answer does not say ..."), and its phrases of more than one word.
   */
  private static List<String> ruleSentences(RedFlagRule rule) {
    List<String> out = new ArrayList<>();
    for (Clauses.Unit s : Clauses.of(rule.explanation())) {
      if (!Negation.of(s.text())) {
        out.add(s.text());
      }
    }
    rule.phrases().stream().filter(p -> p.strip().contains(" ")).forEach(out::add);
    return out;
  }

  List<String> all() {
    List<String> out = new ArrayList<>();
    concepts.forEach(c -> out.addAll(phrases(c)));
    keyPoints.forEach(k -> out.add(k.label()));
    out.add(question);
    ruleSentences.values().forEach(out::addAll);
    return out.stream().distinct().toList();
  }
}
