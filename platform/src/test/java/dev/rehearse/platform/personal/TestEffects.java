package dev.rehearse.platform.personal;

import jakarta.inject.Singleton;

/** Platform tests' own feature: test_effect rows whose text is an account id. */
@Singleton
class TestEffects implements PersonalData {
  private final AccountRows rows;

  TestEffects(AccountRows rows) {
    this.rows = rows;
  }

  @Override
  public String section() {
    return "test-effects";
  }

  @Override
  public Object export(String accountId) {
    return rows.list("SELECT event_id, text FROM test_effect WHERE text = ?", accountId);
  }

  @Override
  public void erase(String accountId) {
    rows.update("DELETE FROM test_effect WHERE text = ?", accountId);
  }
}
