package dev.rehearse.gateway.live;

import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;

/** The events kept for the account's live stream (scores, reviews, drills), as published. */
@Singleton
public class LiveEventData implements PersonalData {
  private final AccountRows rows;

  public LiveEventData(AccountRows rows) {
    this.rows = rows;
  }

  @Override
  public String section() {
    return "live-events";
  }

  @Override
  public Object export(String accountId) {
    return rows.list(
        "SELECT event_id, kind, payload, created_at FROM live_event WHERE candidate_id = ?"
            + " ORDER BY id",
        accountId);
  }

  @Override
  public void erase(String accountId) {
    rows.update("DELETE FROM live_event WHERE candidate_id = ?", accountId);
  }
}
