package dev.rehearse.assessment.repetition;

import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;

/** A candidate's spaced-repetition cards, in the data download and erased with the account. */
@Singleton
public class RepetitionData implements PersonalData {
  private final AccountRows rows;

  public RepetitionData(AccountRows rows) {
    this.rows = rows;
  }

  @Override
  public String section() {
    return "repetition-cards";
  }

  @Override
  public Object export(String accountId) {
    return rows.list(
        "SELECT * FROM repetition_card WHERE candidate_id = ? ORDER BY due", accountId);
  }

  @Override
  public void erase(String accountId) {
    rows.update("DELETE FROM repetition_card WHERE candidate_id = ?", accountId);
  }
}
