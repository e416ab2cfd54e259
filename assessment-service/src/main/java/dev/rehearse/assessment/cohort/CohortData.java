package dev.rehearse.assessment.cohort;

import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Cohort memberships (with the display name shown to the coach), and the cohorts the account
 * coaches. A deleted coach's cohorts go with them: their members simply leave; a cohort has no
 * owner to hand it to.
 */
@Singleton
public class CohortData implements PersonalData {
  private final AccountRows rows;

  public CohortData(AccountRows rows) {
    this.rows = rows;
  }

  @Override
  public String section() {
    return "cohorts";
  }

  @Override
  public Object export(String accountId) {
    return Map.of(
        "memberships",
        rows.list(
            "SELECT c.id AS cohort_id, c.name AS cohort, m.display_name, m.joined_at"
                + " FROM cohort_member m JOIN cohort c ON c.id = m.cohort_id"
                + " WHERE m.candidate_id = ? ORDER BY m.joined_at",
            accountId),
        "coached",
        rows.list(
            "SELECT c.id, c.name, c.join_code, c.created_at,"
                + " (SELECT count(*) FROM cohort_member m WHERE m.cohort_id = c.id) AS members"
                + " FROM cohort c WHERE c.coach_id = ? ORDER BY c.created_at",
            accountId));
  }

  @Override
  public void erase(String accountId) {
    rows.update("DELETE FROM cohort_member WHERE candidate_id = ?", accountId);
    rows.update(
        "DELETE FROM cohort_member WHERE cohort_id IN (SELECT id FROM cohort WHERE coach_id = ?)",
        accountId);
    rows.update("DELETE FROM cohort WHERE coach_id = ?", accountId);
  }
}
