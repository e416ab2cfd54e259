package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.meaning.Clauses;
import dev.rehearse.assessment.meaning.SentenceEncoder;
import dev.rehearse.assessment.meaning.TextVectors;
import dev.rehearse.assessment.scoring.AnswerText.Span;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.MatchKind;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares an answer's clauses with a question's texts by meaning. A clause counts for a text only
 * when both are said the same way round (a clause that negates what the text affirms earns nothing)
 * and it is not an echo of the question. Similarities become credit through {@link
 * ScoringSettings}.
 */
final class MeaningMatch {
  private static final double LOOSE_LO = 0.2;
  private static final double LOOSE_HI = 0.8;
  private final ScoringTexts texts;
  private final TextVectors known;
  private final AnswerUnits answer;
  private final ScoringSettings settings;

  /** The answer's content terms outside negated clauses, gathered on first use. */
  private Set<String> said;

  MeaningMatch(
      ScoringTexts texts, TextVectors known, AnswerUnits answer, ScoringSettings settings) {
    this.texts = texts;
    this.known = known;
    this.answer = answer;
    this.settings = settings;
  }

  /**
   * No comparison by meaning: nothing is found, and a MISSING rule is cleared by any of its
   * phrases.
   */
  static MeaningMatch none(ScoringTexts texts) {
    return new MeaningMatch(texts, null, null, null);
  }

  /**
   * The best clause for a concept by meaning, with the credit its similarity earns; empty if none
   * earns any.
   */
  Optional<ConceptHit> find(RubricConcept concept, boolean derived, AnswerText text) {
    if (answer == null) {
      return Optional.empty();
    }
    Best best = new Best();
    if (derived) {
      best.consider(concept.label(), settings.anchorLo(), settings.anchorHi());
    } else {
      ScoringTexts.phrases(concept)
          .forEach(p -> best.consider(p, settings.phraseLo(), settings.phraseHi()));
      anchor(concept).ifPresent(a -> best.consider(a, settings.anchorLo(), settings.anchorHi()));
    }
    double credit = best.credit;
    if (derived) {
      // a key point is a whole sentence: a looser reading of its similarity, averaged with the
      // share of
      // its own words the answer uses, credits answers that say part of it
      double loose = best.unit < 0 ? 0 : ScoringSettings.ramp(best.similarity, LOOSE_LO, LOOSE_HI);
      credit = Math.max(credit, (loose + overlap(concept.label(), text)) / 2);
    }
    if (credit <= 0) {
      return Optional.empty();
    }
    Clauses.Unit u = best.unit < 0 ? answer.units.get(0) : answer.units.get(best.unit);
    return Optional.of(
        new ConceptHit(
            concept.id(),
            concept.label(),
            u.text(),
            u.start(),
            u.end(),
            best.text,
            MatchKind.MEANING,
            concept.weight(),
            round(best.similarity),
            round(credit)));
  }

  /**
   * The model-answer key point a rubric concept stands for: the one closest to its phrases, if
   * close enough.
   */
  private Optional<String> anchor(RubricConcept concept) {
    String anchor = null;
    double best = settings.anchorMin();
    for (RubricConcept keyPoint : texts.keyPoints()) {
      String clause = keyPoint.label();
      for (String phrase : ScoringTexts.phrases(concept)) {
        double s = SentenceEncoder.cosine(known.get(phrase), known.get(clause));
        if (s >= best) {
          best = s;
          anchor = clause;
        }
      }
    }
    return Optional.ofNullable(anchor);
  }

  /**
   * How close the answer as a whole is to the model answer, 0..1, for an item without a rubric: the
   * mean of how close its gist is (the mean vector of its clauses against the model answer's) and
   * the share of the model answer's own words it uses outside negated clauses. On short reference
   * answers this follows people's grades better than key points alone (PublicSetCorrelationTest);
   * the gist keeps negated clauses, which often say the right thing ("they are not connected"),
   * while their words earn nothing. 0 without a model answer.
   */
  double wholeAnswer(AnswerText text) {
    if (answer == null || texts.modelAnswer() == null || answer.units.isEmpty()) {
      return 0;
    }
    float[] sum = new float[answer.vectors[0].length];
    for (float[] v : answer.vectors) {
      for (int j = 0; j < v.length; j++) {
        sum[j] += v[j];
      }
    }
    double norm = 0;
    for (float f : sum) {
      norm += f * f;
    }
    double gist =
        Math.max(0, SentenceEncoder.cosine(sum, known.get(texts.modelAnswer())) / Math.sqrt(norm));
    return (gist + overlap(texts.modelAnswer(), text)) / 2;
  }

  /**
   * Share of a key point's own words (not the question's, unless it has no others) that the answer
   * uses, in clauses not negated.
   */
  private double overlap(String keyPoint, AnswerText text) {
    Set<String> wanted = new HashSet<>(texts.termsOf(keyPoint));
    wanted.removeAll(texts.questionTerms());
    if (wanted.isEmpty()) {
      // a key point in the question's own words ("terminal 1 and the positive terminal"): they are
      // what it asks for
      wanted.addAll(texts.termsOf(keyPoint));
    }
    if (said == null) {
      said = new HashSet<>();
      for (int i = 0; i < answer.units.size(); i++) {
        if (!answer.negated[i]) {
          said.addAll(answer.terms.get(i));
        }
      }
    }
    return wanted.isEmpty()
        ? 0
        : (double) wanted.stream().filter(said::contains).count() / wanted.size();
  }

  /**
   * How close the whole answer is to the model answer, 0..1: the weighted share of the model
   * answer's key points the answer says, each matched as a concept is (so a negated answer is not
   * close however alike its words are); null without a model answer.
   */
  Double closeness(AnswerText text) {
    if (answer == null) {
      return null;
    }
    double total = 0;
    double earned = 0;
    for (RubricConcept keyPoint : texts.keyPoints()) {
      total += keyPoint.weight();
      earned += keyPoint.weight() * find(keyPoint, true, text).map(ConceptHit::credit).orElse(0.0);
    }
    return total == 0 ? null : earned / total;
  }

  /**
   * Whether the answer clears a MISSING rule. With a span (a one-word phrase found there), the
   * clause around it must also use another word of what the rule asks for ("we checkpoint and
   * resume when a node is lost"), or say it by meaning; "but I really like it" does not clear "no
   * trade-offs". Without a span, some clause must say it by meaning alone: be close to the rule's
   * topic or phrases.
   */
  boolean clears(RedFlagRule rule, Span at) {
    if (answer == null) {
      return at != null;
    }
    List<String> sentences = texts.ruleSentences().getOrDefault(rule.id(), List.of());
    for (int i = 0; i < answer.units.size(); i++) {
      Clauses.Unit u = answer.units.get(i);
      if (at != null && (at.start() < u.start() || at.start() >= u.end())) {
        continue;
      }
      if (at != null && sharesRuleWord(answer.terms.get(i), at.text(), sentences)) {
        return true;
      }
      if (answer.negated[i] && at == null) {
        continue;
      }
      for (String topic : ScoringTexts.ruleTopics(rule)) {
        if (SentenceEncoder.cosine(known.get(topic), answer.vectors[i]) >= settings.ruleClear()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The clause of the answer closest in meaning to any of a question's texts (concept phrases or a
   * rule's sentences), however far: what advice quotes back to the candidate. Empty without the
   * sentence model or an answer.
   */
  Optional<Span> nearest(List<String> about) {
    if (answer == null || answer.units.isEmpty()) {
      return Optional.empty();
    }
    int unit = 0;
    double best = -2;
    for (String text : about) {
      float[] v = known.get(text);
      for (int i = 0; v != null && i < answer.units.size(); i++) {
        double s = SentenceEncoder.cosine(v, answer.vectors[i]);
        if (s > best) {
          best = s;
          unit = i;
        }
      }
    }
    Clauses.Unit u = answer.units.get(unit);
    return Optional.of(new Span(u.text(), u.start(), u.end()));
  }

  private boolean sharesRuleWord(Set<String> clause, String phrase, List<String> sentences) {
    Set<String> words = new HashSet<>(clause);
    words.removeAll(ScoringTexts.contentTerms(phrase));
    return sentences.stream().anyMatch(s -> texts.termsOf(s).stream().anyMatch(words::contains));
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  /** The best clause so far for one concept. */
  private final class Best {
    int unit = -1;
    double similarity;
    double credit;
    String text;

    void consider(String phrase, double lo, double hi) {
      float[] v = known.get(phrase);
      boolean negative = Negation.of(phrase);
      for (int i = 0; i < answer.units.size(); i++) {
        if (answer.echo[i] || answer.negated[i] != negative) {
          continue;
        }
        double s = SentenceEncoder.cosine(v, answer.vectors[i]);
        double c = ScoringSettings.ramp(s, lo, hi);
        if (c > credit || (unit < 0 && c == credit && s > similarity)) {
          unit = i;
          similarity = s;
          credit = c;
          text = phrase;
        }
      }
    }
  }
}
