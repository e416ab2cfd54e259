package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptMiss;
import dev.rehearse.assessment.scoring.ScoreResult.MatchKind;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The feedback lines of a scored answer: what to add, what went wrong, and how the score was built.
 */
final class Feedback {
  /** A key point earning less than this share is, to the reader, not covered. */
  static final double BARELY = 0.25;

  private Feedback() {}

  static List<String> of(
      ScoringTexts texts,
      List<ConceptHit> hits,
      List<ConceptMiss> misses,
      List<RaisedFlag> flags,
      AnswerShape shape,
      String cap,
      int coverage,
      Double closeness,
      long claims,
      int score) {
    List<String> out = new ArrayList<>();
    misses.stream()
        .sorted(
            Comparator.comparing(
                ConceptMiss::weight, Comparator.nullsLast(Comparator.reverseOrder())))
        .forEach(
            m ->
                out.add(
                    texts.derived()
                        ? "Key point not covered: \u201c" + m.label() + "\u201d"
                        : "Add "
                            + lower(m.label())
                            + ": say how it applies to this situation"
                            + example(texts, m.concept())
                            + "."));
    hits.stream()
        .filter(h -> h.credit() != null && h.credit() < 1)
        .forEach(
            h ->
                out.add(
                    texts.derived()
                        ? (h.credit() < BARELY
                                ? "Key point not covered: \u201c"
                                : "Only partly covered: \u201c")
                            + h.label()
                            + "\u201d"
                        : "Say more about "
                            + lower(h.label())
                            + ": your answer touches it only in part."));
    flags.forEach(f -> out.add(f.title() + ": " + f.explanation()));
    hits.stream()
        .filter(h -> h.how() == MatchKind.SOUND_ALIKE)
        .forEach(
            h ->
                out.add(
                    "We understood \""
                        + h.matched()
                        + "\" as "
                        + lower(h.label())
                        + "; say the term clearly so that a listener does not have to guess."));
    if (shape.echo()) {
      out.add("Your answer mostly repeats the question. Say what you would do, how and why.");
    } else if (shape.keywordList()) {
      out.add(
          "Explain in full sentences: name the problem, what you would do and why, not only the key terms.");
    } else if (shape.brief() && misses.isEmpty()) {
      out.add(
          "Every key point is there; to reach Excellent, explain why each step matters in this situation and"
              + " give one concrete figure.");
    } else if (misses.isEmpty() && flags.isEmpty()) {
      out.add(
          "Every key point is covered. Next, tighten the answer with one concrete number from your own work.");
    }
    if (score != coverage) {
      StringBuilder why =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "Score %d: the key points you covered carry %d of the weight",
                  score,
                  coverage));
      if (closeness != null) {
        why.append(
            String.format(
                Locale.ROOT,
                "; closeness to the model answer %d of 100",
                Math.round(100 * closeness)));
      }
      if (claims > 0) {
        why.append("; ")
            .append(claims * RubricScorer.CLAIM_PENALTY)
            .append(" points off for ")
            .append(claims == 1 ? "one red-flag claim" : claims + " red-flag claims");
      }
      if (cap != null) {
        why.append("; ").append(cap);
      }
      out.add(why.append('.').toString());
    }
    return out;
  }

  private static String lower(String label) {
    return label.toLowerCase(Locale.ROOT);
  }

  private static String example(ScoringTexts texts, String conceptId) {
    return texts.concepts().stream()
        .filter(c -> c.id().equals(conceptId) && !c.synonyms().isEmpty())
        .findFirst()
        .map(RubricConcept::synonyms)
        .map(s -> " (for example, mention " + s.get(0) + ")")
        .orElse("");
  }
}
