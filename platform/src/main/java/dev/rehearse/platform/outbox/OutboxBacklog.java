package dev.rehearse.platform.outbox;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;

/** How many outbox rows wait to be published, and since when the oldest of them waits. */
@Introspected
public record OutboxBacklog(long unsent, @Nullable Instant oldest) {
  /** Seconds the oldest unsent row has waited by {@code now}; 0 when none waits. */
  public double oldestAgeSeconds(Instant now) {
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
  }
}
