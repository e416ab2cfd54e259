package dev.rehearse.assessment.scoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.meaning.QuestionVectors;
import dev.rehearse.assessment.meaning.SentenceEncoder;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptMiss;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.AttemptScored.Mode;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores an answer by what it means. Each concept (the rubric's, or key points derived from the
 * model answer) is found by words ({@link LexicalMatch}) or by meaning: the concept's phrases and
 * the model-answer sentence it stands for against the answer's clauses ({@link SentenceEncoder}),
 * with partial credit for a concept only partly there. Words said as not done and words taken from
 * the question earn nothing. The score blends weighted coverage with how close the whole answer is
 * to the model answer, takes points off for red-flag claims and caps term lists, echoes and answers
 * brief for what the question asks.
 */
@Singleton
public class RubricScorer {
  /** Points taken off for each MENTIONS flag: a wrong claim weighs more than a gap. */
  static final int CLAIM_PENALTY = 15;

  static final int KEYWORD_LIST_CAP = 40;
  static final int ECHO_CAP = 19;
  static final int VERY_BRIEF_CAP = 59;
  static final int BRIEF_ANSWER_CAP = 89;

  private final SentenceEncoder encoder;
  private final QuestionVectors vectors;
  private final ScoringSettings settings;

  /** What each question is compared with, derived once per version of the question. */
  private final Cache<CatalogQuestion, ScoringTexts> prepared =
      Caffeine.newBuilder().maximumSize(2_000).build();

  @Inject
  public RubricScorer(SentenceEncoder encoder, QuestionVectors vectors) {
    this(encoder, vectors, ScoringSettings.CALIBRATED);
  }

  RubricScorer(SentenceEncoder encoder, QuestionVectors vectors, ScoringSettings settings) {
    this.encoder = encoder;
    this.vectors = vectors;
    this.settings = settings;
  }

  /** Computes and keeps the vectors of a question's texts; called when the catalog copy changes. */
  public void prepare(CatalogQuestion question) {
    vectors.refresh(
        question.questionId(),
        question.updatedAt(),
        prepared.get(question, ScoringTexts::of).all());
  }

  public ScoreResult score(CatalogQuestion question, String answer) {
    return score(question, answer, Mode.TYPED);
  }

  public ScoreResult score(CatalogQuestion question, String answer, Mode mode) {
    return score(question, answer, mode, true);
  }

  /** By words alone, as the first release scored (no sentence model): the benchmark's baseline. */
  public ScoreResult scoreByWords(CatalogQuestion question, String answer, Mode mode) {
    return score(question, answer, mode, false);
  }

  private ScoreResult score(CatalogQuestion question, String answer, Mode mode, boolean byMeaning) {
    ScoringTexts texts = prepared.get(question, ScoringTexts::of);
    AnswerText text = new AnswerText(answer);
    Set<String> questionTerms = texts.questionTerms();
    MeaningMatch meaning =
        byMeaning
            ? new MeaningMatch(
                texts,
                vectors.of(question.questionId(), question.updatedAt(), texts.all()),
                new AnswerUnits(text, questionTerms, encoder),
                settings)
            : MeaningMatch.none(texts);

    List<ConceptHit> hits = new ArrayList<>();
    List<ConceptMiss> misses = new ArrayList<>();
    double total = 0;
    double earned = 0;
    for (RubricConcept concept : texts.concepts()) {
      total += concept.weight();
      Optional<ConceptHit> byWords =
          texts.derived()
              ? Optional.empty()
              : LexicalMatch.find(concept, text, mode, questionTerms);
      Optional<ConceptHit> hit =
          byWords.isPresent() ? byWords : meaning.find(concept, texts.derived(), text);
      if (hit.isPresent()) {
        earned += concept.weight() * hit.get().credit();
        hits.add(hit.get());
      } else {
        misses.add(new ConceptMiss(concept.id(), concept.label(), concept.weight()));
      }
    }
    int coverage = total == 0 ? 0 : (int) Math.round(100 * earned / total);
    if (texts.derived()) {
      // without a rubric, how close the whole answer is takes one key point's share: all of a short
      // reference answer's score (one key point, which one clause's similarity judges poorly), a
      // small part of a long one's (where covering each key point is what counts)
      int n = Math.max(1, texts.keyPoints().size());
      coverage = (int) Math.round(((n - 1) * coverage + 100 * meaning.wholeAnswer(text)) / n);
    }
    Double closeness = texts.derived() ? null : meaning.closeness(text);
    // closeness to the model answer only lifts: a paraphrase of it or a short answer to a short
    // question
    // is not held down by a rubric whose words it does not use
    double blended =
        closeness == null
            ? coverage
            : Math.max(
                coverage,
                (1 - settings.closeness()) * coverage + settings.closeness() * 100 * closeness);

    List<RaisedFlag> flags = RedFlagDetector.detect(question.redFlags(), text, meaning::clears);
    long claims = claims(question, flags.stream().map(RaisedFlag::rule).toList());
    AnswerShape shape = AnswerShape.of(text, texts);
    Capped capped =
        Capped.of(
            (int) Math.max(0, Math.round(blended) - claims * CLAIM_PENALTY),
            shape,
            misses.isEmpty());
    int score = capped.score();
    String cap = capped.cap();
    List<String> feedback =
        Feedback.of(texts, hits, misses, flags, shape, cap, coverage, closeness, claims, score);
    return new ScoreResult(
        score, ScoreResult.Band.of(score), coverage, hits, misses, flags, feedback);
  }

  /**
   * The score a coach's concept marks give, by the rules {@link #score} applies: the covered
   * concepts' share of the weight (full credit each: the coach judged them), minus the claim
   * penalty for each MENTIONS red flag the machine raised and the coach did not clear, then the
   * caps for the answer's form (a term list or an echo stays capped whatever the marks).
   */
  public MarkedScore fromMarks(
      CatalogQuestion question,
      String answer,
      Map<String, Integer> weights,
      Set<String> covered,
      List<String> keptFlags) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    int earned =
        weights.entrySet().stream()
            .filter(e -> covered.contains(e.getKey()))
            .mapToInt(Map.Entry::getValue)
            .sum();
    int coverage = total == 0 ? 0 : (int) Math.round(100.0 * earned / total);
    long claims = claims(question, keptFlags);
    AnswerShape shape =
        AnswerShape.of(new AnswerText(answer), prepared.get(question, ScoringTexts::of));
    Capped capped =
        Capped.of(
            (int) Math.max(0, coverage - claims * CLAIM_PENALTY),
            shape,
            covered.containsAll(weights.keySet()));
    return MarkedScore.of(capped.score(), coverage, (int) claims * CLAIM_PENALTY, capped.cap());
  }

  /** How many of the raised flags are wrong claims (MENTIONS rules), which cost points. */
  private static long claims(CatalogQuestion question, List<String> raisedRules) {
    return question.redFlags().stream()
        .filter(r -> r.kind() == RedFlagRule.Kind.MENTIONS)
        .filter(r -> raisedRules.contains(r.id()))
        .count();
  }

  /** A score after the caps for the answer's form, with the cap that applied (or null). */
  private record Capped(int score, String cap) {
    static Capped of(int score, AnswerShape shape, boolean everyConcept) {
      if (shape.echo() && score > ECHO_CAP) {
        return new Capped(
            ECHO_CAP, "capped at " + ECHO_CAP + ": the answer mostly repeats the question");
      }
      if (shape.keywordList() && score > KEYWORD_LIST_CAP) {
        return new Capped(
            KEYWORD_LIST_CAP,
            "capped at " + KEYWORD_LIST_CAP + " for a list of terms without sentences");
      }
      if (shape.veryBrief() && score > VERY_BRIEF_CAP) {
        return new Capped(
            VERY_BRIEF_CAP,
            "capped at " + VERY_BRIEF_CAP + ": the answer is very short for this question");
      }
      if (shape.brief() && everyConcept && score > BRIEF_ANSWER_CAP) {
        return new Capped(
            BRIEF_ANSWER_CAP, "capped at " + BRIEF_ANSWER_CAP + " for a brief answer");
      }
      return new Capped(score, null);
    }
  }
}
