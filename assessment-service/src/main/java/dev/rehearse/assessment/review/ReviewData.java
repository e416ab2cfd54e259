package dev.rehearse.assessment.review;

import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Reviews of the account's attempts, and the reviews it wrote as a coach. Erasing a coach keeps
 * their reviews for the candidates they are about, with the author replaced by {@link
 * #ERASED_COACH}.
 */
@Singleton
public class ReviewData implements PersonalData {
  public static final String ERASED_COACH = "erased-account";
  private final AccountRows rows;

  public ReviewData(AccountRows rows) {
    this.rows = rows;
  }

  @Override
  public String section() {
    return "reviews";
  }

  @Override
  public Object export(String accountId) {
    return Map.of(
        "ofMyAttempts",
        rows.list(
            "SELECT * FROM attempt_review WHERE candidate_id = ? ORDER BY created_at", accountId),
        "writtenAsCoach",
        rows.list(
            "SELECT attempt_id, machine_score, previous_score, override_score, reason, comment,"
                + " created_at FROM attempt_review WHERE coach_id = ? ORDER BY created_at",
            accountId));
  }

  @Override
  public void erase(String accountId) {
    rows.update("DELETE FROM attempt_review WHERE candidate_id = ?", accountId);
    // a deleted coach's reviews stay part of their candidates' records, without their author
    rows.update(
        "UPDATE attempt_review SET coach_id = ? WHERE coach_id = ?", ERASED_COACH, accountId);
  }
}
