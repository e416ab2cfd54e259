package dev.rehearse.gateway.limits;

import dev.rehearse.platform.identity.Caller;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Spoken answers per user and minute, uploaded or live alike: recognition is the expensive part
 * however the audio arrives, so both take from the same bucket.
 */
@Singleton
public class AudioLimit {
  private final KeyedLimiter perUser;

  public AudioLimit(@Value("${rehearse.gateway.limits.audio-per-minute:20}") int perMinute) {
    this.perUser = new KeyedLimiter(KeyedLimiter.perWindow(perMinute, Duration.ofMinutes(1)));
  }

  /** Takes one of {@code caller}'s audio answers for this minute, or throws a 429 problem. */
  public void acquire(Caller caller) {
    perUser.acquire(caller.id(), "audio answers");
  }
}
