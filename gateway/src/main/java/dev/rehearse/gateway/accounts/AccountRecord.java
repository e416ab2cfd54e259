package dev.rehearse.gateway.accounts;

import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;

/**
 * The account itself: email, name, role, where it signs in from and its sign-in sessions (refresh
 * tokens, without their hashes). Failed sign-ins are counted in memory only, by email and address,
 * and forgotten within hours.
 */
@Singleton
public class AccountRecord implements PersonalData {
  private final AccountRows rows;

  public AccountRecord(AccountRows rows) {
    this.rows = rows;
  }

  @Override
  public String section() {
    return "account";
  }

  @Override
  public Object export(String accountId) {
    UUID id = uuid(accountId);
    if (id == null) {
      return Map.of();
    }
    return Map.of(
        "account",
        rows.list(
            "SELECT id, email, display_name, role, created_at FROM app_user WHERE id = ?", id),
        "usualAddresses",
        rows.list(
            "SELECT address, last_sign_in FROM usual_address WHERE account_id = ?"
                + " ORDER BY last_sign_in",
            id),
        "signInSessions",
        rows.list(
            "SELECT session_id, issued_at, expires_at, used_at, revoked_at FROM refresh_tokens"
                + " WHERE account_id = ? ORDER BY issued_at",
            id));
  }

  @Override
  public void erase(String accountId) {
    UUID id = uuid(accountId);
    if (id == null) {
      return;
    }
    rows.update("DELETE FROM usual_address WHERE account_id = ?", id);
    rows.update("DELETE FROM refresh_tokens WHERE account_id = ?", id);
    rows.update("DELETE FROM app_user WHERE id = ?", id);
  }

  /** Accounts are UUIDs here; anything else names no account. */
  private static UUID uuid(String accountId) {
    try {
      return UUID.fromString(accountId);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
