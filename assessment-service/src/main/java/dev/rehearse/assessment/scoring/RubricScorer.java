package dev.rehearse.assessment.scoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.meaning.QuestionVectors;
import dev.rehearse.assessment.meaning.SentenceEncoder;
import dev.rehearse.assessment.scoring.ScoreBreakdown.Adjustment;
import dev.rehearse.assessment.scoring.ScoreBreakdown.ConceptLine;
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
import java.util.Locale;
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

  /** The length this question's answers need, by the rules {@link AnswerShape} applies. */
  public AnswerGuide guide(CatalogQuestion question) {
    int expected = AnswerShape.expectedWords(prepared.get(question, ScoringTexts::of));
    return new AnswerGuide(
        question.questionId(),
        expected,
        AnswerShape.veryBriefWords(expected),
        BRIEF_ANSWER_CAP,
        VERY_BRIEF_CAP,
        AnswerText.stopWords());
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
    List<RubricConcept> found = new ArrayList<>();
    List<RubricConcept> concepts = texts.concepts();
    double[] credits = new double[concepts.size()];
    List<Optional<ConceptHit>> matches = new ArrayList<>();
    double total = 0;
    double earned = 0;
    for (int i = 0; i < concepts.size(); i++) {
      RubricConcept concept = concepts.get(i);
      total += concept.weight();
      Optional<ConceptHit> byWords =
          texts.derived()
              ? Optional.empty()
              : LexicalMatch.find(concept, text, mode, questionTerms);
      Optional<ConceptHit> hit =
          byWords.isPresent() ? byWords : meaning.find(concept, texts.derived(), text);
      matches.add(hit);
      if (hit.isPresent()) {
        credits[i] = hit.get().credit();
        earned += concept.weight() * credits[i];
        hits.add(hit.get());
        if (!texts.derived() && credits[i] >= Feedback.BARELY) {
          found.add(concept); // a rubric concept: a key point is a whole sentence, too broad to tie
        }
      } else {
        misses.add(new ConceptMiss(concept.id(), concept.label(), concept.weight()));
      }
    }
    int conceptCoverage = total == 0 ? 0 : (int) Math.round(100 * earned / total);
    List<ConceptLine> lines = lines(concepts, matches, credits, total, conceptCoverage);
    List<Adjustment> adjustments = new ArrayList<>();
    int coverage = conceptCoverage;
    if (texts.derived()) {
      // without a rubric, how close the whole answer is takes one key point's share: all of a short
      // reference answer's score (one key point, which one clause's similarity judges poorly), a
      // small part of a long one's (where covering each key point is what counts)
      int n = Math.max(1, texts.keyPoints().size());
      coverage = (int) Math.round(((n - 1) * coverage + 100 * meaning.wholeAnswer(text)) / n);
      adjust(
          adjustments,
          "WHOLE_ANSWER",
          "the whole answer's closeness to the model answer counts as one key point of " + n,
          conceptCoverage,
          coverage,
          null);
    }
    Double closeness = texts.derived() ? null : meaning.closeness(text);
    // closeness to the model answer only lifts: a paraphrase of it or a short answer to a short
    // question is not held down by a rubric whose words it does not use
    double blended =
        closeness == null
            ? coverage
            : Math.max(
                coverage,
                (1 - settings.closeness()) * coverage + settings.closeness() * 100 * closeness);
    int current = (int) Math.round(blended);
    if (closeness != null) {
      adjust(
          adjustments,
          "CLOSENESS",
          String.format(
              Locale.ROOT,
              "closeness to the model answer (%d of 100) lifts a score it is above",
              Math.round(100 * closeness)),
          coverage,
          current,
          null);
    }

    List<RaisedFlag> flags =
        RedFlagDetector.detect(question.redFlags(), text, meaning::clears, found);
    List<String> claimRules = claimRules(question, flags.stream().map(RaisedFlag::rule).toList());
    for (RaisedFlag f : flags) {
      if (claimRules.contains(f.rule())) {
        int after = Math.max(0, current - CLAIM_PENALTY);
        adjustments.add(
            Adjustment.of(
                "CLAIM",
                CLAIM_PENALTY + " points off for the red-flag claim: " + f.title(),
                current,
                after,
                null));
        current = after;
      }
    }
    AnswerShape shape = AnswerShape.of(text, texts);
    Capped capped = Capped.of(current, shape, misses.isEmpty());
    if (capped.cap() != null) {
      adjustments.add(
          Adjustment.of(capped.rule(), capped.cap(), current, capped.score(), capped.score()));
    }
    int score = capped.score();
    ScoreBreakdown breakdown =
        new ScoreBreakdown(lines, conceptCoverage, adjustments, score, ScoreBreakdown.cutOffs());
    List<String> feedback =
        Feedback.of(
            texts, question.redFlags(), text, meaning, hits, misses, flags, shape, breakdown);
    return new ScoreResult(
        score, ScoreResult.Band.of(score), coverage, hits, misses, flags, feedback, breakdown);
  }

  /** Each concept's line, its points apportioned so that they add up to the coverage. */
  private static List<ConceptLine> lines(
      List<RubricConcept> concepts,
      List<Optional<ConceptHit>> matches,
      double[] credits,
      double total,
      int coverage) {
    double[] exact = new double[concepts.size()];
    for (int i = 0; i < exact.length; i++) {
      exact[i] = total == 0 ? 0 : 100 * concepts.get(i).weight() * credits[i] / total;
    }
    int[] points = ScoreBreakdown.apportion(exact, coverage);
    List<ConceptLine> lines = new ArrayList<>();
    for (int i = 0; i < exact.length; i++) {
      RubricConcept c = concepts.get(i);
      Optional<ConceptHit> hit = matches.get(i);
      lines.add(
          new ConceptLine(
              c.id(),
              c.label(),
              c.weight(),
              hit.isPresent(),
              hit.map(ConceptHit::how).orElse(null),
              hit.map(ConceptHit::similarity).orElse(null),
              credits[i],
              points[i]));
    }
    return lines;
  }

  /** Records a step that changed the score; one that changed nothing is not shown. */
  private static void adjust(
      List<Adjustment> adjustments,
      String rule,
      String description,
      int before,
      int after,
      Integer cap) {
    if (after != before) {
      adjustments.add(Adjustment.of(rule, description, before, after, cap));
    }
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
    long claims = claimRules(question, keptFlags).size();
    AnswerShape shape =
        AnswerShape.of(new AnswerText(answer), prepared.get(question, ScoringTexts::of));
    Capped capped =
        Capped.of(
            (int) Math.max(0, coverage - claims * CLAIM_PENALTY),
            shape,
            covered.containsAll(weights.keySet()));
    return MarkedScore.of(capped.score(), coverage, (int) claims * CLAIM_PENALTY, capped.cap());
  }

  /** The raised flags that are wrong claims (MENTIONS rules), which cost points. */
  private static List<String> claimRules(CatalogQuestion question, List<String> raisedRules) {
    return question.redFlags().stream()
        .filter(r -> r.kind() == RedFlagRule.Kind.MENTIONS)
        .map(RedFlagRule::id)
        .filter(raisedRules::contains)
        .toList();
  }

  /**
   * A score after the caps for the answer's form, with the cap that applied (or null) and its rule.
   */
  private record Capped(int score, String cap, String rule) {
    static Capped of(int score, AnswerShape shape, boolean everyConcept) {
      if (shape.echo() && score > ECHO_CAP) {
        return new Capped(
            ECHO_CAP,
            "capped at " + ECHO_CAP + ": the answer mostly repeats the question",
            "ECHO_CAP");
      }
      if (shape.keywordList() && score > KEYWORD_LIST_CAP) {
        return new Capped(
            KEYWORD_LIST_CAP,
            "capped at " + KEYWORD_LIST_CAP + " for a list of terms without sentences",
            "KEYWORD_LIST_CAP");
      }
      if (shape.veryBrief() && score > VERY_BRIEF_CAP) {
        return new Capped(
            VERY_BRIEF_CAP,
            "capped at " + VERY_BRIEF_CAP + ": the answer is very short for this question",
            "VERY_BRIEF_CAP");
      }
      if (shape.brief() && everyConcept && score > BRIEF_ANSWER_CAP) {
        return new Capped(
            BRIEF_ANSWER_CAP, "capped at " + BRIEF_ANSWER_CAP + " for a brief answer", "BRIEF_CAP");
      }
      return new Capped(score, null, null);
    }
  }
}
