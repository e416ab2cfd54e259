package dev.rehearse.gateway.limits;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-minute fixed-window counters per key, in this instance's memory: with N gateway instances a
 * client can get up to N times the limit, an accepted trade for no shared store on the hot path.
 */
@Singleton
public class RateLimiter {
  private static final long MINUTE = Duration.ofMinutes(1).toNanos();

  private record Window(long startNanos, int count) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /**
   * Counts one use of {@code key}; throws when it is used more than {@code perMinute} times in one
   * minute.
   */
  public void acquire(String key, int perMinute, String what) {
    long now = System.nanoTime();
    Window w =
        windows.compute(
            key,
            (k, old) ->
                old == null || now - old.startNanos() >= MINUTE
                    ? new Window(now, 1)
                    : new Window(old.startNanos(), old.count() + 1));
    if (w.count() > perMinute) {
      throw new TooManyRequestsException(
          "too many " + what + "; try again shortly",
          Duration.ofNanos(MINUTE - (now - w.startNanos())));
    }
  }

  @Scheduled(fixedDelay = "1m")
  void forgetOldWindows() {
    long now = System.nanoTime();
    windows.values().removeIf(w -> now - w.startNanos() >= MINUTE);
  }
}
