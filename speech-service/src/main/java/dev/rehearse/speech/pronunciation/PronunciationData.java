package dev.rehearse.speech.pronunciation;

import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;

/** Pronunciation drills: the term, what was heard, the verdict and advice. */
@Singleton
public class PronunciationData implements PersonalData {
  private final AccountRows rows;

  public PronunciationData(AccountRows rows) {
    this.rows = rows;
  }

  @Override
  public String section() {
    return "pronunciation-attempts";
  }

  @Override
  public Object export(String accountId) {
    return rows.list(
        "SELECT * FROM pronunciation_attempt WHERE candidate_id = ? ORDER BY created_at",
        accountId);
  }

  @Override
  public void erase(String accountId) {
    rows.update("DELETE FROM pronunciation_attempt WHERE candidate_id = ?", accountId);
  }
}
