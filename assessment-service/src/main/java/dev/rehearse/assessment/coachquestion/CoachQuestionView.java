package dev.rehearse.assessment.coachquestion;

import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A coach's question as its author (and admins) see it: with its answer key. */
@Serdeable
public record CoachQuestionView(
    String id,
    String ownerId,
    List<String> cohortIds,
    String skillId,
    String level,
    String type,
    String text,
    String modelAnswer,
    List<RubricConcept> rubric,
    Instant updatedAt) {

  static CoachQuestionView of(CoachQuestion q) {
    return new CoachQuestionView(
        q.questionId(),
        q.ownerId(),
        q.cohortIds(),
        q.skillId(),
        q.level(),
        q.type(),
        q.text(),
        q.modelAnswer(),
        q.concepts(),
        q.updatedAt());
  }
}
