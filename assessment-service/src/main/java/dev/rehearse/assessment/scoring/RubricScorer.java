package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptMiss;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Scores an answer by weighted concept coverage and applies the question's red-flag rules. */
@Singleton
public class RubricScorer {

  public ScoreResult score(CatalogQuestion question, String answer) {
    AnswerText text = new AnswerText(answer);
    List<ConceptHit> hits = new ArrayList<>();
    List<ConceptMiss> misses = new ArrayList<>();
    int total = 0;
    int covered = 0;
    for (RubricConcept concept : question.concepts()) {
      total += concept.weight();
      Optional<AnswerText.Span> span = Stream.concat(Stream.of(concept.label()), concept.synonyms().stream())
          .map(text::find)
          .flatMap(Optional::stream)
          .findFirst();
      if (span.isPresent()) {
        covered += concept.weight();
        AnswerText.Span s = span.get();
        hits.add(new ConceptHit(concept.id(), concept.label(), s.text(), s.start(), s.end()));
      } else {
        misses.add(new ConceptMiss(concept.id(), concept.label()));
      }
    }
    int score = total == 0 ? 0 : Math.round(100f * covered / total);
    List<RaisedFlag> flags = question.redFlags().stream()
        .map(rule -> raised(rule, text))
        .flatMap(Optional::stream)
        .toList();
    return new ScoreResult(score, ScoreResult.Band.of(score), hits, misses, flags, feedback(misses, flags));
  }

  private static Optional<RaisedFlag> raised(RedFlagRule rule, AnswerText text) {
    return switch (rule.kind()) {
      case MENTIONS -> rule.phrases().stream()
          .map(text::find)
          .flatMap(Optional::stream)
          .min(java.util.Comparator.comparingInt(AnswerText.Span::start))
          .map(span -> flag(rule, "\"" + span.text() + "\""));
      case MISSING -> rule.phrases().stream().map(text::find).anyMatch(Optional::isPresent)
          ? Optional.empty()
          : Optional.of(flag(rule, "no mention of " + String.join(", ", rule.phrases())));
      case NO_NUMBERS -> text.hasNumber() ? Optional.empty() : Optional.of(flag(rule, "the answer gives no figures"));
    };
  }

  private static RaisedFlag flag(RedFlagRule rule, String evidence) {
    return new RaisedFlag(rule.id(), rule.title(), rule.explanation(), evidence);
  }

  private static List<String> feedback(List<ConceptMiss> misses, List<RaisedFlag> flags) {
    List<String> out = new ArrayList<>();
    misses.forEach(m -> out.add("Add " + m.label().toLowerCase() + ": say how it applies to this situation."));
    flags.forEach(f -> out.add(f.title() + ": " + f.explanation()));
    if (out.isEmpty()) {
      out.add("Every rubric concept is covered. Next, tighten the answer with one concrete number from your own work.");
    }
    return out;
  }
}
