package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.meaning.Clauses;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What a question is compared with by meaning, derived from the catalog copy alone (no model call):
 * its concepts (the rubric, or else the model answer's key points), the model answer's key points,
 * the question itself, and for each MISSING red-flag rule the sentences that describe what clears
 * it. The vectors of {@link #all()} are computed when the catalog copy changes.
 */
record ScoringTexts(
    List<RubricConcept> concepts,
    boolean derived,
    List<RubricConcept> keyPoints,
    String question,
    String modelAnswer,
    Map<String, List<String>> ruleSentences,
    Set<String> questionTerms,
    Set<String> modelTerms,
    int modelWords,
    Map<String, Set<String>> terms) {

  /** The content terms (stems) of a text, as {@link AnswerText} analyses it. */
  static Set<String> contentTerms(String text) {
    Set<String> out = new HashSet<>();
    new AnswerText(text).content().forEach(t -> out.add(t.term()));
    return out;
  }

  /** The content terms of one of this question's key points or rule sentences. */
  Set<String> termsOf(String text) {
    return terms.computeIfAbsent(text, ScoringTexts::contentTerms);
  }

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
    Map<String, Set<String>> terms = new ConcurrentHashMap<>();
    keyPoints.forEach(k -> terms.put(k.label(), contentTerms(k.label())));
    rules.values().forEach(list -> list.forEach(s -> terms.put(s, contentTerms(s))));
    String model = q.modelAnswer();
    return new ScoringTexts(
        concepts,
        derived,
        keyPoints,
        q.text(),
        model,
        rules,
        contentTerms(q.text()),
        model == null ? Set.of() : contentTerms(model),
        model == null ? 0 : new AnswerText(model).content().size(),
        terms);
  }

  /** The phrases a concept is known by: its label and synonyms. */
  static List<String> phrases(RubricConcept c) {
    return Stream.concat(Stream.of(c.label()), c.synonyms().stream()).distinct().toList();
  }

  /**
   * What clears a rule: its title without the leading "No" ("root cause in an incident story"), its
   * phrases of more than one word, and the sentences of its explanation that say what a good answer
   * does (not those that describe the flaw: "The answer does not say ...", "The answer watches only
   * ..."). The first two are compared by meaning; the explanation lends its words only, since it
   * also sets the scene ("nodes fail every day") that a clause can echo without handling anything.
   */
  private static List<String> ruleSentences(RedFlagRule rule) {
    List<String> out = new ArrayList<>(ruleTopics(rule));
    for (Clauses.Unit s : Clauses.of(rule.explanation())) {
      if (!Negation.of(s.text())
          && !s.text().toLowerCase(java.util.Locale.ROOT).contains("the answer")) {
        out.add(s.text());
      }
    }
    return out;
  }

  /** The rule's title without its leading "No", and its phrases of more than one word. */
  static List<String> ruleTopics(RedFlagRule rule) {
    List<String> out = new ArrayList<>();
    String topic = rule.title().replaceFirst("(?i)^(no|not|only|without)\\s+", "");
    if (!Negation.of(topic)) {
      out.add(topic);
    }
    rule.phrases().stream().filter(p -> p.strip().contains(" ")).forEach(out::add);
    return out;
  }

  List<String> all() {
    List<String> out = new ArrayList<>();
    concepts.forEach(c -> out.addAll(phrases(c)));
    keyPoints.forEach(k -> out.add(k.label()));
    out.add(question);
    if (modelAnswer != null) {
      out.add(modelAnswer);
    }
    ruleSentences.values().forEach(out::addAll);
    return out.stream().distinct().toList();
  }
}
