package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptMiss;
import dev.rehearse.assessment.scoring.ScoreResult.MatchKind;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.AttemptScored.Mode;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scores an answer by weighted concept coverage and applies the question's red-flag rules. Each
 * concept is looked for in three passes, most literal first: the rubric's words in order (one
 * extra word allowed), the words in any order within a short window, and for spoken answers a
 * sound-alike run of words. The score is coverage minus a penalty per claim-type red flag.
 */
@Singleton
public class RubricScorer {
  /** Points taken off for each MENTIONS flag: a wrong claim weighs more than a gap. */
  static final int CLAIM_PENALTY = 15;
  /** Extra words allowed inside a reordered paraphrase window. */
  static final int PARAPHRASE_EXTRA = 3;
  /** Below this many meaningful words an answer is a keyword list, not an explanation: at most Developing. */
  static final int MIN_EXPLAINED_WORDS = 6;
  static final int KEYWORD_LIST_CAP = 59;
  /** Excellent needs the reasoning as well as the concepts: below this many meaningful words, at most Strong. */
  static final int MIN_EXCELLENT_WORDS = 40;
  static final int BRIEF_ANSWER_CAP = 89;

  public ScoreResult score(CatalogQuestion question, String answer) {
    return score(question, answer, Mode.TYPED);
  }

  public ScoreResult score(CatalogQuestion question, String answer, Mode mode) {
    AnswerText text = new AnswerText(answer);
    List<ConceptHit> hits = new ArrayList<>();
    List<ConceptMiss> misses = new ArrayList<>();
    int total = 0;
    int covered = 0;
    for (RubricConcept concept : question.concepts()) {
      total += concept.weight();
      Optional<ConceptHit> hit = find(concept, text, mode);
      if (hit.isPresent()) {
        covered += concept.weight();
        hits.add(hit.get());
      } else {
        misses.add(new ConceptMiss(concept.id(), concept.label(), concept.weight()));
      }
    }
    int coverage = total == 0 ? 0 : Math.round(100f * covered / total);
    List<RaisedFlag> flags = RedFlagDetector.detect(question.redFlags(), text);
    long claims = question.redFlags().stream()
        .filter(r -> r.kind() == RedFlagRule.Kind.MENTIONS)
        .filter(r -> flags.stream().anyMatch(f -> f.rule().equals(r.id())))
        .count();
    int score = Math.max(0, coverage - (int) claims * CLAIM_PENALTY);
    boolean keywordList = text.content().size() < MIN_EXPLAINED_WORDS;
    boolean brief = text.content().size() < MIN_EXCELLENT_WORDS;
    if (keywordList) {
      score = Math.min(score, KEYWORD_LIST_CAP);
    } else if (brief) {
      score = Math.min(score, BRIEF_ANSWER_CAP);
    }
    List<String> feedback = feedback(question, hits, misses, flags, keywordList, brief && misses.isEmpty());
    if (score != coverage) {
      feedback.add(String.format(java.util.Locale.ROOT, "Score %d: the concepts you covered carry %d of the rubric's"
          + " weight%s%s.", score, coverage, claims > 0 ? "; " + claims * CLAIM_PENALTY + " points off for "
          + (claims == 1 ? "one red-flag claim" : claims + " red-flag claims") : "",
          keywordList ? "; capped at " + KEYWORD_LIST_CAP + " for a keyword list"
              : brief && coverage - claims * CLAIM_PENALTY > BRIEF_ANSWER_CAP ? "; capped at " + BRIEF_ANSWER_CAP
                  + " for a brief answer" : ""));
    }
    return new ScoreResult(score, ScoreResult.Band.of(score), coverage, hits, misses, flags, feedback);
  }

  private static Optional<ConceptHit> find(RubricConcept concept, AnswerText text, Mode mode) {
    List<Phrase> phrases = Stream.concat(Stream.of(concept.label()), concept.synonyms().stream())
        .map(Phrase::of).filter(p -> !p.isEmpty()).toList();
    Optional<ConceptHit> hit = first(phrases, p -> p.findInOrder(text, 1, false), concept, MatchKind.EXACT);
    if (hit.isEmpty()) {
      hit = first(phrases, p -> p.findAnyOrder(text, PARAPHRASE_EXTRA), concept, MatchKind.PARAPHRASE);
    }
    if (hit.isEmpty() && mode == Mode.SPOKEN) {
      hit = first(phrases, p -> Phonetics.find(text, p), concept, MatchKind.SOUND_ALIKE);
    }
    return hit;
  }

  /** The earliest place in the answer where any phrase of the concept matches this way. */
  private static Optional<ConceptHit> first(List<Phrase> phrases, java.util.function.Function<Phrase, Optional<Phrase.Found>> how,
      RubricConcept concept, MatchKind kind) {
    Phrase bestPhrase = null;
    Phrase.Found best = null;
    for (Phrase p : phrases) {
      Optional<Phrase.Found> found = how.apply(p);
      if (found.isPresent() && (best == null || found.get().span().start() < best.span().start())) {
        best = found.get();
        bestPhrase = p;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    return Optional.of(new ConceptHit(concept.id(), concept.label(), best.span().text(), best.span().start(),
        best.span().end(), bestPhrase.source(), kind, concept.weight()));
  }

  private static List<String> feedback(CatalogQuestion question, List<ConceptHit> hits, List<ConceptMiss> misses,
      List<RaisedFlag> flags, boolean keywordList, boolean briefButComplete) {
    List<String> out = new ArrayList<>();
    misses.stream()
        .sorted(Comparator.comparing(ConceptMiss::weight, Comparator.nullsLast(Comparator.reverseOrder())))
        .forEach(m -> out.add("Add " + m.label().toLowerCase(Locale.ROOT) + ": say how it applies to this situation"
            + example(question, m.concept()) + "."));
    flags.forEach(f -> out.add(f.title() + ": " + f.explanation()));
    hits.stream().filter(h -> h.how() == MatchKind.SOUND_ALIKE).forEach(h -> out.add("We understood \"" + h.matched()
        + "\" as " + h.label().toLowerCase(Locale.ROOT) + "; say the term clearly so that a listener does not have to guess."));
    if (keywordList) {
      out.add("Explain in full sentences: name the problem, what you would do and why, not only the key terms.");
    }
    if (briefButComplete && !keywordList) {
      out.add("Every concept is there; to reach Excellent, explain why each step matters in this situation and"
          + " give one concrete figure.");
    } else if (misses.isEmpty() && flags.isEmpty()) {
      out.add("Every rubric concept is covered. Next, tighten the answer with one concrete number from your own work.");
    }
    return out;
  }

  private static String example(CatalogQuestion question, String conceptId) {
    return question.concepts().stream()
        .filter(c -> c.id().equals(conceptId) && !c.synonyms().isEmpty())
        .findFirst()
        .map(c -> " (for example, mention " + c.synonyms().get(0) + ")")
        .orElse("");
  }
}
