package dev.rehearse.gateway.accounts;

import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Sign-in sessions: each starts with an access token and a refresh token; a refresh token is used
 * once for the next pair. One presented a second time was copied, so the whole session ends (its
 * refresh tokens and, through {@link Revocations}, its access tokens).
 */
@Singleton
public class Tokens {
  static final String REFRESH_REFUSED = "this refresh token is not valid any more: sign in again";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final AccessTokens access;
  private final RefreshTokenRepository refreshTokens;
  private final UserAccountRepository users;
  private final Revocations revocations;
  private final Duration refreshLifetime;

  public Tokens(
      AccessTokens access,
      RefreshTokenRepository refreshTokens,
      UserAccountRepository users,
      Revocations revocations,
      @Value("${rehearse.auth.refresh-token-lifetime:14d}") Duration refreshLifetime) {
    this.access = access;
    this.refreshTokens = refreshTokens;
    this.users = users;
    this.revocations = revocations;
    this.refreshLifetime = refreshLifetime;
  }

  /** Starts a sign-in session for {@code account}. */
  SignedIn issue(UserAccount account) {
    return pair(account, UUID.randomUUID(), Instant.now());
  }

  /** The next pair of the refresh token's session; the refresh token is used up. */
  @Transactional(noRollbackFor = ProblemException.class) // a reuse's revocation must stay
  public SignedIn refresh(String refreshToken) {
    Instant now = Instant.now();
    RefreshToken used =
        refreshTokens.findForUpdate(hash(refreshToken)).orElseThrow(Tokens::refused);
    if (used.revokedAt() != null || !used.expiresAt().isAfter(now)) {
      throw refused();
    }
    if (used.usedAt() != null) {
      revocations.endSession(used.accountId(), used.sessionId(), Revocations.REFRESH_REUSED);
      throw refused();
    }
    refreshTokens.markUsed(used.id(), now);
    UserAccount account = users.findById(used.accountId()).orElseThrow(Tokens::refused);
    return pair(account, used.sessionId(), now); // the account's current role, not the old one
  }

  private SignedIn pair(UserAccount account, UUID sessionId, Instant now) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    refreshTokens.save(
        new RefreshToken(
            UUID.randomUUID(),
            sessionId,
            account.id(),
            hash(refreshToken),
            now,
            now.plus(refreshLifetime),
            null,
            null));
    return new SignedIn(
        access.issue(account, sessionId),
        "Bearer",
        (int) access.lifetime().toSeconds(),
        UserView.of(account),
        refreshToken);
  }

  /** Expired rows serve nothing; they go a day after expiry. */
  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  void purgeExpired() {
    refreshTokens.deleteExpiredBefore(Instant.now().minus(Duration.ofDays(1)));
  }

  private static ProblemException refused() {
    return new ProblemException(HttpStatus.UNAUTHORIZED, "refreshToken", REFRESH_REFUSED);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
