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
   * True when the token's session was revoked, or its subject's tokens issued up to a time. JWT
   * times are whole seconds, so a token from the second of the change counts as issued before it:
   * no revocation lets through a token it was meant to stop. The gateway issues the next tokens of
   * that subject from the following second ({@link #firstValidIssue}).
   */
  public boolean denies(VerifiedToken token) {
    if (token.sessionId() != null && sessions.getIfPresent(token.sessionId()) != null) {
      return true;
    }
    Entry entry = subjects.getIfPresent(token.caller().id());
    return entry != null && !token.issuedAt().isAfter(lastRevokedSecond(entry));
  }

  /**
   * The earliest whole-second issue time a new token of {@code subject} is accepted with: the
   * second after the last one revoked. The gateway issues tokens at this time (a fraction of a
   * second ahead, after a change), and revokes up to it, so a change made in the same second as an
   * earlier one still ends the tokens issued in between.
   */
  public Instant firstValidIssue(String subject, Instant now) {
    Instant second = now.truncatedTo(ChronoUnit.SECONDS);
    Entry entry = subjects.getIfPresent(subject);
    if (entry == null) {
      return second;
    }
    Instant next = lastRevokedSecond(entry).plusSeconds(1);
    return next.isAfter(second) ? next : second;
  }

  private static Instant lastRevokedSecond(Entry entry) {
    return entry.issuedBefore().truncatedTo(ChronoUnit.SECONDS);
  }

  private static Cache<String, Entry> cache() {
    return Caffeine.newBuilder()
        .expireAfter(Expiry.writing((String key, Entry e) -> TokenVerifier.untilExpiry(e.until())))
        .build();
  }
}
