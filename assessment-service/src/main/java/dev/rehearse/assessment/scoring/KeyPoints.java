package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.meaning.Clauses;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.util.ArrayList;
import java.util.List;

/**
 * The key points of an item that has a model answer but no rubric: its clauses that carry at least
 * a few content words, each weighted by how much it says (its content words, within bounds, so that
 * one long clause does not outweigh the rest).
 */
final class KeyPoints {
  static final String ID_PREFIX = "kp-";
  private static final int MIN_CONTENT_WORDS = 2;
  private static final int MAX_WEIGHT = 12;

  /** A key point holds a whole idea: shorter clauses join their neighbour. */
  private static final int MIN_WORDS = 7;

  private KeyPoints() {}

  static List<RubricConcept> derive(String modelAnswer) {
    List<RubricConcept> out = new ArrayList<>();
    if (modelAnswer == null) {
      return out;
    }
    for (Clauses.Unit unit : Clauses.of(modelAnswer, MIN_WORDS)) {
      int content = new AnswerText(unit.text()).content().size();
      if (content >= MIN_CONTENT_WORDS) {
        out.add(
            new RubricConcept(
                ID_PREFIX + (out.size() + 1),
                unit.text(),
                Math.min(content, MAX_WEIGHT),
                List.of()));
      }
    }
    return out;
  }
}
