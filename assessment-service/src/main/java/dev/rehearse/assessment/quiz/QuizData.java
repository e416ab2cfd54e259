package dev.rehearse.assessment.quiz;

import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;
import java.util.Map;

/** Quiz submissions and each answer in them (item statistics are counted from these). */
@Singleton
public class QuizData implements PersonalData {
  private final AccountRows rows;

  public QuizData(AccountRows rows) {
    this.rows = rows;
  }

  @Override
  public String section() {
    return "quiz-submissions";
  }

  @Override
  public Object export(String accountId) {
    return Map.of(
        "submissions",
        rows.list(
            "SELECT * FROM quiz_submission WHERE candidate_id = ? ORDER BY created_at", accountId),
        "responses",
        rows.list(
            "SELECT * FROM quiz_response WHERE candidate_id = ? ORDER BY created_at", accountId));
  }

  @Override
  public void erase(String accountId) {
    rows.update(
        "DELETE FROM quiz_response WHERE candidate_id = ? OR submission_id IN"
            + " (SELECT id FROM quiz_submission WHERE candidate_id = ?)",
        accountId,
        accountId);
    rows.update("DELETE FROM quiz_submission WHERE candidate_id = ?", accountId);
  }
}
