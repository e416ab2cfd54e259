package dev.rehearse.gateway.accounts;

import dev.rehearse.contracts.AccessRevoked;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.identity.DenyList;
import dev.rehearse.platform.outbox.Outbox;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Ends sessions and tokens: refresh tokens in the database; access tokens by an {@link
 * AccessRevoked} event, published through the outbox with the change, which every instance of every
 * service adds to its deny list. This instance applies it at once, not when the event comes back.
 */
@Singleton
public class Revocations {
  static final String SIGNED_OUT = "signed-out";
  static final String REFRESH_REUSED = "refresh-token-reused";
  static final String PASSWORD_CHANGED = "password-changed";
  static final String ROLE_CHANGED = "role-changed";
  private final RefreshTokenRepository refreshTokens;
  private final Outbox outbox;
  private final DenyList denyList;
  private final Duration accessLifetime;

  public Revocations(
      RefreshTokenRepository refreshTokens,
      Outbox outbox,
      DenyList denyList,
      @Value("${rehearse.auth.access-token-lifetime:15m}") Duration accessLifetime) {
    this.refreshTokens = refreshTokens;
    this.outbox = outbox;
    this.denyList = denyList;
    this.accessLifetime = accessLifetime;
  }

  /** One sign-in session: its refresh tokens and its access tokens. */
  @Transactional
  public void endSession(UUID account, UUID sessionId, String reason) {
    Instant now = Instant.now();
    refreshTokens.revokeSession(sessionId, now);
    announce(account, sessionId, null, reason, now);
  }

  /** Every session of the account and every access token issued so far. */
  @Transactional
  public void endAllSessions(UUID account, String reason) {
    Instant now = Instant.now();
    refreshTokens.revokeAccount(account, now);
    announce(account, null, upToNow(account, now), reason, now);
  }

  /**
   * The access tokens issued so far (they carry an outdated role); the sessions go on, and their
   * next refresh gives a token with the current role.
   */
  @Transactional
  public void outdateAccessTokens(UUID account, String reason) {
    Instant now = Instant.now();
    announce(account, null, upToNow(account, now), reason, now);
  }

  /**
   * The whole second up to which tokens are revoked: this one, or the one a token issued after an
   * earlier revocation in this second carries ({@link DenyList#firstValidIssue}), so it goes too.
   */
  private Instant upToNow(UUID account, Instant now) {
    return denyList.firstValidIssue(account.toString(), now);
  }

  private void announce(
      UUID account, UUID sessionId, Instant issuedBefore, String reason, Instant now) {
    AccessRevoked revoked =
        new AccessRevoked(
            UUID.randomUUID(),
            AccessRevoked.SCHEMA_VERSION,
            now,
            account.toString(),
            sessionId == null ? null : sessionId.toString(),
            issuedBefore,
            reason,
            now.plus(accessLifetime));
    outbox.publish(Topics.GATEWAY_ACCESS, account.toString(), revoked);
    denyList.apply(revoked);
  }
}
