package dev.rehearse.platform.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.rehearse.contracts.AccessRevoked;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Revoked tokens, as the gateway announced them ({@link AccessRevokedListener}): whole sign-in
 * sessions, and everything a subject was issued before an instant. Each entry is forgotten once
 * every token it covers has expired, so the list stays as short as the access-token lifetime.
 */
@Singleton
public class DenyList {
  private record Entry(Instant issuedBefore, Instant until) {}

  private final Cache<String, Entry> subjects = cache();
  private final Cache<String, Entry> sessions = cache();

  public void apply(AccessRevoked revoked) {
    if (!revoked.until().isAfter(Instant.now())) {
      return; // replayed from the topic's start: every token it covers has expired
    }
    if (revoked.sessionId() != null) {
      sessions.put(revoked.sessionId(), new Entry(Instant.MAX, revoked.until()));
    }
    if (revoked.issuedBefore() != null) {
      subjects
          .asMap()
          .merge(
              revoked.subject(),
              new Entry(revoked.issuedBefore(), revoked.until()),
              (a, b) -> a.issuedBefore().isAfter(b.issuedBefore()) ? a : b);
    }
  }

  /**
   * True when the token's session was revoked, or its subject's tokens issued before a time. JWT
   * times are whole seconds, so the time is compared at that precision: the token the gateway
   * issues in the same second as the change (the new one after a password change) stays valid.
   * Sessions are revoked by id as well, which has no such second of grace.
   */
  public boolean denies(VerifiedToken token) {
    if (token.sessionId() != null && sessions.getIfPresent(token.sessionId()) != null) {
      return true;
    }
    Entry entry = subjects.getIfPresent(token.caller().id());
    return entry != null
        && token.issuedAt().isBefore(entry.issuedBefore().truncatedTo(ChronoUnit.SECONDS));
  }

  private static Cache<String, Entry> cache() {
    return Caffeine.newBuilder()
        .expireAfter(Expiry.writing((String key, Entry e) -> TokenVerifier.untilExpiry(e.until())))
        .build();
  }
}
