package dev.rehearse.question.practice;

import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Adaptive practice state: each item's review schedule and each skill's mastery, both learnt from
 * the account's scored attempts (practice sets are computed from these, not stored).
 */
@Singleton
public class PracticeData implements PersonalData {
  private final AccountRows rows;

  public PracticeData(AccountRows rows) {
    this.rows = rows;
  }

  @Override
  public String section() {
    return "practice";
  }

  @Override
  public Object export(String accountId) {
    return Map.of(
        "itemReviews",
        rows.list(
            "SELECT * FROM item_review WHERE candidate_id = ? ORDER BY reviewed_at", accountId),
        "skillProgress",
        rows.list(
            "SELECT * FROM skill_progress WHERE candidate_id = ? ORDER BY skill_id", accountId));
  }

  @Override
  public void erase(String accountId) {
    rows.update("DELETE FROM item_review WHERE candidate_id = ?", accountId);
    rows.update("DELETE FROM skill_progress WHERE candidate_id = ?", accountId);
  }
}
