package dev.rehearse.assessment.scoring;

import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;

/** Typed and spoken attempts: answers, transcripts, scores, feedback and delivery figures. */
@Singleton
public class AttemptData implements PersonalData {
  private final AccountRows rows;

  public AttemptData(AccountRows rows) {
    this.rows = rows;
  }

  @Override
  public String section() {
    return "attempts";
  }

  @Override
  public Object export(String accountId) {
    return rows.list("SELECT * FROM attempt WHERE candidate_id = ? ORDER BY created_at", accountId);
  }

  @Override
  public void erase(String accountId) {
    // reviews and second-review requests go with their attempt (ON DELETE CASCADE)
    rows.update("DELETE FROM attempt WHERE candidate_id = ?", accountId);
  }
}
