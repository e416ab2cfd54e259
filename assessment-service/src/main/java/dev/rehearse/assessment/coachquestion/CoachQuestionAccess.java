package dev.rehearse.assessment.coachquestion;

import dev.rehearse.platform.identity.Caller;
import jakarta.inject.Singleton;

/**
 * Who may see (and answer) a coach's own question: its author, the members of the cohorts it is
 * shared with, and admins. Pack questions are public, so any other id passes. Callers that take a
 * question id from a request (attempts, sessions with named questions) answer 404 when this says
 * no.
 */
@Singleton
public class CoachQuestionAccess {
  private final CoachQuestionRepository questions;

  public CoachQuestionAccess(CoachQuestionRepository questions) {
    this.questions = questions;
  }

  public boolean canSee(Caller caller, String questionId) {
    return mayAnswer(caller.id(), questionId)
        || (caller.isAdmin() && questions.existsById(questionId));
  }

  /**
   * For a spoken answer, known only by its candidate's id: the author or a member of its cohorts.
   */
  public boolean mayAnswer(String accountId, String questionId) {
    return !CoachQuestion.isCoachId(questionId) || questions.reaches(questionId, accountId);
  }
}
