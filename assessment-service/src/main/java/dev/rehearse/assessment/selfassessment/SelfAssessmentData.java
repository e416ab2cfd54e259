package dev.rehearse.assessment.selfassessment;

import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;

/** Self-assessments: the ratings given and the result computed from them. */
@Singleton
public class SelfAssessmentData implements PersonalData {
  private final AccountRows rows;

  public SelfAssessmentData(AccountRows rows) {
    this.rows = rows;
  }

  @Override
  public String section() {
    return "self-assessments";
  }

  @Override
  public Object export(String accountId) {
    return rows.list(
        "SELECT * FROM self_assessment WHERE candidate_id = ? ORDER BY created_at", accountId);
  }

  @Override
  public void erase(String accountId) {
    rows.update("DELETE FROM self_assessment WHERE candidate_id = ?", accountId);
  }
}
