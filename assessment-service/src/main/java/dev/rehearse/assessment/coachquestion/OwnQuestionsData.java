package dev.rehearse.assessment.coachquestion;

import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The questions a coach wrote are the coach's: exported with their answer keys, and deleted with
 * the account (nobody else may edit them, and a question with no author left would be shared with
 * cohorts no one runs). Candidates' attempts at them stay theirs, with skill and score.
 */
@Singleton
public class OwnQuestionsData implements PersonalData {
  private final CoachQuestions questions;

  public OwnQuestionsData(CoachQuestions questions) {
    this.questions = questions;
  }

  @Override
  public String section() {
    return "own-questions";
  }

  @Override
  public List<CoachQuestionView> export(String accountId) {
    return questions.writtenBy(accountId).stream().map(CoachQuestionView::of).toList();
  }

  @Override
  public void erase(String accountId) {
    questions.eraseWrittenBy(accountId);
  }
}
