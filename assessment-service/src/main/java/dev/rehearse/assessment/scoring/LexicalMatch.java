package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.MatchKind;
import dev.rehearse.contracts.AttemptScored.Mode;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds a concept by its words, in three passes, most literal first: the rubric's words in order
 * (one extra word allowed), in any order within a short window, and for spoken answers a
 * sound-alike run of words. A phrase made only of the question's own words earns nothing (it can be
 * echoed), and a match said as not done ("no canary") does not count.
 */
final class LexicalMatch {
  /** Extra words allowed inside a reordered paraphrase window. */
  static final int PARAPHRASE_EXTRA = 3;

  private LexicalMatch() {}

  static Optional<ConceptHit> find(
      RubricConcept concept, AnswerText text, Mode mode, Set<String> questionTerms) {
    List<Phrase> phrases =
        ScoringTexts.phrases(concept).stream()
            .map(Phrase::of)
            .filter(p -> !p.isEmpty() && !questionTerms.containsAll(p.terms()))
            .toList();
    Optional<ConceptHit> hit =
        first(phrases, p -> p.findAllInOrder(text, 1, false), text, concept, MatchKind.EXACT);
    if (hit.isEmpty()) {
      hit =
          first(
              phrases,
              p -> p.findAnyOrder(text, PARAPHRASE_EXTRA).stream().toList(),
              text,
              concept,
              MatchKind.PARAPHRASE);
    }
    if (hit.isEmpty() && mode == Mode.SPOKEN) {
      hit =
          first(
              phrases,
              p -> Phonetics.find(text, p).stream().toList(),
              text,
              concept,
              MatchKind.SOUND_ALIKE);
    }
    return hit;
  }

  /**
   * The earliest place in the answer where a phrase of the concept matches this way and is not
   * negated.
   */
  private static Optional<ConceptHit> first(
      List<Phrase> phrases,
      Function<Phrase, List<Phrase.Found>> how,
      AnswerText text,
      RubricConcept concept,
      MatchKind kind) {
    List<Candidate> found = new ArrayList<>();
    for (Phrase p : phrases) {
      how.apply(p).stream()
          .filter(
              f -> !Negation.before(text, f.first()) && !Negation.dismissedAfter(text, f.last()))
          .forEach(f -> found.add(new Candidate(p, f)));
    }
    return found.stream()
        .min(Comparator.comparingInt(c -> c.found().span().start()))
        .map(
            c ->
                new ConceptHit(
                    concept.id(),
                    concept.label(),
                    c.found().span().text(),
                    c.found().span().start(),
                    c.found().span().end(),
                    c.phrase().source(),
                    kind,
                    concept.weight()));
  }

  private record Candidate(Phrase phrase, Phrase.Found found) {}
}
