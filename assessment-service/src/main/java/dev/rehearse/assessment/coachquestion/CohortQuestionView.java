package dev.rehearse.assessment.coachquestion;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A coach's question as a cohort member sees it before answering: never its model answer or rubric.
 * {@code skill} and {@code text} are named as question-service names them, so the practice page
 * shows either kind alike.
 */
@Serdeable
public record CohortQuestionView(String id, String type, String skill, String level, String text) {

  static CohortQuestionView of(CoachQuestion q) {
    return new CohortQuestionView(q.questionId(), q.type(), q.skillId(), q.level(), q.text());
  }
}
